/* SPDX-License-Identifier: MIT */
/*
 * test_mqtt_agent_session.c: the agent's failure and session handling, without a kernel or a
 * broker. The transport plays a tiny broker (CONNACK with a session from the second connection
 * on, PUBACK / PUBREC / PUBCOMP answers that can be held back or lag one publish behind) and can
 * lose the connection; a single-task message interface feeds the command loop, and the
 * connection drops once the queue stays empty, so every CommandLoop call returns.
 * Checked: a QoS 1/2 publish whose send fails completes with MQTTSendFailed and frees its
 * outgoing record, so failures never exhaust the records; MQTTAgent_ResumeSession resends
 * unacknowledged publishes in the order first sent, never resends a QoS 2 publish whose PUBREC
 * arrived, and frees the records of publishes whose commands were cancelled.
 * Simulated-time configuration; every case is deterministic.
 */
#include "core_mqtt_agent.h"
#include "qtest.h"

#include <string.h>

#define BROKER_LOG 64
#define POOL 8
#define IDLE_POLLS 50 /* empty-queue polls before the connection drops */

/* The fake broker's side of the connection. */
struct NetworkContext {
    uint8_t rx[256], tx[256];
    size_t rx_len, rx_pos, tx_len;
    int down;         /* sends and receives fail */
    int ack_budget;   /* publishes still answered (negative: all) */
    int lag;          /* an answer is held until the next publish arrives */
    int hold_pubcomp; /* PUBRELs go unanswered */
    uint8_t held[4];
    int has_held;
    unsigned connects, publishes;
    uint16_t ids[BROKER_LOG]; /* whole PUBLISHes received, in order */
    uint8_t flags[BROKER_LOG];
};

struct MQTTAgentMessageContext {
    MQTTAgentCommand_t *queue[POOL];
    unsigned head, count, idle;
};

struct MQTTAgentCommandContext {
    MQTTStatus_t status;
    unsigned done;
};

static struct NetworkContext net;
static struct MQTTAgentMessageContext messages;
static MQTTAgentCommand_t pool[POOL];
static int pool_used[POOL];
static MQTTAgentContext_t agent;
static uint8_t netbuf[256];
static uint32_t now_ms;

static uint32_t fake_time(void)
{
    return now_ms++;
}

static void rx_add(const uint8_t *bytes, size_t len)
{
    if (net.rx_pos == net.rx_len) {
        net.rx_pos = net.rx_len = 0;
    }
    memcpy(net.rx + net.rx_len, bytes, len);
    net.rx_len += len;
}

static void answer(uint8_t type, uint16_t id)
{
    uint8_t a[4] = {type, 2, (uint8_t)(id >> 8), (uint8_t)id};

    rx_add(a, sizeof(a));
}

static void broker_publish(const uint8_t *p)
{
    unsigned qos = (p[0] >> 1) & 3u;
    size_t topic = ((size_t)p[2] << 8) | p[3];
    uint16_t id = (uint16_t)((p[4 + topic] << 8) | p[5 + topic]);
    uint8_t reply[4] = {qos == 1 ? 0x40 : 0x50, 2, (uint8_t)(id >> 8), (uint8_t)id};

    QT_ASSERT(qos > 0 && net.publishes < BROKER_LOG);
    net.ids[net.publishes] = id;
    net.flags[net.publishes++] = p[0] & 0x0Fu;
    if (net.has_held) {
        rx_add(net.held, sizeof(net.held));
        net.has_held = 0;
    }
    if (net.ack_budget == 0) {
        return;
    }
    net.ack_budget -= net.ack_budget > 0;
    if (net.lag) {
        memcpy(net.held, reply, sizeof(reply));
        net.has_held = 1;
    } else {
        rx_add(reply, sizeof(reply));
    }
}

