/* SPDX-License-Identifier: MIT */
/*
 * transport_qualification.c: the transport qualification cases (see
 * transport_qualification.h). Every wait is a bounded number of ticks of vTaskDelay(1)
 * polling; assertions are on data and counts, never on elapsed time. The cases run in real
 * time because the peer is real: a tick is a real millisecond.
 */
#include "transport_qualification.h"

#include "echo_server.h"
#include "task.h"
#include "transport_util.h"

#include <string.h>

/* Ticks without progress after which a transfer counts as stuck. */
#define STUCK_TICKS 3000u
#define MAX_SIZE (64u * 1024u)

const struct tq_target *tq_target;

static uint8_t out_buf[MAX_SIZE];
static uint8_t in_buf[MAX_SIZE];

static void fill_pattern(uint8_t *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++) {
        p[i] = (uint8_t)((i * 131u + seed * 7u + (i >> 8)) & 0xffu);
    }
}

static int open_echo(TransportInterface_t *t, int which)
{
    NetworkContext_t *ctx = tq_target->contexts[which];

    if (tq_target->connect(ctx, tq_target->host, tq_target->echo_port) != 0) {
        return -1;
    }
    tq_target->interface(t, ctx);
    return 0;
}

/*
 * Sends `size` bytes from out and reads the echo into in, interleaving both directions so
 * neither side's buffers have to hold the whole payload. Sends at most `chunk` per call.
 * Returns the bytes received back (size on success).
 */
static size_t echo_roundtrip(const TransportInterface_t *t, const uint8_t *out, uint8_t *in,
                             size_t size, size_t chunk)
{
    size_t sent = 0, got = 0;
    TickType_t idle_since = xTaskGetTickCount();

    while (got < size) {
        int32_t s = 0, r;

        if (sent < size) {
            size_t n = size - sent < chunk ? size - sent : chunk;
            s = t->send(t->pNetworkContext, out + sent, n);
            if (s < 0 || (size_t)s > n) {
                break;
            }
            sent += (size_t)s;
        }
        r = t->recv(t->pNetworkContext, in + got, size - got);
        if (r < 0 || (size_t)r > size - got) {
            break;
        }
        got += (size_t)r;
        if (s > 0 || r > 0) {
            idle_since = xTaskGetTickCount();
        } else if ((TickType_t)(xTaskGetTickCount() - idle_since) >= STUCK_TICKS) {
            break;
        } else {
            vTaskDelay(1);
        }
    }
    return got;
}

static void check_echo(const TransportInterface_t *t, size_t size, unsigned seed)
{
    fill_pattern(out_buf, size, seed);
    memset(in_buf, 0, size);
    QT_EQ(echo_roundtrip(t, out_buf, in_buf, size, size), size);
    QT_ASSERT(memcmp(out_buf, in_buf, size) == 0);
}

static void test_transport_connect_disconnect(void)
{
    TransportInterface_t t;

    QT_EQ(open_echo(&t, 0), 0);
    check_echo(&t, 16, 1);
    tq_target->disconnect(tq_target->contexts[0]);
}

static void test_transport_echo_sizes_1_to_64k(void)
{
    static const size_t sizes[] = {1,    2,    3,     100,   1000,  1460,
                                   4096, 8191, 16384, 32768, 65535, 65536};
    TransportInterface_t t;

    QT_EQ(open_echo(&t, 0), 0);
    for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        check_echo(&t, sizes[i], (unsigned)i);
    }
    tq_target->disconnect(tq_target->contexts[0]);
}

/* One send of 64 KiB may accept part of it; the rest goes in later calls. */
static void test_transport_send_partial(void)
{
    TransportInterface_t t;
    int32_t first;

    QT_EQ(open_echo(&t, 0), 0);
    fill_pattern(out_buf, MAX_SIZE, 9);
    first = t.send(t.pNetworkContext, out_buf, MAX_SIZE);
    QT_ASSERT(first >= 0 && first <= (int32_t)MAX_SIZE);
    QT_EQ(transport_send_all(&t, out_buf + first, MAX_SIZE - (size_t)first, STUCK_TICKS),
          (int32_t)(MAX_SIZE - (size_t)first));
    QT_EQ(transport_recv_all(&t, in_buf, MAX_SIZE, STUCK_TICKS), (int32_t)MAX_SIZE);
    QT_ASSERT(memcmp(out_buf, in_buf, MAX_SIZE) == 0);
    tq_target->disconnect(tq_target->contexts[0]);
}

