/* SPDX-License-Identifier: MIT */
/*
 * test_mqtt_deserializer.c: decoding of every packet a client receives, from exact bytes
 * (MQTT 3.1.1 sections 3.2 CONNACK, 3.3 PUBLISH, 3.4-3.7 acks, 3.9 SUBACK with the figure 3.26
 * example, 3.11 UNSUBACK, 3.13 PINGRESP), fixed headers arriving a byte at a time, and the
 * checks that reject malformed packets. (The corpus of malformed packets in ../fuzz/corpus is
 * replayed by the fuzz_corpus test.) Pure functions: no scheduler.
 */
#include "core_mqtt.h"
#include "qtest.h"

#include <string.h>

static uint8_t packet[64];

/* Sets up pkt over bytes (a whole packet: fixed header first). */
static MQTTStatus_t frame(MQTTPacketInfo_t *pkt, const uint8_t *bytes, size_t len)
{
    size_t index = len;
    MQTTStatus_t status;

    memcpy(packet, bytes, len);
    status = MQTT_ProcessIncomingPacketTypeAndLength(packet, &index, pkt);
    if (status == MQTTSuccess) {
        pkt->pRemainingData = packet + pkt->headerLength;
    }
    return status;
}

#define FRAME(pkt, ...)                                                                            \
    ({                                                                                             \
        static const uint8_t bytes_[] = {__VA_ARGS__};                                             \
        frame((pkt), bytes_, sizeof(bytes_));                                                      \
    })

static void test_MQTT_DeserializeAck_connack_accepted_and_session(void)
{
    MQTTPacketInfo_t pkt;
    bool sp = false;

    QT_EQ(FRAME(&pkt, 0x20, 0x02, 0x01, 0x00), MQTTSuccess);
    QT_EQ(pkt.type, MQTT_PACKET_TYPE_CONNACK);
    QT_EQ(pkt.remainingLength, 2);
    QT_EQ(pkt.headerLength, 2);
    QT_EQ(MQTT_DeserializeAck(&pkt, NULL, &sp), MQTTSuccess);
    QT_ASSERT(sp);
    QT_EQ(FRAME(&pkt, 0x20, 0x02, 0x00, 0x00), MQTTSuccess);
    QT_EQ(MQTT_DeserializeAck(&pkt, NULL, &sp), MQTTSuccess);
    QT_ASSERT(!sp);
}

static void test_MQTT_DeserializeAck_connack_refusals(void)
{
    MQTTPacketInfo_t pkt;
    bool sp = true;

    for (uint8_t code = 1; code <= 5; code++) {
        const uint8_t bytes[] = {0x20, 0x02, 0x00, code};
        QT_EQ(frame(&pkt, bytes, sizeof(bytes)), MQTTSuccess);
        QT_EQ(MQTT_DeserializeAck(&pkt, NULL, &sp), MQTTServerRefused);
        QT_ASSERT(!sp);
    }
}

static void test_MQTT_DeserializeAck_publish_acks_carry_packet_id(void)
{
    static const uint8_t types[] = {0x40, 0x50, 0x62, 0x70, 0xB0};
    MQTTPacketInfo_t pkt;

    for (size_t i = 0; i < sizeof(types); i++) {
        const uint8_t bytes[] = {types[i], 0x02, 0x12, 0x34};
        uint16_t id = 0;

        QT_EQ(frame(&pkt, bytes, sizeof(bytes)), MQTTSuccess);
        QT_EQ(MQTT_DeserializeAck(&pkt, &id, NULL), MQTTSuccess);
        QT_EQ(id, 0x1234);
    }
}

/* Figure 3.26: codes 0x00, 0x02, 0x80 for packet identifier 10. */
static void test_MQTT_DeserializeAck_suback_spec_example(void)
{
    MQTTPacketInfo_t pkt;
    uint16_t id = 0;
    uint8_t *codes = NULL;
    size_t n = 0;

    QT_EQ(FRAME(&pkt, 0x90, 0x05, 0x00, 0x0A, 0x00, 0x02, 0x80), MQTTSuccess);
    QT_EQ(MQTT_DeserializeAck(&pkt, &id, NULL), MQTTServerRefused);
    QT_EQ(id, 10);
    QT_EQ(MQTT_GetSubAckStatusCodes(&pkt, &codes, &n), MQTTSuccess);
    QT_EQ(n, 3);
    QT_EQ(codes[0], MQTTSubAckSuccessQos0);
    QT_EQ(codes[1], MQTTSubAckSuccessQos2);
    QT_EQ(codes[2], MQTTSubAckFailure);
    QT_EQ(FRAME(&pkt, 0x90, 0x04, 0x00, 0x0B, 0x01, 0x02), MQTTSuccess);
    QT_EQ(MQTT_DeserializeAck(&pkt, &id, NULL), MQTTSuccess);
    QT_EQ(id, 11);
}

static void test_MQTT_DeserializeAck_pingresp(void)
{
    MQTTPacketInfo_t pkt;

    QT_EQ(FRAME(&pkt, 0xD0, 0x00), MQTTSuccess);
    QT_EQ(MQTT_DeserializeAck(&pkt, NULL, NULL), MQTTSuccess);
}