/* Handles every whole packet the client has sent so far. */
static void broker_run(void)
{
    while (net.tx_len >= 2 && net.tx_len >= 2u + net.tx[1]) {
        size_t size = 2u + net.tx[1];

        QT_ASSERT(net.tx[1] < 128); /* one length byte: the test's packets are small */
        switch (net.tx[0] & 0xF0u) {
        case 0x10: /* CONNECT: a session exists from the second connection on */
            answer(0x20, net.connects++ > 0 ? 0x0100u : 0u);
            break;
        case 0x30:
            broker_publish(net.tx);
            break;
        case 0x60:
            if (!net.hold_pubcomp) {
                answer(0x70, (uint16_t)((net.tx[2] << 8) | net.tx[3]));
            }
            break;
        default:
            break;
        }
        memmove(net.tx, net.tx + size, net.tx_len - size);
        net.tx_len -= size;
    }
}

static int32_t fake_send(NetworkContext_t *n, const void *buf, size_t len)
{
    if (n->down) {
        return -1;
    }
    QT_ASSERT(n->tx_len + len <= sizeof(n->tx));
    memcpy(n->tx + n->tx_len, buf, len);
    n->tx_len += len;
    broker_run();
    return (int32_t)len;
}

static int32_t fake_recv(NetworkContext_t *n, void *buf, size_t len)
{
    size_t avail = n->rx_len - n->rx_pos;

    if (n->down) {
        return -1;
    }
    len = len < avail ? len : avail;
    memcpy(buf, n->rx + n->rx_pos, len);
    n->rx_pos += len;
    return (int32_t)len;
}

/* ---- A single-task message interface ---------------------------------------------------- */

static bool msg_send(MQTTAgentMessageContext_t *m, MQTTAgentCommand_t *const *cmd, uint32_t ms)
{
    (void)ms;
    if (m->count == POOL) {
        return false;
    }
    m->queue[(m->head + m->count++) % POOL] = *cmd;
    return true;
}

/* An empty queue for long enough stands for a lost connection: the loop then returns. */
static bool msg_recv(MQTTAgentMessageContext_t *m, MQTTAgentCommand_t **cmd, uint32_t ms)
{
    (void)ms;
    if (m->count == 0) {
        net.down |= ++m->idle >= IDLE_POLLS;
        return false;
    }
    m->idle = 0;
    *cmd = m->queue[m->head];
    m->head = (m->head + 1) % POOL;
    m->count--;
    return true;
}

static MQTTAgentCommand_t *cmd_get(uint32_t ms)
{
    (void)ms;
    for (size_t i = 0; i < POOL; i++) {
        if (!pool_used[i]) {
            pool_used[i] = 1;
            return &pool[i];
        }
    }
    return NULL;
}

static bool cmd_release(MQTTAgentCommand_t *cmd)
{
    pool_used[cmd - pool] = 0;
    return true;
}

/* ---- Helpers ---------------------------------------------------------------------------- */

static void on_publish(MQTTAgentContext_t *ctx, uint16_t id, MQTTPublishInfo_t *pub)
{
    (void)ctx;
    (void)id;
    (void)pub;
}

static void on_done(MQTTAgentCommandContext_t *c, MQTTAgentReturnInfo_t *info)
{
    c->status = info->returnCode;
    c->done++;
}

static MQTTStatus_t mqtt_connect(void)
{
    MQTTConnectInfo_t ci = {
        .cleanSession = false, .pClientIdentifier = "a", .clientIdentifierLength = 1};
    bool sp = false;
    MQTTStatus_t status;

    net.down = 0;
    net.rx_len = net.rx_pos = net.tx_len = 0; /* a new connection: nothing left in flight */
    net.has_held = 0;
    messages.idle = 0;
    status = MQTT_Connect(&agent.mqttContext, &ci, NULL, 100, &sp);
    QT_EQ(sp, net.connects > 1);
    return status;
}

