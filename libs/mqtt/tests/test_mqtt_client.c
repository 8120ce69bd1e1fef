/* SPDX-License-Identifier: MIT */
/*
 * test_mqtt_client.c: the client (core_mqtt.c, core_mqtt_receive.c) against a scripted fake
 * transport and a fake clock, so every path is exact and repeatable: the bytes CONNECT,
 * SUBSCRIBE and PUBLISH put on the wire (through writev and through send in small pieces),
 * CONNACK handling and session resumption, both directions of QoS 1 and 2 with repeats,
 * keep-alive pings and their timeout, partial and oversized packets, transport failures.
 * The library needs no kernel: the cases run without a scheduler.
 */
#include "core_mqtt_state.h"
#include "qtest.h"

#include <string.h>

struct NetworkContext {
    uint8_t rx[1024];
    size_t rx_len, rx_pos, rx_chunk; /* chunk: most bytes per recv (0: all) */
    int rx_fail;
    uint8_t tx[2048];
    size_t tx_len, tx_max; /* tx_max: most bytes per send (0: all) */
    unsigned tx_zeros;     /* sends that accept nothing before the next one works */
    int tx_fail, tx_always_zero;
};

static struct NetworkContext net;
static uint32_t now_ms;
static unsigned publishes, acks[16];
static uint16_t last_id;
static MQTTQoS_t last_qos;
static char last_payload[64];

static uint32_t fake_time(void)
{
    return now_ms++; /* every look moves time on, so waits end */
}

static int32_t fake_recv(NetworkContext_t *n, void *buf, size_t len)
{
    size_t avail = n->rx_len - n->rx_pos;

    if (n->rx_fail) {
        return -1;
    }
    if (n->rx_chunk != 0 && len > n->rx_chunk) {
        len = n->rx_chunk;
    }
    len = len < avail ? len : avail;
    if (len == 0) {
        return 0;
    }
    memcpy(buf, n->rx + n->rx_pos, len);
    n->rx_pos += len;
    return (int32_t)len;
}

static int32_t fake_send(NetworkContext_t *n, const void *buf, size_t len)
{
    if (n->tx_fail) {
        return -1;
    }
    if (n->tx_always_zero || n->tx_zeros > 0) {
        n->tx_zeros -= n->tx_zeros > 0;
        return 0;
    }
    if (n->tx_max != 0 && len > n->tx_max) {
        len = n->tx_max;
    }
    if (len > 0) {
        memcpy(n->tx + n->tx_len, buf, len);
        n->tx_len += len;
    }
    return (int32_t)len;
}

static int32_t fake_writev(NetworkContext_t *n, TransportOutVector_t *vec, size_t count)
{
    int32_t total = 0;

    for (size_t i = 0; i < count; i++) {
        int32_t r = fake_send(n, vec[i].iov_base, vec[i].iov_len);

        if (r < 0) {
            return total > 0 ? total : r;
        }
        total += r;
        if ((size_t)r < vec[i].iov_len) {
            break;
        }
    }
    return total;
}

static void on_event(MQTTContext_t *ctx, MQTTPacketInfo_t *pkt, MQTTDeserializedInfo_t *info)
{
    (void)ctx;
    last_id = info->packetIdentifier;
    if ((pkt->type & 0xF0u) == MQTT_PACKET_TYPE_PUBLISH) {
        size_t n = info->pPublishInfo->payloadLength;

        publishes++;
        last_qos = info->pPublishInfo->qos;
        n = n < sizeof(last_payload) - 1 ? n : sizeof(last_payload) - 1;
        memcpy(last_payload, info->pPublishInfo->pPayload, n);
        last_payload[n] = '\0';
    } else {
        acks[pkt->type >> 4]++;
    }
}

static MQTTContext_t ctx;
static uint8_t netbuf[256];
static MQTTPubAckInfo_t out_rec[4], in_rec[4];

static void rx_add(const void *bytes, size_t len)
{
    memcpy(net.rx + net.rx_len, bytes, len);
    net.rx_len += len;
}

