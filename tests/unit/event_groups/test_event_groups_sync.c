/* SPDX-License-Identifier: MIT */
/*
 * xEventGroupSync: rendezvous of several tasks (each sets its bit, then
 * waits for all), at equal and mixed priorities and over repeated rounds;
 * the task that completes the rendezvous returns at once; every participant
 * returns the full set of bits and the group is left clear; a sync that
 * times out returns the bits at that moment and leaves its own bit set.
 */
#include "eg_test_util.h"

#define PARTIES 4
#define ALL_BITS ((EventBits_t)((1u << PARTIES) - 1u))

struct party {
    EventGroupHandle_t group;
    EventBits_t bit, want;
    TickType_t arrive; /* delay before each sync */
    unsigned rounds;
    EventBits_t result[3];
    TickType_t when[3];
    unsigned done;
};

static void party_task(void *arg)
{
    struct party *p = arg;

    for (unsigned r = 0; r < p->rounds; r++) {
        vTaskDelay(p->arrive);
        p->result[r] = xEventGroupSync(p->group, p->bit, p->want, portMAX_DELAY);
        p->when[r] = xTaskGetTickCount();
        p->done++;
    }
    tt_park();
}

static void run_parties(struct party *parties, unsigned n, const UBaseType_t *prio)
{
    TaskHandle_t h[PARTIES];
    EventGroupHandle_t g = eg_group();
    const EventBits_t want = (EventBits_t)((1u << n) - 1u);
    unsigned rounds = parties[0].rounds;

    for (unsigned i = 0; i < n; i++) {
        parties[i].group = g;
        parties[i].bit = (EventBits_t)(1u << i);
        parties[i].want = want;
        parties[i].done = 0;
        h[i] = tt_spawn(party_task, "party", prio[i], &parties[i]);
    }
    vTaskDelay(40 * rounds);
    for (unsigned i = 0; i < n; i++) {
        QT_EQ(parties[i].done, rounds);
        vTaskDelete(h[i]);
    }
    QT_EQ(xEventGroupGetBits(g), 0);
    vEventGroupDelete(g);
}

static void test_rendezvous_of_three_tasks(void)
{
    static const UBaseType_t prio[] = {QTEST_PRIORITY + 1, QTEST_PRIORITY + 1, QTEST_PRIORITY + 1};
    struct party p[3] = {
        {.arrive = 2, .rounds = 1}, {.arrive = 9, .rounds = 1}, {.arrive = 5, .rounds = 1}};

    run_parties(p, 3, prio);
    for (unsigned i = 0; i < 3; i++) {
        QT_EQ(p[i].result[0], 0x7);
        QT_EQ(p[i].when[0], 9); /* released when the last one (p[1]) arrived */
    }
}

static void test_rendezvous_at_mixed_priorities_over_several_rounds(void)
{
    static const UBaseType_t prio[] = {QTEST_PRIORITY - 1, QTEST_PRIORITY + 2, QTEST_PRIORITY + 1,
                                       QTEST_PRIORITY - 2};
    struct party p[PARTIES] = {{.arrive = 3, .rounds = 3},
                               {.arrive = 1, .rounds = 3},
                               {.arrive = 6, .rounds = 3},
                               {.arrive = 4, .rounds = 3}};

    run_parties(p, PARTIES, prio);
    for (unsigned i = 0; i < PARTIES; i++) {
        for (unsigned r = 0; r < 3; r++) {
            QT_EQ(p[i].result[r], ALL_BITS);
            QT_EQ(p[i].when[r], 6 * (r + 1)); /* the slowest (p[2]) sets the pace */
        }
    }
}

static void test_sync_completes_at_once_when_the_others_are_there(void)
{
    EventGroupHandle_t g = eg_group();

    (void)xEventGroupSetBits(g, 0x6 | 0x8);
    QT_EQ(xEventGroupSync(g, 0x1, 0x7, 0), 0xf);
    QT_EQ(xEventGroupGetBits(g), 0x8); /* only the rendezvous bits are cleared */
    QT_EQ(xTaskGetTickCount(), 0);
    vEventGroupDelete(g);
}

static void test_sync_timeout_leaves_its_own_bit_set(void)
{
    EventGroupHandle_t g = eg_group();

    QT_EQ(xEventGroupSync(g, 0x1, 0x3, 5), 0x1);
    QT_EQ(xTaskGetTickCount(), 5);
    QT_EQ(xEventGroupGetBits(g), 0x1);
    QT_EQ(xEventGroupSync(g, 0x4, 0x3, 0), 0x5); /* a poll */
    vEventGroupDelete(g);
}

static EventGroupHandle_t waited_group;
static EventBits_t waited_result;

static void any_waiter(void *arg)
{
    (void)arg;
    waited_result = xEventGroupWaitBits(waited_group, 0x1, pdTRUE, pdFALSE, portMAX_DELAY);
    tt_park();
}

static void test_sync_completes_even_if_a_released_waiter_clears_its_bits(void)
{
    TaskHandle_t h;

    waited_group = eg_group();
    h = tt_spawn(any_waiter, "W", QTEST_PRIORITY + 1, NULL);
    eg_yield_if_coop();
    /* The bits set release the waiter, which clears bit 0; the rendezvous still counts. */
    QT_EQ(xEventGroupSync(waited_group, 0x3, 0x3, 4), 0x3);
    eg_yield_if_coop();
    QT_EQ(waited_result, 0x3);
    QT_EQ(xTaskGetTickCount(), 0);
    QT_EQ(xEventGroupGetBits(waited_group), 0);
    vTaskDelete(h);
    vEventGroupDelete(waited_group);
}

QTEST_MAIN(QTEST_CASE(test_rendezvous_of_three_tasks),
           QTEST_CASE(test_rendezvous_at_mixed_priorities_over_several_rounds),
           QTEST_CASE(test_sync_completes_at_once_when_the_others_are_there),
           QTEST_CASE(test_sync_timeout_leaves_its_own_bit_set),
           QTEST_CASE(test_sync_completes_even_if_a_released_waiter_clears_its_bits))