/* An agent connected to the fake broker (no session yet). */
static void setup(void)
{
    MQTTAgentMessageInterface_t iface = {&messages, msg_send, msg_recv, cmd_get, cmd_release};
    TransportInterface_t t = {fake_recv, fake_send, NULL, &net};
    MQTTFixedBuffer_t b = {netbuf, sizeof(netbuf)};

    memset(&net, 0, sizeof(net));
    memset(&messages, 0, sizeof(messages));
    memset(pool_used, 0, sizeof(pool_used));
    net.ack_budget = -1;
    now_ms = 1000;
    QT_EQ(MQTTAgent_Init(&agent, &iface, &b, &t, fake_time, on_publish, NULL), MQTTSuccess);
    QT_EQ(mqtt_connect(), MQTTSuccess);
}

/* Reconnects with the session present and resumes it. */
static MQTTStatus_t reconnect_and_resume(void)
{
    QT_EQ(mqtt_connect(), MQTTSuccess);
    return MQTTAgent_ResumeSession(&agent, true);
}

static void publish(MQTTPublishInfo_t *pub, MQTTQoS_t qos, MQTTAgentCommandContext_t *c)
{
    MQTTAgentCommandInfo_t info = {on_done, c, 0};

    *pub = (MQTTPublishInfo_t){
        .qos = qos, .pTopicName = "t", .topicNameLength = 1, .pPayload = "x", .payloadLength = 1};
    memset(c, 0, sizeof(*c));
    QT_EQ(MQTTAgent_Publish(&agent, pub, &info), MQTTSuccess);
}

static unsigned records_used(void)
{
    unsigned n = 0;

    for (size_t i = 0; i < MQTT_AGENT_MAX_OUTSTANDING_ACKS; i++) {
        n += agent.pOutgoingPublishRecords[i].packetId != 0;
    }
    return n;
}

/* ---- Cases ------------------------------------------------------------------------------ */

static void test_MQTTAgent_failed_sends_free_their_records(void)
{
    MQTTPublishInfo_t pub[2];
    MQTTAgentCommandContext_t c[2];

    setup();
    /* Twice as many failures as there are records, at QoS 1 and 2 in turn. */
    for (unsigned i = 0; i < 2 * MQTT_AGENT_MAX_OUTSTANDING_ACKS; i++) {
        publish(&pub[0], i % 2 ? MQTTQoS2 : MQTTQoS1, &c[0]);
        net.down = 1;
        QT_EQ(MQTTAgent_CommandLoop(&agent), MQTTSendFailed);
        QT_EQ(c[0].done, 1); /* reported at once: the caller may publish it again */
        QT_EQ(c[0].status, MQTTSendFailed);
        QT_EQ(records_used(), 0);
        QT_EQ(reconnect_and_resume(), MQTTSuccess);
    }
    QT_EQ(net.publishes, 0); /* a publish reported failed is never sent behind its caller */
    publish(&pub[0], MQTTQoS1, &c[0]);
    publish(&pub[1], MQTTQoS2, &c[1]);
    QT_EQ(MQTTAgent_CommandLoop(&agent), MQTTRecvFailed); /* idle, then the connection drops */
    QT_EQ(c[0].done, 1);
    QT_EQ(c[0].status, MQTTSuccess);
    QT_EQ(c[1].done, 1);
    QT_EQ(c[1].status, MQTTSuccess);
    QT_EQ(net.publishes, 2);
    QT_EQ(records_used(), 0);
}

static void test_MQTTAgent_ResumeSession_resends_in_send_order(void)
{
    MQTTPublishInfo_t pub[3];
    MQTTAgentCommandContext_t c[3];
    uint16_t b, d;

    setup();
    /* A is acked only once B went out, so C reuses A's pending slot ahead of B's. */
    net.ack_budget = 1;
    net.lag = 1;
    for (int i = 0; i < 3; i++) {
        publish(&pub[i], MQTTQoS1, &c[i]);
    }
    QT_EQ(MQTTAgent_CommandLoop(&agent), MQTTRecvFailed);
    QT_EQ(c[0].done, 1);
    QT_EQ(c[1].done + c[2].done, 0);
    QT_EQ(net.publishes, 3);
    b = net.ids[1];
    d = net.ids[2];
    net.ack_budget = -1;
    net.lag = 0;
    QT_EQ(reconnect_and_resume(), MQTTSuccess);
    QT_EQ(net.publishes, 5);
    QT_EQ(net.ids[3], b);
    QT_EQ(net.ids[4], d);
    QT_EQ(net.flags[3] & 0x08u, 0x08u); /* DUP */
    QT_EQ(net.flags[4] & 0x08u, 0x08u);
    QT_EQ(MQTTAgent_CommandLoop(&agent), MQTTRecvFailed);
    QT_EQ(c[1].done, 1);
    QT_EQ(c[1].status, MQTTSuccess);
    QT_EQ(c[2].done, 1);
    QT_EQ(c[2].status, MQTTSuccess);
    QT_EQ(records_used(), 0);
}

