/* SPDX-License-Identifier: MIT */
/*
 * test_mqtt_serializer.c: every serializer against exact bytes, taken from the examples and
 * field definitions of the OASIS MQTT 3.1.1 specification (remaining-length table 2.4, CONNECT
 * variable header figure 3.6, PUBLISH figure 3.11, SUBSCRIBE figure 3.21, UNSUBSCRIBE figure
 * 3.29, the two-byte packets), and their size and buffer checks. Pure functions: no scheduler.
 */
#include "core_mqtt_serializer.h"
#include "qtest.h"

#include <string.h>

static uint8_t out[512];
static MQTTFixedBuffer_t buf = {out, sizeof(out)};

#define QT_BYTES(actual, ...)                                                                      \
    do {                                                                                           \
        static const uint8_t expected_[] = {__VA_ARGS__};                                         \
        QT_ASSERT(memcmp((actual), expected_, sizeof(expected_)) == 0);                            \
    } while (0)

/* Table 2.4: remaining-length encodings at each size boundary, seen through PUBLISH sizes. */
static void test_MQTT_GetPublishPacketSize_remaining_length_boundaries(void)
{
    static const struct {
        size_t remaining, header_bytes;
    } cases[] = {{127, 1}, {128, 2}, {16383, 2}, {16384, 3}, {2097151, 3}, {2097152, 4},
                 {268435455, 4}};
    MQTTPublishInfo_t pub = {.qos = MQTTQoS0, .pTopicName = "t", .topicNameLength = 1,
                             .pPayload = out};
    size_t rem, size;

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        pub.payloadLength = cases[i].remaining - 3; /* topic field is 3 bytes */
        QT_EQ(MQTT_GetPublishPacketSize(&pub, &rem, &size), MQTTSuccess);
        QT_EQ(rem, cases[i].remaining);
        QT_EQ(size, 1 + cases[i].header_bytes + cases[i].remaining);
    }
    pub.payloadLength = 268435455 - 2; /* one past the largest remaining length */
    QT_EQ(MQTT_GetPublishPacketSize(&pub, &rem, &size), MQTTBadParameter);
}

static void test_MQTT_SerializePublishHeader_length_encodings(void)
{
    MQTTPublishInfo_t pub = {.qos = MQTTQoS0, .pTopicName = "t", .topicNameLength = 1,
                             .pPayload = out};
    size_t rem, size, header;

    pub.payloadLength = 128 - 3;
    QT_EQ(MQTT_GetPublishPacketSize(&pub, &rem, &size), MQTTSuccess);
    QT_EQ(MQTT_SerializePublishHeader(&pub, 0, rem, &buf, &header), MQTTSuccess);
    QT_EQ(header, 6);
    QT_BYTES(out, 0x30, 0x80, 0x01, 0x00, 0x01, 't');
    pub.payloadLength = 16384 - 3;
    QT_EQ(MQTT_GetPublishPacketSize(&pub, &rem, &size), MQTTSuccess);
    QT_EQ(MQTT_SerializePublishHeader(&pub, 0, rem, &buf, &header), MQTTSuccess);
    QT_BYTES(out, 0x30, 0x80, 0x80, 0x01);
    pub.payloadLength = 268435455 - 3;
    QT_EQ(MQTT_GetPublishPacketSize(&pub, &rem, &size), MQTTSuccess);
    QT_EQ(MQTT_SerializePublishHeader(&pub, 0, rem, &buf, &header), MQTTSuccess);
    QT_BYTES(out, 0x30, 0xFF, 0xFF, 0xFF, 0x7F);
}

/* Figure 3.6's variable header (flags 0xCE: user, password, will QoS 1, will, clean). */
static void test_MQTT_SerializeConnect_spec_example_flags(void)
{
    MQTTConnectInfo_t ci = {.cleanSession = true, .keepAliveIntervalSec = 10,
                            .pClientIdentifier = "id", .clientIdentifierLength = 2,
                            .pUserName = "u", .userNameLength = 1, .pPassword = "pw",
                            .passwordLength = 2};
    MQTTPublishInfo_t will = {.qos = MQTTQoS1, .pTopicName = "w", .topicNameLength = 1,
                              .pPayload = "bye", .payloadLength = 3};
    size_t rem, size;

    QT_EQ(MQTT_GetConnectPacketSize(&ci, &will, &rem, &size), MQTTSuccess);
    QT_EQ(rem, 10 + 4 + 3 + 5 + 3 + 4);
    QT_EQ(size, rem + 2);
    QT_EQ(MQTT_SerializeConnect(&ci, &will, rem, &buf), MQTTSuccess);
    QT_BYTES(out, 0x10, 29, 0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, 0xCE, 0x00, 0x0A,
             0x00, 0x02, 'i', 'd', 0x00, 0x01, 'w', 0x00, 0x03, 'b', 'y', 'e',
             0x00, 0x01, 'u', 0x00, 0x02, 'p', 'w');
}