/* recv never returns more than asked, and small reads reassemble the stream in order. */
static void test_transport_recv_partial(void)
{
    TransportInterface_t t;
    size_t got = 0;
    int calls = 0, over = 0;
    TickType_t idle_since;

    QT_EQ(open_echo(&t, 0), 0);
    fill_pattern(out_buf, 1000, 5);
    QT_EQ(transport_send_all(&t, out_buf, 1000, STUCK_TICKS), 1000);
    idle_since = xTaskGetTickCount();
    while (got < 1000 && (TickType_t)(xTaskGetTickCount() - idle_since) < STUCK_TICKS) {
        int32_t r = t.recv(t.pNetworkContext, in_buf + got, 7);

        if (r < 0) {
            break;
        }
        if (r > 7) {
            over++;
            break;
        }
        if (r == 0) {
            vTaskDelay(1);
            continue;
        }
        got += (size_t)r;
        calls++;
        idle_since = xTaskGetTickCount();
    }
    QT_EQ(over, 0);
    QT_EQ(got, 1000);
    QT_ASSERT(calls >= 1000 / 7);
    QT_ASSERT(memcmp(out_buf, in_buf, 1000) == 0);
    tq_target->disconnect(tq_target->contexts[0]);
}

/* With nothing sent, recv returns 0 (not an error, not a block) for as long as we ask. */
static void test_transport_recv_no_data_returns_zero(void)
{
    TransportInterface_t t;
    int zeros = 0, others = 0;

    QT_EQ(open_echo(&t, 0), 0);
    for (int i = 0; i < 100; i++) {
        int32_t r = t.recv(t.pNetworkContext, in_buf, sizeof(in_buf));

        if (r == 0) {
            zeros++;
        } else {
            others++;
        }
        vTaskDelay(1);
    }
    QT_EQ(zeros, 100);
    QT_EQ(others, 0);
    check_echo(&t, 10, 3); /* and the connection still works */
    tq_target->disconnect(tq_target->contexts[0]);
}

/* Polls fn until it returns negative; returns the number of polls, or -1 if it never did. */
static int poll_until_error(const TransportInterface_t *t, int sending)
{
    static const uint8_t byte = 0x55;

    for (int i = 0; i < (int)STUCK_TICKS; i++) {
        int32_t r = sending ? t->send(t->pNetworkContext, &byte, 1)
                            : t->recv(t->pNetworkContext, in_buf, sizeof(in_buf));
        if (r < 0) {
            return i;
        }
        vTaskDelay(1);
    }
    return -1;
}

/* The peer closes: recv reports it as an error once the data before the close is read. */
static void test_transport_peer_close(void)
{
    TransportInterface_t t;
    NetworkContext_t *ctx = tq_target->contexts[0];
    size_t banner = strlen(ECHO_SERVER_BANNER);

    QT_EQ(tq_target->connect(ctx, tq_target->host, tq_target->close_port), 0);
    tq_target->interface(&t, ctx);
    QT_EQ(transport_recv_all(&t, in_buf, banner, STUCK_TICKS), (int32_t)banner);
    QT_ASSERT(memcmp(in_buf, ECHO_SERVER_BANNER, banner) == 0);
    QT_ASSERT(poll_until_error(&t, 0) >= 0);
    QT_ASSERT(poll_until_error(&t, 1) >= 0); /* and sending fails too, without killing us */
    tq_target->disconnect(ctx);
}

static void test_transport_reconnect(void)
{
    TransportInterface_t t;

    for (unsigned i = 0; i < 5; i++) {
        QT_EQ(open_echo(&t, 0), 0);
        check_echo(&t, 100 + i, i);
        tq_target->disconnect(tq_target->contexts[0]);
    }
}

/* Drops the first n bytes from the gather list starting at vec[*first]. */
static void advance_vectors(TransportOutVector_t *vec, size_t count, size_t *first, size_t n)
{
    while (*first < count && n >= vec[*first].iov_len) {
        n -= vec[*first].iov_len;
        (*first)++;
    }
    if (*first < count && n > 0) {
        vec[*first].iov_base = (const uint8_t *)vec[*first].iov_base + n;
        vec[*first].iov_len -= n;
    }
}