#define RX(...)                                                                                    \
    do {                                                                                           \
        static const uint8_t b_[] = {__VA_ARGS__};                                                 \
        rx_add(b_, sizeof(b_));                                                                    \
    } while (0)

#define TX_IS(...)                                                                                 \
    do {                                                                                           \
        static const uint8_t b_[] = {__VA_ARGS__};                                                 \
        QT_EQ(net.tx_len, sizeof(b_));                                                             \
        QT_ASSERT(memcmp(net.tx, b_, sizeof(b_)) == 0);                                            \
    } while (0)

/* A fresh context over the fake transport (with writev unless `plain_send`). */
static void setup(int plain_send, size_t buffer_size)
{
    TransportInterface_t t = {fake_recv, fake_send, plain_send ? NULL : fake_writev, &net};
    MQTTFixedBuffer_t b = {netbuf, buffer_size};

    memset(&net, 0, sizeof(net));
    now_ms = 1000;
    publishes = 0;
    memset(acks, 0, sizeof(acks));
    QT_EQ(MQTT_Init(&ctx, &t, fake_time, on_event, &b), MQTTSuccess);
    QT_EQ(MQTT_InitStatefulQoS(&ctx, out_rec, 4, in_rec, 4), MQTTSuccess);
}

static MQTTStatus_t connect(bool clean, uint16_t keep_alive, bool *sp)
{
    MQTTConnectInfo_t ci = {.cleanSession = clean, .keepAliveIntervalSec = keep_alive,
                            .pClientIdentifier = "c", .clientIdentifierLength = 1};

    return MQTT_Connect(&ctx, &ci, NULL, 100, sp);
}

/* Connected, with the CONNECT bytes cleared from the capture. */
static void setup_connected(int plain_send, size_t buffer_size, uint16_t keep_alive)
{
    bool sp;

    setup(plain_send, buffer_size);
    RX(0x20, 0x02, 0x00, 0x00);
    QT_EQ(connect(true, keep_alive, &sp), MQTTSuccess);
    net.tx_len = 0;
}

static void test_MQTT_Connect_sends_connect_keeps_following_bytes(void)
{
    bool sp = true;

    setup(0, sizeof(netbuf));
    RX(0x20, 0x02, 0x00, 0x00, 0x30, 0x05, 0x00, 0x01, 't', 'h', 'i');
    QT_EQ(connect(true, 60, &sp), MQTTSuccess);
    QT_ASSERT(!sp);
    TX_IS(0x10, 13, 0, 4, 'M', 'Q', 'T', 'T', 4, 0x02, 0, 60, 0, 1, 'c');
    QT_EQ(MQTT_CheckConnectStatus(&ctx), MQTTStatusConnected);
    QT_EQ(publishes, 0); /* the PUBLISH after CONNACK waits for the loop */
    QT_EQ(MQTT_ProcessLoop(&ctx), MQTTSuccess);
    QT_EQ(publishes, 1);
    QT_ASSERT(strcmp(last_payload, "hi") == 0);
}

static void test_MQTT_Connect_refused_timeout_and_wrong_packet(void)
{
    bool sp;

    setup(0, sizeof(netbuf));
    RX(0x20, 0x02, 0x00, 0x05);
    QT_EQ(connect(true, 0, &sp), MQTTServerRefused);
    QT_EQ(MQTT_CheckConnectStatus(&ctx), MQTTStatusNotConnected);
    setup(0, sizeof(netbuf));
    QT_EQ(connect(true, 0, &sp), MQTTNoDataAvailable); /* nothing within 100 ms */
    setup(0, sizeof(netbuf));
    RX(0x20, 0x02);
    QT_EQ(connect(true, 0, &sp), MQTTRecvFailed); /* half a CONNACK */
    setup(0, sizeof(netbuf));
    RX(0xD0, 0x00);
    QT_EQ(connect(true, 0, &sp), MQTTBadResponse);
}