static void test_MQTT_SerializeConnect_minimal_persistent_with_retained_will(void)
{
    MQTTConnectInfo_t ci = {.cleanSession = false, .keepAliveIntervalSec = 0x1234,
                            .pClientIdentifier = "c", .clientIdentifierLength = 1};
    MQTTPublishInfo_t will = {.qos = MQTTQoS2, .retain = true, .pTopicName = "t",
                              .topicNameLength = 1};
    size_t rem, size;

    QT_EQ(MQTT_GetConnectPacketSize(&ci, NULL, &rem, &size), MQTTSuccess);
    QT_EQ(MQTT_SerializeConnect(&ci, NULL, rem, &buf), MQTTSuccess);
    QT_BYTES(out, 0x10, 13, 0, 4, 'M', 'Q', 'T', 'T', 4, 0x00, 0x12, 0x34, 0, 1, 'c');
    QT_EQ(MQTT_GetConnectPacketSize(&ci, &will, &rem, &size), MQTTSuccess);
    QT_EQ(MQTT_SerializeConnect(&ci, &will, rem, &buf), MQTTSuccess);
    /* Will flag 0x04, will QoS 2 (0x10), will retain 0x20; empty will message. */
    QT_BYTES(out, 0x10, 18, 0, 4, 'M', 'Q', 'T', 'T', 4, 0x34, 0x12, 0x34, 0, 1, 'c', 0, 1, 't',
             0, 0);
}

/* Figure 3.11: topic "a/b", packet identifier 10. */
static void test_MQTT_SerializePublish_spec_example(void)
{
    MQTTPublishInfo_t pub = {.qos = MQTTQoS1, .pTopicName = "a/b", .topicNameLength = 3,
                             .pPayload = "hi", .payloadLength = 2};
    size_t rem, size;

    QT_EQ(MQTT_GetPublishPacketSize(&pub, &rem, &size), MQTTSuccess);
    QT_EQ(rem, 9);
    QT_EQ(MQTT_SerializePublish(&pub, 10, rem, &buf), MQTTSuccess);
    QT_BYTES(out, 0x32, 9, 0x00, 0x03, 'a', '/', 'b', 0x00, 0x0A, 'h', 'i');
    pub.qos = MQTTQoS2;
    pub.dup = true;
    pub.retain = true;
    QT_EQ(MQTT_SerializePublish(&pub, 0xBEEF, rem, &buf), MQTTSuccess);
    QT_BYTES(out, 0x3D, 9, 0x00, 0x03, 'a', '/', 'b', 0xBE, 0xEF, 'h', 'i');
}

static void test_MQTT_SerializePublish_qos0_has_no_packet_id(void)
{
    MQTTPublishInfo_t pub = {.qos = MQTTQoS0, .retain = true, .pTopicName = "a/b",
                             .topicNameLength = 3};
    size_t rem, size, header;

    QT_EQ(MQTT_GetPublishPacketSize(&pub, &rem, &size), MQTTSuccess);
    QT_EQ(rem, 5);
    QT_EQ(MQTT_SerializePublish(&pub, 0, rem, &buf), MQTTSuccess);
    QT_BYTES(out, 0x31, 5, 0x00, 0x03, 'a', '/', 'b');
    QT_EQ(MQTT_SerializePublishHeader(&pub, 0, rem, &buf, &header), MQTTSuccess);
    QT_EQ(header, 7);
}

/* Figure 3.21/3.22: "a/b" QoS 1 and "c/d" QoS 2, packet identifier 10. */
static void test_MQTT_SerializeSubscribe_spec_example(void)
{
    MQTTSubscribeInfo_t subs[2] = {{MQTTQoS1, "a/b", 3}, {MQTTQoS2, "c/d", 3}};
    size_t rem, size;

    QT_EQ(MQTT_GetSubscribePacketSize(subs, 2, &rem, &size), MQTTSuccess);
    QT_EQ(rem, 14);
    QT_EQ(size, 16);
    QT_EQ(MQTT_SerializeSubscribe(subs, 2, 10, rem, &buf), MQTTSuccess);
    QT_BYTES(out, 0x82, 14, 0x00, 0x0A, 0x00, 0x03, 'a', '/', 'b', 0x01, 0x00, 0x03, 'c', '/',
             'd', 0x02);
}

