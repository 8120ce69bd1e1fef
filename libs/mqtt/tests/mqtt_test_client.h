/* SPDX-License-Identifier: MIT */
/*
 * mqtt_test_client.h: an MQTT client for the broker tests: a coreMQTT context over the
 * platform's transport (test_service.h: host sockets, or lwIP on a board) with its own buffers
 * and records, plus hooks the test sets for incoming publishes and acks.
 * Everything runs in the calling task; waits are vTaskDelay(1) polls bounded in ticks.
 */
#ifndef MQTT_TEST_CLIENT_H
#define MQTT_TEST_CLIENT_H

#include "core_mqtt.h"
#include "test_service.h"

#define TEST_CLIENT_BUFFER 4096
#define TEST_CLIENT_RECORDS 32

struct test_client;
typedef void (*test_publish_fn)(struct test_client *c, const MQTTPublishInfo_t *pub,
                                uint16_t packetId);
typedef void (*test_ack_fn)(struct test_client *c, uint8_t type, uint16_t packetId,
                            MQTTStatus_t result, const MQTTPacketInfo_t *pkt);

struct test_client {
    MQTTContext_t mqtt;
    NetworkContext_t net;
    TransportInterface_t transport;
    uint8_t buffer[TEST_CLIENT_BUFFER];
    MQTTPubAckInfo_t outgoing[TEST_CLIENT_RECORDS];
    MQTTPubAckInfo_t incoming[TEST_CLIENT_RECORDS];
    test_publish_fn on_publish; /* may be NULL */
    test_ack_fn on_ack;         /* may be NULL */
    void *user;
    void *suback_wait; /* test_client_subscribe's own state */
    unsigned events; /* callbacks so far: a cheap progress indicator */
};

/* Milliseconds from the tick count (the MQTT_Init clock). */
uint32_t test_time_ms(void);

/* The broker: $MQTT_BROKER_PORT on the host (mqtt_broker_driver.py), port 1883 on a board. */
extern const struct test_service test_broker;

/* Prepare a client (no connection yet). */
void test_client_init(struct test_client *c);

/*
 * Open TCP and MQTT. `id` is made unique per process; returns the MQTT_Connect status
 * (MQTTRecvFailed-like statuses for a TCP failure: MQTTSendFailed).
 */
MQTTStatus_t test_client_connect(struct test_client *c, const char *id, bool clean,
                                 const MQTTPublishInfo_t *will, uint16_t keepAliveSec,
                                 bool *sessionPresent);

/* Close the socket without MQTT DISCONNECT (abrupt: the broker sends the will). */
void test_client_drop(struct test_client *c);

/* MQTT DISCONNECT, then close. */
void test_client_close(struct test_client *c);

/* Subscribe to one filter and wait for its SUBACK; returns the granted code (0x80 failure). */
int test_client_subscribe(struct test_client *c, const char *filter, MQTTQoS_t qos);

/*
 * Run ProcessLoop on up to 2 clients (NULL for none) until done(arg) holds or timeout_ticks
 * pass without any callback; returns 1 if done held. Stops early (0) on a loop error, which it
 * stores in *err if err is not NULL.
 */
int test_clients_run(struct test_client *a, struct test_client *b, int (*done)(void *arg),
                     void *arg, TickType_t timeout_ticks, MQTTStatus_t *err);

/* A topic under this run's own prefix ("quartz/<run id>/<suffix>"), in a static buffer ring. */
const char *test_topic(const char *suffix);

#endif /* MQTT_TEST_CLIENT_H */