static void test_MQTT_Connect_session_present_resends_pubrel(void)
{
    MQTTPublishState_t s;
    bool sp = false;

    setup(0, sizeof(netbuf));
    QT_EQ(MQTT_ReserveState(&ctx, 7, MQTTQoS2), MQTTSuccess);
    QT_EQ(MQTT_UpdateStatePublish(&ctx, 7, MQTT_SEND, MQTTQoS2, &s), MQTTSuccess);
    QT_EQ(MQTT_UpdateStateAck(&ctx, 7, MQTTPubrec, MQTT_RECEIVE, &s), MQTTSuccess);
    QT_EQ(MQTT_UpdateStatePublish(&ctx, 9, MQTT_RECEIVE, MQTTQoS1, &s), MQTTSuccess);
    RX(0x20, 0x02, 0x01, 0x00);
    QT_EQ(connect(false, 0, &sp), MQTTSuccess);
    QT_ASSERT(sp);
    QT_ASSERT(memcmp(net.tx + net.tx_len - 4, "\x62\x02\x00\x07", 4) == 0);
    QT_EQ(out_rec[0].publishState, MQTTPubCompPending);
    QT_EQ(in_rec[0].packetId, 0); /* the broker resends unacked QoS 1: record dropped */
    /* Without a session, every record goes. */
    RX(0x20, 0x02, 0x00, 0x00);
    QT_EQ(connect(true, 0, &sp), MQTTSuccess);
    QT_EQ(out_rec[0].packetId, 0);
}

/* No writev, a transport taking 3 bytes at a time with refusals: the bytes still match. */
static void test_MQTT_Publish_through_small_sends(void)
{
    MQTTPublishInfo_t pub = {.qos = MQTTQoS1, .retain = true, .pTopicName = "a/b",
                             .topicNameLength = 3, .pPayload = "hello", .payloadLength = 5};

    setup_connected(1, sizeof(netbuf), 0);
    net.tx_max = 3;
    net.tx_zeros = 2;
    QT_EQ(MQTT_Publish(&ctx, &pub, 10), MQTTSuccess);
    TX_IS(0x33, 12, 0, 3, 'a', '/', 'b', 0, 10, 'h', 'e', 'l', 'l', 'o');
    QT_EQ(out_rec[0].publishState, MQTTPubAckPending);
    QT_EQ(MQTT_Publish(&ctx, &pub, 10), MQTTStateCollision);
}

static void test_MQTT_Subscribe_many_filters_in_batches(void)
{
    static const char *names[10] = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"};
    MQTTSubscribeInfo_t subs[10];
    uint8_t expected[128];
    MQTTFixedBuffer_t buf = {expected, sizeof(expected)};
    size_t rem, size;

    setup_connected(0, sizeof(netbuf), 0);
    for (int i = 0; i < 10; i++) {
        subs[i] = (MQTTSubscribeInfo_t){(MQTTQoS_t)(i % 3), names[i], 1};
    }
    QT_EQ(MQTT_Subscribe(&ctx, subs, 10, 77), MQTTSuccess);
    QT_EQ(MQTT_GetSubscribePacketSize(subs, 10, &rem, &size), MQTTSuccess);
    QT_EQ(MQTT_SerializeSubscribe(subs, 10, 77, rem, &buf), MQTTSuccess);
    QT_EQ(net.tx_len, size);
    QT_ASSERT(memcmp(net.tx, expected, size) == 0);
    net.tx_len = 0;
    QT_EQ(MQTT_Unsubscribe(&ctx, subs, 10, 78), MQTTSuccess);
    QT_EQ(MQTT_GetUnsubscribePacketSize(subs, 10, &rem, &size), MQTTSuccess);
    QT_EQ(MQTT_SerializeUnsubscribe(subs, 10, 78, rem, &buf), MQTTSuccess);
    QT_EQ(net.tx_len, size);
    QT_ASSERT(memcmp(net.tx, expected, size) == 0);
    RX(0x90, 0x03, 0, 77, 0x80, 0xB0, 0x02, 0, 78);
    QT_EQ(MQTT_ProcessLoop(&ctx), MQTTSuccess); /* a refused filter is news, not an error */
    QT_EQ(acks[MQTT_PACKET_TYPE_SUBACK >> 4], 1);
    QT_EQ(acks[MQTT_PACKET_TYPE_UNSUBACK >> 4], 1);
}