/* Figure 3.29/3.30. */
static void test_MQTT_SerializeUnsubscribe_spec_example(void)
{
    MQTTSubscribeInfo_t subs[2] = {{MQTTQoS0, "a/b", 3}, {MQTTQoS0, "c/d", 3}};
    size_t rem, size;

    QT_EQ(MQTT_GetUnsubscribePacketSize(subs, 2, &rem, &size), MQTTSuccess);
    QT_EQ(rem, 12);
    QT_EQ(MQTT_SerializeUnsubscribe(subs, 2, 10, rem, &buf), MQTTSuccess);
    QT_BYTES(out, 0xA2, 12, 0x00, 0x0A, 0x00, 0x03, 'a', '/', 'b', 0x00, 0x03, 'c', '/', 'd');
}

static void test_MQTT_SerializeAck_all_four(void)
{
    QT_EQ(MQTT_SerializeAck(&buf, MQTT_PACKET_TYPE_PUBACK, 0x0102), MQTTSuccess);
    QT_BYTES(out, 0x40, 0x02, 0x01, 0x02);
    QT_EQ(MQTT_SerializeAck(&buf, MQTT_PACKET_TYPE_PUBREC, 7), MQTTSuccess);
    QT_BYTES(out, 0x50, 0x02, 0x00, 0x07);
    QT_EQ(MQTT_SerializeAck(&buf, MQTT_PACKET_TYPE_PUBREL, 7), MQTTSuccess);
    QT_BYTES(out, 0x62, 0x02, 0x00, 0x07); /* PUBREL's reserved flags are 0010 */
    QT_EQ(MQTT_SerializeAck(&buf, MQTT_PACKET_TYPE_PUBCOMP, 0xFFFF), MQTTSuccess);
    QT_BYTES(out, 0x70, 0x02, 0xFF, 0xFF);
}

static void test_MQTT_SerializePingreq_and_Disconnect(void)
{
    size_t size = 0;

    QT_EQ(MQTT_GetPingreqPacketSize(&size), MQTTSuccess);
    QT_EQ(size, 2);
    QT_EQ(MQTT_SerializePingreq(&buf), MQTTSuccess);
    QT_BYTES(out, 0xC0, 0x00);
    QT_EQ(MQTT_GetDisconnectPacketSize(&size), MQTTSuccess);
    QT_EQ(size, 2);
    QT_EQ(MQTT_SerializeDisconnect(&buf), MQTTSuccess);
    QT_BYTES(out, 0xE0, 0x00);
}

/* Buffer one byte short: MQTTNoMemory, and nothing written past the buffer. */
static void test_MQTT_Serialize_buffer_too_small_no_memory(void)
{
    MQTTSubscribeInfo_t sub = {MQTTQoS1, "a/b", 3};
    MQTTPublishInfo_t pub = {.qos = MQTTQoS1, .pTopicName = "a/b", .topicNameLength = 3,
                             .pPayload = "hi", .payloadLength = 2};
    MQTTConnectInfo_t ci = {.cleanSession = true, .pClientIdentifier = "id",
                            .clientIdentifierLength = 2};
    MQTTFixedBuffer_t small = {out, 0};
    size_t rem, size, header;

    QT_EQ(MQTT_GetSubscribePacketSize(&sub, 1, &rem, &size), MQTTSuccess);
    small.size = size - 1;
    QT_EQ(MQTT_SerializeSubscribe(&sub, 1, 1, rem, &small), MQTTNoMemory);
    QT_EQ(MQTT_GetPublishPacketSize(&pub, &rem, &size), MQTTSuccess);
    small.size = size - 1;
    QT_EQ(MQTT_SerializePublish(&pub, 1, rem, &small), MQTTNoMemory);
    small.size = size - pub.payloadLength; /* the header alone fits */
    QT_EQ(MQTT_SerializePublishHeader(&pub, 1, rem, &small, &header), MQTTSuccess);
    small.size--;
    QT_EQ(MQTT_SerializePublishHeader(&pub, 1, rem, &small, &header), MQTTNoMemory);
    QT_EQ(MQTT_GetConnectPacketSize(&ci, NULL, &rem, &size), MQTTSuccess);
    small.size = size - 1;
    QT_EQ(MQTT_SerializeConnect(&ci, NULL, rem, &small), MQTTNoMemory);
    small.size = 3;
    QT_EQ(MQTT_SerializeAck(&small, MQTT_PACKET_TYPE_PUBACK, 1), MQTTNoMemory);
    small.size = 1;
    QT_EQ(MQTT_SerializePingreq(&small), MQTTNoMemory);
    QT_EQ(MQTT_SerializeDisconnect(&small), MQTTNoMemory);
}

