/* SPDX-License-Identifier: MIT */
/*
 * Queue set membership: creating sets (dynamic and static), the rules for
 * adding members (empty, in no other set, not a mutex) and removing them
 * (empty, in that set), and that a set sized to its members never overflows.
 */
#include "../queue/queue_test_util.h"

static QueueSetHandle_t make_set(UBaseType_t length)
{
    QueueSetHandle_t set = xQueueCreateSet(length);

    QT_ASSERT(set != NULL);
    return set;
}

static void test_xQueueCreateSet_makes_an_empty_set(void)
{
    QueueSetHandle_t set = make_set(3);

    QT_EQ(uxQueueMessagesWaiting(set), 0);
    QT_EQ(uxQueueGetQueueLength(set), 3);
    QT_EQ(uxQueueGetQueueItemSize(set), sizeof(QueueSetMemberHandle_t));
    QT_EQ(ucQueueGetQueueType(set), queueQUEUE_TYPE_SET);
    QT_PTR_EQ(xQueueSelectFromSet(set, 0), NULL);
    vQueueDelete(set);
}

static void test_xQueueCreateSetStatic_uses_the_given_memory(void)
{
    static StaticQueue_t set_buffer;
    static uint8_t storage[2 * sizeof(QueueSetMemberHandle_t)];
    QueueHandle_t q = qu_queue(2, sizeof(uint32_t));
    QueueSetHandle_t set = xQueueCreateSetStatic(2, storage, &set_buffer);
    StaticQueue_t *got_buffer = NULL;
    uint8_t *got_storage = NULL;
    const uint32_t v = 5;
    uint32_t out = 0;

    QT_PTR_EQ(set, &set_buffer);
    QT_EQ(xQueueGetStaticBuffers(set, &got_storage, &got_buffer), pdTRUE);
    QT_PTR_EQ(got_storage, storage);
    QT_PTR_EQ(got_buffer, &set_buffer);
    QT_EQ(xQueueAddToSet(q, set), pdPASS);
    QT_EQ(xQueueSend(q, &v, 0), pdPASS);
    QT_PTR_EQ(xQueueSelectFromSet(set, 0), q);
    QT_EQ(xQueueReceive(q, &out, 0), pdPASS);
    QT_EQ(out, 5);
    QT_EQ(xQueueRemoveFromSet(q, set), pdPASS);
    vQueueDelete(q);
    vQueueDelete(set);
}

static void test_xQueueAddToSet_non_empty_member_fails(void)
{
    QueueSetHandle_t set = make_set(5);
    QueueHandle_t q = qu_queue(2, sizeof(uint32_t));
    SemaphoreHandle_t b = qu_binary();
    SemaphoreHandle_t c = qu_counting(2, 1);
    const uint32_t v = 1;
    uint32_t out;

    QT_EQ(xQueueSend(q, &v, 0), pdPASS);
    QT_EQ(xSemaphoreGive(b), pdPASS);
    QT_EQ(xQueueAddToSet(q, set), pdFAIL);
    QT_EQ(xQueueAddToSet(b, set), pdFAIL);
    QT_EQ(xQueueAddToSet(c, set), pdFAIL); /* created with a count of 1 */
    QT_EQ(xQueueReceive(q, &out, 0), pdPASS);
    QT_EQ(xSemaphoreTake(b, 0), pdPASS);
    QT_EQ(xSemaphoreTake(c, 0), pdPASS);
    QT_EQ(xQueueAddToSet(q, set), pdPASS);
    QT_EQ(xQueueAddToSet(b, set), pdPASS);
    QT_EQ(xQueueAddToSet(c, set), pdPASS);
    QT_EQ(uxQueueMessagesWaiting(set), 0); /* adding posts nothing */
    QT_EQ(xQueueRemoveFromSet(q, set), pdPASS);
    QT_EQ(xQueueRemoveFromSet(b, set), pdPASS);
    QT_EQ(xQueueRemoveFromSet(c, set), pdPASS);
    vQueueDelete(q);
    vSemaphoreDelete(b);
    vSemaphoreDelete(c);
    vQueueDelete(set);
}

static void test_xQueueAddToSet_member_of_a_set_fails(void)
{
    QueueSetHandle_t set1 = make_set(1), set2 = make_set(1);
    QueueHandle_t q = qu_queue(1, sizeof(uint32_t));

    QT_EQ(xQueueAddToSet(q, set1), pdPASS);
    QT_EQ(xQueueAddToSet(q, set1), pdFAIL); /* twice in the same set */
    QT_EQ(xQueueAddToSet(q, set2), pdFAIL); /* in two sets */
    QT_EQ(xQueueRemoveFromSet(q, set1), pdPASS);
    QT_EQ(xQueueAddToSet(q, set2), pdPASS); /* free again */
    QT_EQ(xQueueRemoveFromSet(q, set2), pdPASS);
    vQueueDelete(q);
    vQueueDelete(set1);
    vQueueDelete(set2);
}