/* The broker's QoS 2 publish: delivered once, PUBREC for it and its resend, then PUBCOMP. */
static void test_MQTT_ProcessLoop_incoming_qos2_once(void)
{
    setup_connected(0, sizeof(netbuf), 0);
    RX(0x34, 0x07, 0, 1, 't', 0, 5, 'h', 'i');
    RX(0x3C, 0x07, 0, 1, 't', 0, 5, 'h', 'i'); /* the same, resent with DUP */
    RX(0x62, 0x02, 0, 5);
    QT_EQ(MQTT_ProcessLoop(&ctx), MQTTSuccess);
    QT_EQ(publishes, 1);
    QT_EQ(last_qos, MQTTQoS2);
    QT_EQ(acks[MQTT_PACKET_TYPE_PUBREL >> 4], 1);
    TX_IS(0x50, 2, 0, 5, 0x50, 2, 0, 5, 0x70, 2, 0, 5);
    QT_EQ(in_rec[0].packetId, 0);
    /* QoS 1 publishes are acked after the callback; a PUBREL for no record still gets PUBCOMP. */
    net.tx_len = 0;
    RX(0x32, 0x05, 0, 1, 't', 0, 6, 0x62, 0x02, 0, 99);
    QT_EQ(MQTT_ProcessLoop(&ctx), MQTTSuccess);
    QT_EQ(publishes, 2);
    TX_IS(0x40, 2, 0, 6, 0x70, 2, 0, 99);
}

static void test_MQTT_ProcessLoop_outgoing_qos2_exchange(void)
{
    MQTTPublishInfo_t pub = {.qos = MQTTQoS2, .pTopicName = "t", .topicNameLength = 1};
    size_t cursor = MQTT_STATE_CURSOR_INITIALIZER;

    setup_connected(0, sizeof(netbuf), 0);
    QT_EQ(MQTT_Publish(&ctx, &pub, 3), MQTTSuccess);
    QT_EQ(MQTT_PublishToResend(&ctx, &cursor), 3);
    net.tx_len = 0;
    RX(0x50, 0x02, 0, 3);
    QT_EQ(MQTT_ProcessLoop(&ctx), MQTTSuccess);
    TX_IS(0x62, 2, 0, 3);
    QT_EQ(out_rec[0].publishState, MQTTPubCompPending);
    RX(0x70, 0x02, 0, 3, 0x40, 0x02, 0, 44); /* and a PUBACK nobody waits for: ignored */
    QT_EQ(MQTT_ProcessLoop(&ctx), MQTTSuccess);
    QT_EQ(acks[MQTT_PACKET_TYPE_PUBREC >> 4], 1);
    QT_EQ(acks[MQTT_PACKET_TYPE_PUBCOMP >> 4], 1);
    QT_EQ(acks[MQTT_PACKET_TYPE_PUBACK >> 4], 0);
    QT_EQ(out_rec[0].packetId, 0);
}

static void test_MQTT_ProcessLoop_keep_alive_ping_then_timeout(void)
{
    setup_connected(0, sizeof(netbuf), 2);
    QT_EQ(MQTT_ProcessLoop(&ctx), MQTTSuccess);
    QT_EQ(net.tx_len, 0); /* not yet */
    now_ms += 2000;
    QT_EQ(MQTT_ProcessLoop(&ctx), MQTTSuccess);
    TX_IS(0xC0, 0x00);
    QT_ASSERT(ctx.controlPacketSent && ctx.waitingForPingResp);
    RX(0xD0, 0x00);
    QT_EQ(MQTT_ProcessLoop(&ctx), MQTTSuccess);
    QT_ASSERT(!ctx.waitingForPingResp);
    now_ms += 2000;
    QT_EQ(MQTT_ProcessLoop(&ctx), MQTTSuccess); /* second ping, never answered */
    now_ms += MQTT_PINGRESP_TIMEOUT_MS;
    QT_EQ(MQTT_ProcessLoop(&ctx), MQTTKeepAliveTimeout);
    /* ReceiveLoop leaves keep-alive to the application. */
    QT_EQ(MQTT_ReceiveLoop(&ctx), MQTTSuccess);
}