/* Bad input last. */
static void test_MQTT_Serialize_bad_parameters(void)
{
    MQTTConnectInfo_t ci = {.cleanSession = false, .pClientIdentifier = "", .clientIdentifierLength = 0};
    MQTTPublishInfo_t pub = {.qos = MQTTQoS0, .dup = true, .pTopicName = "t", .topicNameLength = 1};
    MQTTSubscribeInfo_t sub = {MQTTQoS1, "t", 0};
    MQTTFixedBuffer_t nobuf = {NULL, 10};
    size_t rem, size;

    /* Empty client id needs a clean session; a password needs a user name. */
    QT_EQ(MQTT_GetConnectPacketSize(&ci, NULL, &rem, &size), MQTTBadParameter);
    ci.cleanSession = true;
    QT_EQ(MQTT_GetConnectPacketSize(&ci, NULL, &rem, &size), MQTTSuccess);
    ci.pPassword = "p";
    QT_EQ(MQTT_GetConnectPacketSize(&ci, NULL, &rem, &size), MQTTBadParameter);
    QT_EQ(MQTT_GetConnectPacketSize(NULL, NULL, &rem, &size), MQTTBadParameter);
    QT_EQ(MQTT_SerializeConnect(&ci, NULL, 12, &buf), MQTTBadParameter);
    /* QoS 0 publish with dup, empty topic, bad QoS, missing packet id. */
    QT_EQ(MQTT_GetPublishPacketSize(&pub, &rem, &size), MQTTBadParameter);
    pub.dup = false;
    pub.topicNameLength = 0;
    QT_EQ(MQTT_GetPublishPacketSize(&pub, &rem, &size), MQTTBadParameter);
    pub.topicNameLength = 1;
    pub.qos = (MQTTQoS_t)3;
    QT_EQ(MQTT_GetPublishPacketSize(&pub, &rem, &size), MQTTBadParameter);
    pub.qos = MQTTQoS1;
    QT_EQ(MQTT_GetPublishPacketSize(&pub, &rem, &size), MQTTSuccess);
    QT_EQ(MQTT_SerializePublish(&pub, 0, rem, &buf), MQTTBadParameter);
    QT_EQ(MQTT_SerializePublish(&pub, 1, rem, &nobuf), MQTTBadParameter);
    QT_EQ(MQTT_SerializePublish(&pub, 1, rem, NULL), MQTTBadParameter);
    /* Empty filter, empty list, zero packet id. */
    QT_EQ(MQTT_GetSubscribePacketSize(&sub, 1, &rem, &size), MQTTBadParameter);
    QT_EQ(MQTT_GetSubscribePacketSize(&sub, 0, &rem, &size), MQTTBadParameter);
    sub.topicFilterLength = 1;
    QT_EQ(MQTT_GetSubscribePacketSize(&sub, 1, &rem, &size), MQTTSuccess);
    QT_EQ(MQTT_SerializeSubscribe(&sub, 1, 0, rem, &buf), MQTTBadParameter);
    QT_EQ(MQTT_SerializeUnsubscribe(&sub, 1, 1, rem, &buf), MQTTBadParameter); /* wrong length */
    QT_EQ(MQTT_SerializeAck(&buf, MQTT_PACKET_TYPE_PUBACK, 0), MQTTBadParameter);
    QT_EQ(MQTT_SerializeAck(&buf, MQTT_PACKET_TYPE_SUBACK, 1), MQTTBadParameter);
    QT_EQ(MQTT_GetPingreqPacketSize(NULL), MQTTBadParameter);
    QT_EQ(MQTT_SerializeDisconnect(NULL), MQTTBadParameter);
}

QTEST_MAIN(QTEST_CASE_NO_SCHEDULER(test_MQTT_GetPublishPacketSize_remaining_length_boundaries),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_SerializePublishHeader_length_encodings),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_SerializeConnect_spec_example_flags),
           QTEST_CASE_NO_SCHEDULER(
               test_MQTT_SerializeConnect_minimal_persistent_with_retained_will),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_SerializePublish_spec_example),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_SerializePublish_qos0_has_no_packet_id),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_SerializeSubscribe_spec_example),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_SerializeUnsubscribe_spec_example),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_SerializeAck_all_four),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_SerializePingreq_and_Disconnect),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_Serialize_buffer_too_small_no_memory),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_Serialize_bad_parameters))