static void test_MQTT_DeserializePublish_qos_flags_topic_payload(void)
{
    MQTTPacketInfo_t pkt;
    MQTTPublishInfo_t pub;
    uint16_t id = 99;

    QT_EQ(FRAME(&pkt, 0x31, 0x07, 0x00, 0x03, 'a', '/', 'b', 'h', 'i'), MQTTSuccess);
    QT_EQ(MQTT_DeserializePublish(&pkt, &id, &pub), MQTTSuccess);
    QT_EQ(id, 0);
    QT_EQ(pub.qos, MQTTQoS0);
    QT_ASSERT(pub.retain && !pub.dup);
    QT_EQ(pub.topicNameLength, 3);
    QT_ASSERT(memcmp(pub.pTopicName, "a/b", 3) == 0);
    QT_EQ(pub.payloadLength, 2);
    QT_ASSERT(memcmp(pub.pPayload, "hi", 2) == 0);
    QT_EQ(FRAME(&pkt, 0x3C, 0x07, 0x00, 0x03, 'a', '/', 'b', 0x00, 0x0A), MQTTSuccess);
    QT_EQ(MQTT_DeserializePublish(&pkt, &id, &pub), MQTTSuccess);
    QT_EQ(id, 10);
    QT_EQ(pub.qos, MQTTQoS2);
    QT_ASSERT(pub.dup && !pub.retain);
    QT_EQ(pub.payloadLength, 0);
}

/* The fixed header arrives a byte at a time: MQTTNeedMoreBytes until it is whole. */
static void test_MQTT_ProcessIncomingPacketTypeAndLength_incremental(void)
{
    static const uint8_t bytes[] = {0x30, 0xC1, 0x82, 0x01}; /* 0x41 + 0x02*128 + 0x01*16384 */
    MQTTPacketInfo_t pkt;
    size_t index = 0;

    QT_EQ(MQTT_ProcessIncomingPacketTypeAndLength(bytes, &index, &pkt), MQTTNoDataAvailable);
    for (index = 1; index < sizeof(bytes); index++) {
        QT_EQ(MQTT_ProcessIncomingPacketTypeAndLength(bytes, &index, &pkt), MQTTNeedMoreBytes);
    }
    QT_EQ(MQTT_ProcessIncomingPacketTypeAndLength(bytes, &index, &pkt), MQTTSuccess);
    QT_EQ(pkt.remainingLength, 0x41 + 2 * 128 + 16384);
    QT_EQ(pkt.headerLength, 4);
}

static const uint8_t *read_src;
static size_t read_left;

static int32_t fake_read(NetworkContext_t *ctx, void *buf, size_t n)
{
    (void)ctx;
    if (read_left == 0) {
        return 0;
    }
    n = n < read_left ? n : read_left;
    memcpy(buf, read_src, n);
    read_src += n;
    read_left -= n;
    return (int32_t)n;
}

static void test_MQTT_GetIncomingPacketTypeAndLength_reads_header_only(void)
{
    static const uint8_t bytes[] = {0x90, 0x80, 0x01, 0xAA};
    MQTTPacketInfo_t pkt;

    read_src = bytes;
    read_left = sizeof(bytes);
    QT_EQ(MQTT_GetIncomingPacketTypeAndLength(fake_read, NULL, &pkt), MQTTSuccess);
    QT_EQ(pkt.type, MQTT_PACKET_TYPE_SUBACK);
    QT_EQ(pkt.remainingLength, 128);
    QT_EQ(read_left, 1); /* the body is left for the caller */
    read_left = 0;
    QT_EQ(MQTT_GetIncomingPacketTypeAndLength(fake_read, NULL, &pkt), MQTTNoDataAvailable);
    read_src = bytes;
    read_left = 2; /* stops inside the length */
    QT_EQ(MQTT_GetIncomingPacketTypeAndLength(fake_read, NULL, &pkt), MQTTRecvFailed);
}

