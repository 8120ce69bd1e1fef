/* SPDX-License-Identifier: MIT */
/*
 * core_mqtt_config_defaults.h: the default of every coreMQTT configuration macro, given once.
 * An application overrides any of them in its core_mqtt_config.h (included first, unless it
 * defines MQTT_DO_NOT_USE_CUSTOM_CONFIG). Times are in milliseconds of the MQTT_Init getTime
 * clock.
 */
#ifndef CORE_MQTT_CONFIG_DEFAULTS_H_
#define CORE_MQTT_CONFIG_DEFAULTS_H_

/* How long MQTT_ProcessLoop waits for a PINGRESP after its PINGREQ before MQTTKeepAliveTimeout. */
#ifndef MQTT_PINGRESP_TIMEOUT_MS
#define MQTT_PINGRESP_TIMEOUT_MS 5000U
#endif

/*
 * How long a send may go on making no progress (the transport returning 0) before
 * MQTTSendFailed. coreMQTT v2.0 called the same limit MQTT_SEND_RETRY_TIMEOUT_MS; either name
 * is honoured.
 */
#ifndef MQTT_SEND_TIMEOUT_MS
#ifdef MQTT_SEND_RETRY_TIMEOUT_MS
#define MQTT_SEND_TIMEOUT_MS MQTT_SEND_RETRY_TIMEOUT_MS
#else
#define MQTT_SEND_TIMEOUT_MS 20000U
#endif
#endif

/*
 * Once part of a packet has arrived, how long to wait without further bytes for its rest when
 * the library must have the whole packet (CONNACK in MQTT_Connect, discarding an oversized
 * packet) before giving up with MQTTRecvFailed.
 */
#ifndef MQTT_RECV_POLLING_TIMEOUT_MS
#define MQTT_RECV_POLLING_TIMEOUT_MS 10U
#endif

/* With MQTT_Connect's timeoutMs 0: how many receive attempts to make for the CONNACK. */
#ifndef MQTT_MAX_CONNACK_RECEIVE_RETRY_COUNT
#define MQTT_MAX_CONNACK_RECEIVE_RETRY_COUNT 5U
#endif

/* Logging: a no-op unless core_mqtt_config.h brought in logging_stack.h (or its own macros). */
#ifndef LogError
#define LogError(message)
#endif
#ifndef LogWarn
#define LogWarn(message)
#endif
#ifndef LogInfo
#define LogInfo(message)
#endif
#ifndef LogDebug
#define LogDebug(message)
#endif

#endif /* CORE_MQTT_CONFIG_DEFAULTS_H_ */