static void test_xQueueRemoveFromSet_rules(void)
{
    QueueSetHandle_t set = make_set(2), other = make_set(2);
    QueueHandle_t q = qu_queue(2, sizeof(uint32_t));
    const uint32_t v = 7;
    uint32_t out;

    QT_EQ(xQueueRemoveFromSet(q, set), pdFAIL); /* not a member */
    QT_EQ(xQueueAddToSet(q, set), pdPASS);
    QT_EQ(xQueueRemoveFromSet(q, other), pdFAIL); /* member of another set */
    QT_EQ(xQueueSend(q, &v, 0), pdPASS);
    QT_EQ(xQueueRemoveFromSet(q, set), pdFAIL); /* not empty */
    QT_PTR_EQ(xQueueSelectFromSet(set, 0), q);
    QT_EQ(xQueueReceive(q, &out, 0), pdPASS);
    QT_EQ(xQueueRemoveFromSet(q, set), pdPASS);
    /* Out of the set, its items no longer reach the set. */
    QT_EQ(xQueueSend(q, &v, 0), pdPASS);
    QT_EQ(uxQueueMessagesWaiting(set), 0);
    QT_PTR_EQ(xQueueSelectFromSet(set, 0), NULL);
    QT_EQ(xQueueReceive(q, &out, 0), pdPASS);
    QT_EQ(out, 7);
    vQueueDelete(q);
    vQueueDelete(set);
    vQueueDelete(other);
}

/* A set as long as its members' lengths together holds an event for every item. */
static void test_set_sized_to_members_never_overflows(void)
{
    QueueSetHandle_t set = make_set(2 + 1 + 3);
    QueueHandle_t q = qu_queue(2, sizeof(uint32_t));
    SemaphoreHandle_t b = qu_binary();
    SemaphoreHandle_t c = qu_counting(3, 0);
    uint32_t v = 0, out;
    unsigned from_q = 0, from_b = 0, from_c = 0;
    QueueSetMemberHandle_t m;

    QT_EQ(xQueueAddToSet(q, set), pdPASS);
    QT_EQ(xQueueAddToSet(b, set), pdPASS);
    QT_EQ(xQueueAddToSet(c, set), pdPASS);
    /* Fill every member, then try once more each: the members refuse, the set stays exact. */
    for (int i = 0; i < 4; i++) {
        (void)xQueueSend(q, &v, 0);
        (void)xSemaphoreGive(b);
        (void)xSemaphoreGive(c);
    }
    QT_EQ(uxQueueMessagesWaiting(set), 6);
    QT_EQ(uxQueueSpacesAvailable(set), 0);
    while ((m = xQueueSelectFromSet(set, 0)) != NULL) {
        if (m == q) {
            QT_EQ(xQueueReceive(q, &out, 0), pdPASS);
            from_q++;
        } else if (m == b) {
            QT_EQ(xSemaphoreTake(b, 0), pdPASS);
            from_b++;
        } else {
            QT_PTR_EQ(m, c);
            QT_EQ(xSemaphoreTake(c, 0), pdPASS);
            from_c++;
        }
    }
    QT_EQ(from_q, 2);
    QT_EQ(from_b, 1);
    QT_EQ(from_c, 3);
    QT_EQ(xQueueRemoveFromSet(q, set), pdPASS);
    QT_EQ(xQueueRemoveFromSet(b, set), pdPASS);
    QT_EQ(xQueueRemoveFromSet(c, set), pdPASS);
    vQueueDelete(q);
    vSemaphoreDelete(b);
    vSemaphoreDelete(c);
    vQueueDelete(set);
}

/* ---- Misuse (configASSERT) ---- */

static QueueSetHandle_t misuse_set;

static void add_mutex(void *arg)
{
    (void)xQueueAddToSet((SemaphoreHandle_t)arg, misuse_set);
}

static void add_set_to_itself(void *arg)
{
    (void)arg;
    (void)xQueueAddToSet(misuse_set, misuse_set);
}

/* Two members of length 1 in a set of length 1: the second send overflows the set. */
static void overflow_short_set(void *arg)
{
    QueueHandle_t *qs = arg;
    const uint32_t v = 1;

    (void)xQueueAddToSet(qs[0], misuse_set);
    (void)xQueueAddToSet(qs[1], misuse_set);
    (void)xQueueSend(qs[0], &v, 0);
    (void)xQueueSend(qs[1], &v, 0);
}

static void select_from_null(void *arg)
{
    (void)arg;
    (void)xQueueSelectFromSet(NULL, 0);
}

static void test_queue_set_misuse_asserts(void)
{
    SemaphoreHandle_t m = qu_mutex();
    SemaphoreHandle_t r = qu_recursive_mutex();
    QueueHandle_t qs[2] = {qu_queue(1, sizeof(uint32_t)), qu_queue(1, sizeof(uint32_t))};

    misuse_set = make_set(1);
    QT_EXPECT_ASSERT(add_mutex, m);
    QT_EXPECT_ASSERT(add_mutex, r);
    QT_EXPECT_ASSERT(add_set_to_itself, NULL);
    QT_EXPECT_ASSERT(overflow_short_set, qs);
    QT_EXPECT_ASSERT(select_from_null, NULL);
    vSemaphoreDelete(m);
    vSemaphoreDelete(r);
    vQueueDelete(qs[0]);
    vQueueDelete(qs[1]);
    vQueueDelete(misuse_set);
}

QTEST_MAIN(QTEST_CASE(test_xQueueCreateSet_makes_an_empty_set),
           QTEST_CASE(test_xQueueCreateSetStatic_uses_the_given_memory),
           QTEST_CASE(test_xQueueAddToSet_non_empty_member_fails),
           QTEST_CASE(test_xQueueAddToSet_member_of_a_set_fails),
           QTEST_CASE(test_xQueueRemoveFromSet_rules),
           QTEST_CASE(test_set_sized_to_members_never_overflows),
           QTEST_CASE(test_queue_set_misuse_asserts))