/* Bad input last: each malformation gets MQTTBadResponse (or MQTTBadParameter for misuse). */
static void test_MQTT_Deserialize_malformed_packets_rejected(void)
{
    MQTTPacketInfo_t pkt;
    MQTTPublishInfo_t pub;
    uint16_t id;
    bool sp;

    QT_EQ(FRAME(&pkt, 0x10, 0x00), MQTTBadResponse);           /* CONNECT is client-only */
    QT_EQ(FRAME(&pkt, 0x41, 0x02, 0, 1), MQTTBadResponse);     /* reserved flag set */
    QT_EQ(FRAME(&pkt, 0x60, 0x02, 0, 1), MQTTBadResponse);     /* PUBREL without 0010 */
    QT_EQ(FRAME(&pkt, 0x36, 0x03, 0, 1, 't'), MQTTBadResponse); /* QoS 3 */
    QT_EQ(FRAME(&pkt, 0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x01), MQTTBadResponse); /* 5 digits */
    QT_EQ(FRAME(&pkt, 0x30, 0x80, 0x00), MQTTBadResponse);     /* padded length */
    QT_EQ(FRAME(&pkt, 0x20, 0x03, 0, 0, 0), MQTTSuccess);
    QT_EQ(MQTT_DeserializeAck(&pkt, &id, &sp), MQTTBadResponse); /* CONNACK of 3 bytes */
    QT_EQ(FRAME(&pkt, 0x20, 0x02, 0x02, 0), MQTTSuccess);
    QT_EQ(MQTT_DeserializeAck(&pkt, &id, &sp), MQTTBadResponse); /* reserved ack flag */
    QT_EQ(FRAME(&pkt, 0x20, 0x02, 0x01, 0x03), MQTTSuccess);
    QT_EQ(MQTT_DeserializeAck(&pkt, &id, &sp), MQTTBadResponse); /* refusal with session */
    QT_EQ(FRAME(&pkt, 0x20, 0x02, 0x00, 0x06), MQTTSuccess);
    QT_EQ(MQTT_DeserializeAck(&pkt, &id, &sp), MQTTBadResponse); /* unknown code */
    QT_EQ(FRAME(&pkt, 0x40, 0x02, 0, 0), MQTTSuccess);
    QT_EQ(MQTT_DeserializeAck(&pkt, &id, &sp), MQTTBadResponse); /* packet id 0 */
    QT_EQ(FRAME(&pkt, 0x40, 0x03, 0, 1, 0), MQTTSuccess);
    QT_EQ(MQTT_DeserializeAck(&pkt, &id, &sp), MQTTBadResponse); /* PUBACK too long */
    QT_EQ(FRAME(&pkt, 0x90, 0x02, 0, 1), MQTTSuccess);
    QT_EQ(MQTT_DeserializeAck(&pkt, &id, &sp), MQTTBadResponse); /* SUBACK with no codes */
    QT_EQ(FRAME(&pkt, 0x90, 0x03, 0, 1, 0x03), MQTTSuccess);
    QT_EQ(MQTT_DeserializeAck(&pkt, &id, &sp), MQTTBadResponse); /* SUBACK code 3 */
    QT_EQ(FRAME(&pkt, 0xD0, 0x01, 0), MQTTSuccess);
    QT_EQ(MQTT_DeserializeAck(&pkt, &id, &sp), MQTTBadResponse); /* PINGRESP with a body */
    QT_EQ(FRAME(&pkt, 0x30, 0x04, 0, 3, 'a', '/'), MQTTSuccess);
    QT_EQ(MQTT_DeserializePublish(&pkt, &id, &pub), MQTTBadResponse); /* topic overruns */
    QT_EQ(FRAME(&pkt, 0x32, 0x04, 0, 1, 't', 0), MQTTSuccess);
    QT_EQ(MQTT_DeserializePublish(&pkt, &id, &pub), MQTTBadResponse); /* id cut short */
    QT_EQ(FRAME(&pkt, 0x32, 0x05, 0, 1, 't', 0, 0), MQTTSuccess);
    QT_EQ(MQTT_DeserializePublish(&pkt, &id, &pub), MQTTBadResponse); /* packet id 0 */
    QT_EQ(FRAME(&pkt, 0x30, 0x02, 0, 0), MQTTSuccess);
    QT_EQ(MQTT_DeserializePublish(&pkt, &id, &pub), MQTTBadResponse); /* empty topic */
    QT_EQ(FRAME(&pkt, 0x38, 0x03, 0, 1, 't'), MQTTSuccess);
    QT_EQ(MQTT_DeserializePublish(&pkt, &id, &pub), MQTTBadResponse); /* DUP at QoS 0 */
    QT_EQ(MQTT_DeserializePublish(NULL, &id, &pub), MQTTBadParameter);
    QT_EQ(FRAME(&pkt, 0x40, 0x02, 0, 1), MQTTSuccess);
    QT_EQ(MQTT_DeserializePublish(&pkt, &id, &pub), MQTTBadParameter); /* not a PUBLISH */
    QT_EQ(MQTT_DeserializeAck(&pkt, NULL, &sp), MQTTBadParameter);
    QT_EQ(MQTT_GetSubAckStatusCodes(&pkt, (uint8_t **)&pub.pPayload, &pub.payloadLength),
          MQTTBadParameter);
    QT_EQ(MQTT_ProcessIncomingPacketTypeAndLength(NULL, &pub.payloadLength, &pkt),
          MQTTBadParameter);
}

QTEST_MAIN(QTEST_CASE_NO_SCHEDULER(test_MQTT_DeserializeAck_connack_accepted_and_session),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_DeserializeAck_connack_refusals),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_DeserializeAck_publish_acks_carry_packet_id),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_DeserializeAck_suback_spec_example),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_DeserializeAck_pingresp),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_DeserializePublish_qos_flags_topic_payload),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_ProcessIncomingPacketTypeAndLength_incremental),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_GetIncomingPacketTypeAndLength_reads_header_only),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_Deserialize_malformed_packets_rejected))