static void test_MQTT_ProcessLoop_partial_packet_needs_more_bytes(void)
{
    int need_more = 0;

    setup_connected(0, sizeof(netbuf), 0);
    RX(0x30, 0x05, 0, 1, 't', 'h', 'i');
    net.rx_chunk = 1;
    for (int i = 0; i < 6; i++) {
        need_more += MQTT_ProcessLoop(&ctx) == MQTTNeedMoreBytes;
    }
    QT_EQ(need_more, 6);
    QT_EQ(publishes, 0);
    QT_EQ(MQTT_ProcessLoop(&ctx), MQTTSuccess);
    QT_EQ(publishes, 1);
}

/* A packet larger than the buffer is read and dropped; the stream stays in step. */
static void test_MQTT_ProcessLoop_oversized_packet_discarded(void)
{
    uint8_t big[100] = {0x30, 98, 0, 1, 't'};

    setup_connected(0, 32, 0);
    rx_add(big, sizeof(big));
    RX(0xD0, 0x00);
    QT_EQ(MQTT_ProcessLoop(&ctx), MQTTNoMemory);
    QT_EQ(publishes, 0);
    QT_EQ(MQTT_ProcessLoop(&ctx), MQTTSuccess);
    QT_EQ(acks[MQTT_PACKET_TYPE_PINGRESP >> 4], 1);
}

static void test_MQTT_transport_failures_mark_disconnect_pending(void)
{
    MQTTPublishInfo_t pub = {.qos = MQTTQoS1, .pTopicName = "t", .topicNameLength = 1};
    size_t cursor = MQTT_STATE_CURSOR_INITIALIZER;

    setup_connected(0, sizeof(netbuf), 0);
    net.rx_fail = 1;
    QT_EQ(MQTT_ProcessLoop(&ctx), MQTTRecvFailed);
    QT_EQ(MQTT_CheckConnectStatus(&ctx), MQTTStatusDisconnectPending);
    QT_EQ(MQTT_Publish(&ctx, &pub, 1), MQTTStatusDisconnectPending);
    QT_EQ(MQTT_ProcessLoop(&ctx), MQTTStatusDisconnectPending);
    QT_EQ(MQTT_Disconnect(&ctx), MQTTSuccess);
    QT_EQ(MQTT_CheckConnectStatus(&ctx), MQTTStatusNotConnected);
    QT_EQ(MQTT_Ping(&ctx), MQTTStatusNotConnected);
    /* A send that never progresses fails after MQTT_SEND_TIMEOUT_MS; the record stays. */
    setup_connected(0, sizeof(netbuf), 0);
    net.tx_always_zero = 1;
    QT_EQ(MQTT_Publish(&ctx, &pub, 1), MQTTSendFailed);
    QT_EQ(MQTT_PublishToResend(&ctx, &cursor), 1);
    QT_EQ(MQTT_CheckConnectStatus(&ctx), MQTTStatusDisconnectPending);
    setup_connected(0, sizeof(netbuf), 0);
    net.tx_fail = 1;
    QT_EQ(MQTT_Subscribe(&ctx, &(MQTTSubscribeInfo_t){MQTTQoS0, "t", 1}, 1, 2), MQTTSendFailed);
}

static void test_MQTT_Disconnect_sends_disconnect(void)
{
    setup_connected(0, sizeof(netbuf), 0);
    QT_EQ(MQTT_Ping(&ctx), MQTTSuccess);
    QT_EQ(MQTT_Disconnect(&ctx), MQTTSuccess);
    TX_IS(0xC0, 0x00, 0xE0, 0x00);
    QT_EQ(MQTT_Disconnect(&ctx), MQTTStatusNotConnected);
}