static void test_MQTTAgent_ResumeSession_leaves_released_qos2_alone(void)
{
    MQTTPublishInfo_t pub;
    MQTTAgentCommandContext_t c;

    setup();
    net.hold_pubcomp = 1; /* PUBREC arrives, PUBREL goes out, the PUBCOMP never comes */
    publish(&pub, MQTTQoS2, &c);
    QT_EQ(MQTTAgent_CommandLoop(&agent), MQTTRecvFailed);
    QT_EQ(c.done, 0);
    net.hold_pubcomp = 0;
    /* MQTT_Connect resends the PUBREL; a PUBLISH now would be a second message. */
    QT_EQ(reconnect_and_resume(), MQTTSuccess);
    QT_EQ(net.publishes, 1);
    QT_EQ(MQTTAgent_CommandLoop(&agent), MQTTRecvFailed);
    QT_EQ(c.done, 1);
    QT_EQ(c.status, MQTTSuccess);
    QT_EQ(records_used(), 0);
}

/* A fresh agent with one QoS 1 publish sent, never acked, and the connection lost. */
static void setup_unacked_publish(MQTTPublishInfo_t *pub, MQTTAgentCommandContext_t *c)
{
    setup();
    net.ack_budget = 0;
    publish(pub, MQTTQoS1, c);
    QT_EQ(MQTTAgent_CommandLoop(&agent), MQTTRecvFailed);
    QT_EQ(c->done, 0);
}

static void test_MQTTAgent_ResumeSession_drops_records_of_cancelled_publishes(void)
{
    MQTTPublishInfo_t pub;
    MQTTAgentCommandContext_t c;

    setup_unacked_publish(&pub, &c);
    QT_EQ(MQTTAgent_CancelAll(&agent), MQTTSuccess);
    QT_EQ(c.done, 1);
    QT_EQ(c.status, MQTTRecvFailed);
    QT_EQ(records_used(), 1);
    QT_EQ(reconnect_and_resume(), MQTTSuccess);
    QT_EQ(net.publishes, 1); /* its caller was told it failed: not resent */
    QT_EQ(records_used(), 0);
}

static void test_MQTTAgent_ResumeSession_without_session_fails_pending(void)
{
    MQTTPublishInfo_t pub;
    MQTTAgentCommandContext_t c;

    setup_unacked_publish(&pub, &c);
    QT_EQ(MQTTAgent_ResumeSession(&agent, false), MQTTSuccess);
    QT_EQ(c.done, 1);
    QT_EQ(c.status, MQTTRecvFailed);
    QT_EQ(MQTTAgent_ResumeSession(NULL, true), MQTTBadParameter);
}

QTEST_MAIN(
    QTEST_CASE_NO_SCHEDULER(test_MQTTAgent_failed_sends_free_their_records),
    QTEST_CASE_NO_SCHEDULER(test_MQTTAgent_ResumeSession_resends_in_send_order),
    QTEST_CASE_NO_SCHEDULER(test_MQTTAgent_ResumeSession_leaves_released_qos2_alone),
    QTEST_CASE_NO_SCHEDULER(test_MQTTAgent_ResumeSession_drops_records_of_cancelled_publishes),
    QTEST_CASE_NO_SCHEDULER(test_MQTTAgent_ResumeSession_without_session_fails_pending))
