/* SPDX-License-Identifier: MIT */
/*
 * mqtt_fuzz.h: the MQTT parser entry points the libFuzzer targets and the corpus replay share.
 * Built with MQTT_DO_NOT_USE_CUSTOM_CONFIG: no kernel, no logging.
 */
#ifndef MQTT_FUZZ_H
#define MQTT_FUZZ_H

#include "core_mqtt_serializer.h"

/*
 * Decode the first packet in data as a client would: fixed header, then PUBLISH or ack
 * deserialization (and topic matching, SUBACK codes). The packet body is copied to a buffer of
 * exactly its length, so any over-read is caught by AddressSanitizer. Returns the status.
 */
MQTTStatus_t mqtt_fuzz_deserialize(const uint8_t *data, size_t size);

/*
 * Feed data, in chunks of varying size, as the byte stream of a connected client with QoS
 * records and a small network buffer, through MQTT_ProcessLoop until the stream ends. Exercises
 * buffering, oversized-packet discard, the state machine and the acks it sends.
 */
MQTTStatus_t mqtt_fuzz_process_loop(const uint8_t *data, size_t size);

#endif /* MQTT_FUZZ_H */