static void test_MQTT_GetPacketId_wraps_and_skips_in_use(void)
{
    setup(0, sizeof(netbuf));
    QT_EQ(MQTT_GetPacketId(&ctx), 1);
    QT_EQ(MQTT_ReserveState(&ctx, 2, MQTTQoS1), MQTTSuccess);
    QT_EQ(MQTT_GetPacketId(&ctx), 3);
    ctx.nextPacketId = UINT16_MAX;
    QT_EQ(MQTT_GetPacketId(&ctx), UINT16_MAX);
    QT_EQ(MQTT_GetPacketId(&ctx), 1);
    QT_EQ(MQTT_CancelCallback(&ctx, 2), MQTTSuccess);
    QT_EQ(MQTT_CancelCallback(&ctx, 2), MQTTBadParameter);
}

/* Bad input last. */
static void test_MQTT_client_bad_parameters(void)
{
    TransportInterface_t t = {fake_recv, fake_send, NULL, &net};
    MQTTFixedBuffer_t b = {netbuf, sizeof(netbuf)}, nobuf = {NULL, 10};
    MQTTPublishInfo_t pub = {.qos = MQTTQoS1, .pTopicName = "t", .topicNameLength = 1};
    MQTTConnectInfo_t ci = {.cleanSession = false};
    bool sp;

    QT_EQ(MQTT_Init(NULL, &t, fake_time, on_event, &b), MQTTBadParameter);
    QT_EQ(MQTT_Init(&ctx, NULL, fake_time, on_event, &b), MQTTBadParameter);
    QT_EQ(MQTT_Init(&ctx, &t, NULL, on_event, &b), MQTTBadParameter);
    QT_EQ(MQTT_Init(&ctx, &t, fake_time, NULL, &b), MQTTBadParameter);
    QT_EQ(MQTT_Init(&ctx, &t, fake_time, on_event, &nobuf), MQTTBadParameter);
    setup(0, sizeof(netbuf));
    QT_EQ(MQTT_Publish(&ctx, &pub, 1), MQTTStatusNotConnected);
    QT_EQ(MQTT_ProcessLoop(&ctx), MQTTStatusNotConnected);
    QT_EQ(MQTT_Publish(&ctx, &pub, 0), MQTTBadParameter);
    QT_EQ(MQTT_Publish(NULL, &pub, 1), MQTTBadParameter);
    QT_EQ(MQTT_Subscribe(&ctx, NULL, 1, 1), MQTTBadParameter);
    QT_EQ(MQTT_Connect(&ctx, &ci, NULL, 10, &sp), MQTTBadParameter); /* empty id, no clean */
    QT_EQ(MQTT_Connect(&ctx, NULL, NULL, 10, &sp), MQTTBadParameter);
    QT_EQ(MQTT_InitStatefulQoS(&ctx, NULL, 0, NULL, 0), MQTTBadParameter);
    QT_EQ(MQTT_ProcessLoop(NULL), MQTTBadParameter);
    QT_EQ(MQTT_GetPacketId(NULL), 0);
    QT_EQ(MQTT_CheckConnectStatus(NULL), MQTTBadParameter);
    QT_ASSERT(strcmp(MQTT_Status_strerror((MQTTStatus_t)99), "Invalid MQTT Status code") == 0);
}

QTEST_MAIN(QTEST_CASE_NO_SCHEDULER(test_MQTT_Connect_sends_connect_keeps_following_bytes),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_Connect_refused_timeout_and_wrong_packet),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_Connect_session_present_resends_pubrel),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_Publish_through_small_sends),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_Subscribe_many_filters_in_batches),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_ProcessLoop_incoming_qos2_once),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_ProcessLoop_outgoing_qos2_exchange),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_ProcessLoop_keep_alive_ping_then_timeout),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_ProcessLoop_partial_packet_needs_more_bytes),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_ProcessLoop_oversized_packet_discarded),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_transport_failures_mark_disconnect_pending),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_Disconnect_sends_disconnect),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_GetPacketId_wraps_and_skips_in_use),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_client_bad_parameters))