/* writev sends its vectors in order, empty ones included, possibly in several calls. */
static void test_transport_writev_gathers_in_order(void)
{
    static const size_t lens[] = {3, 0, 1000, 5, 20000};
    TransportOutVector_t vec[5];
    TransportInterface_t t;
    size_t total = 0, first = 0;
    TickType_t idle_since;

    QT_EQ(open_echo(&t, 0), 0);
    if (t.writev == NULL) {
        tq_target->disconnect(tq_target->contexts[0]);
        return; /* optional */
    }
    fill_pattern(out_buf, 21008, 4);
    for (size_t i = 0; i < 5; i++) {
        vec[i].iov_base = out_buf + total;
        vec[i].iov_len = lens[i];
        total += lens[i];
    }
    idle_since = xTaskGetTickCount();
    while (first < 5 && (TickType_t)(xTaskGetTickCount() - idle_since) < STUCK_TICKS) {
        int32_t n = t.writev(t.pNetworkContext, &vec[first], 5 - first);

        QT_ASSERT(n >= 0);
        if (n <= 0) {
            vTaskDelay(1);
            continue;
        }
        idle_since = xTaskGetTickCount();
        advance_vectors(vec, 5, &first, (size_t)n);
    }
    QT_EQ(transport_recv_all(&t, in_buf, total, STUCK_TICKS), (int32_t)total);
    QT_ASSERT(memcmp(out_buf, in_buf, total) == 0);
    tq_target->disconnect(tq_target->contexts[0]);
}

static void test_transport_connect_refused(void)
{
    QT_ASSERT(tq_target->connect(tq_target->contexts[0], tq_target->host,
                                 tq_target->refused_port) != 0);
}

struct worker {
    TaskHandle_t parent;
    int index;
    volatile int ok_rounds;
};

static void concurrent_worker(void *arg)
{
    struct worker *w = arg;
    TransportInterface_t t;
    static uint8_t outs[2][4096], ins[2][4096];

    if (open_echo(&t, w->index) == 0) {
        for (unsigned round = 0; round < 20; round++) {
            fill_pattern(outs[w->index], 4096, round * 2u + (unsigned)w->index);
            if (echo_roundtrip(&t, outs[w->index], ins[w->index], 4096, 512) == 4096 &&
                memcmp(outs[w->index], ins[w->index], 4096) == 0) {
                w->ok_rounds++;
            }
        }
        tq_target->disconnect(tq_target->contexts[w->index]);
    }
    xTaskNotifyGive(w->parent);
    vTaskDelete(NULL);
}

/* Two tasks, two connections, interleaved by the scheduler: neither stream is disturbed. */
static void test_transport_two_tasks_concurrently(void)
{
    struct worker w[2] = {{xTaskGetCurrentTaskHandle(), 0, 0}, {xTaskGetCurrentTaskHandle(), 1, 0}};

    for (int i = 0; i < 2; i++) {
        QT_EQ(xTaskCreate(concurrent_worker, "tq_worker", configMINIMAL_STACK_SIZE * 2, &w[i],
                          tskIDLE_PRIORITY + 1, NULL),
              pdPASS);
    }
    for (int i = 0; i < 2; i++) {
        QT_EQ(ulTaskNotifyTake(pdFALSE, pdMS_TO_TICKS(60000)), 1);
    }
    QT_EQ(w[0].ok_rounds, 20);
    QT_EQ(w[1].ok_rounds, 20);
}

/* Bad input last: an unconnected context fails cleanly. */
static void test_transport_unconnected_context_fails(void)
{
    TransportInterface_t t;
    uint8_t b = 0;
    TransportOutVector_t v = {&b, 1};

    tq_target->interface(&t, tq_target->contexts[0]);
    QT_ASSERT(t.recv(t.pNetworkContext, &b, 1) < 0);
    QT_ASSERT(t.send(t.pNetworkContext, &b, 1) < 0);
    if (t.writev != NULL) {
        QT_ASSERT(t.writev(t.pNetworkContext, &v, 1) < 0);
    }
}

const struct qtest_case tq_cases[] = {
    QTEST_CASE(test_transport_connect_disconnect),
    QTEST_CASE(test_transport_echo_sizes_1_to_64k),
    QTEST_CASE(test_transport_send_partial),
    QTEST_CASE(test_transport_recv_partial),
    QTEST_CASE(test_transport_recv_no_data_returns_zero),
    QTEST_CASE(test_transport_peer_close),
    QTEST_CASE(test_transport_reconnect),
    QTEST_CASE(test_transport_writev_gathers_in_order),
    QTEST_CASE(test_transport_connect_refused),
    QTEST_CASE(test_transport_two_tasks_concurrently),
    QTEST_CASE(test_transport_unconnected_context_fails),
};
const size_t tq_case_count = sizeof(tq_cases) / sizeof(tq_cases[0]);
