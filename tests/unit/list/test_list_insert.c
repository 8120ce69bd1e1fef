/* SPDX-License-Identifier: MIT */
/*
 * test_list_insert.c: vListInitialise, vListInitialiseItem, vListInsert
 * (ascending order, FIFO among equal values, portMAX_DELAY last) and
 * vListInsertEnd relative to the round-robin index. No scheduler: the list is
 * a plain data structure and these cases drive it directly.
 */
#include "FreeRTOS.h"
#include "list.h"
#include "qtest.h"

#define N_ITEMS 6

static List_t list;
static ListItem_t items[N_ITEMS];
static int owners[N_ITEMS];

static void setup(void)
{
    vListInitialise(&list);
    for (int i = 0; i < N_ITEMS; i++) {
        owners[i] = i;
        vListInitialiseItem(&items[i]);
        listSET_LIST_ITEM_OWNER(&items[i], &owners[i]);
    }
}

static void insert_sorted(int i, TickType_t value)
{
    listSET_LIST_ITEM_VALUE(&items[i], value);
    vListInsert(&list, &items[i]);
}

/* Check that walking the list from its head meets exactly the items `order` (by index). */
static void expect_order(int line, const int *order, int n)
{
    const ListItem_t *end = listGET_END_MARKER(&list);
    const ListItem_t *it = listGET_HEAD_ENTRY(&list);
    const ListItem_t *prev = end;

    if ((int)listCURRENT_LIST_LENGTH(&list) != n) {
        qtest_fail(__FILE__, line, "length %d, expected %d", (int)listCURRENT_LIST_LENGTH(&list),
                   n);
    }
    for (int k = 0; k < n; k++) {
        if (it != &items[order[k]]) {
            qtest_fail(__FILE__, line, "position %d holds the wrong item", k);
            return;
        }
        if (it->prev != prev || listLIST_ITEM_CONTAINER(it) != &list) {
            qtest_fail(__FILE__, line, "position %d has broken links", k);
        }
        prev = it;
        it = listGET_NEXT(it);
    }
    if (it != end || end->prev != prev) {
        qtest_fail(__FILE__, line, "the list does not close after %d items", n);
    }
}
#define EXPECT_ORDER(...)                                                                          \
    do {                                                                                           \
        static const int order_[] = {__VA_ARGS__};                                                 \
        expect_order(__LINE__, order_, (int)(sizeof(order_) / sizeof(order_[0])));                 \
    } while (0)

static void test_vListInitialise_empty(void)
{
    const ListItem_t *end;

    setup();
    end = listGET_END_MARKER(&list);
    QT_EQ(listCURRENT_LIST_LENGTH(&list), 0);
    QT_EQ(listLIST_IS_EMPTY(&list), pdTRUE);
    QT_EQ(listLIST_IS_INITIALISED(&list), pdTRUE);
    QT_EQ(listGET_LIST_ITEM_VALUE(end), portMAX_DELAY);
    QT_PTR_EQ(listGET_HEAD_ENTRY(&list), end);
    QT_PTR_EQ(end->prev, end);
    QT_PTR_EQ(list.index, end);
}

static void test_vListInitialise_reinitialises_used_list(void)
{
    setup();
    insert_sorted(0, 1);
    insert_sorted(1, 2);
    vListInitialise(&list);
    QT_EQ(listCURRENT_LIST_LENGTH(&list), 0);
    QT_PTR_EQ(listGET_HEAD_ENTRY(&list), listGET_END_MARKER(&list));
}

static void test_vListInitialiseItem_not_contained(void)
{
    setup();
    QT_PTR_EQ(listLIST_ITEM_CONTAINER(&items[0]), NULL);
    QT_EQ(listIS_CONTAINED_WITHIN(&list, &items[0]), pdFALSE);
    QT_PTR_EQ(listGET_LIST_ITEM_OWNER(&items[0]), &owners[0]);
}

static void test_vListInsert_first_item(void)
{
    setup();
    insert_sorted(0, 42);
    EXPECT_ORDER(0);
    QT_EQ(listLIST_IS_EMPTY(&list), pdFALSE);
    QT_EQ(listIS_CONTAINED_WITHIN(&list, &items[0]), pdTRUE);
    QT_EQ(listGET_ITEM_VALUE_OF_HEAD_ENTRY(&list), 42);
    QT_PTR_EQ(listGET_OWNER_OF_HEAD_ENTRY(&list), &owners[0]);
}

static void test_vListInsert_ascending_order(void)
{
    setup();
    insert_sorted(0, 30);
    insert_sorted(1, 10);
    insert_sorted(2, 20);
    insert_sorted(3, 0);
    insert_sorted(4, 25);
    EXPECT_ORDER(3, 1, 2, 4, 0);
    QT_EQ(listGET_ITEM_VALUE_OF_HEAD_ENTRY(&list), 0);
}

static void test_vListInsert_fifo_among_equal_values(void)
{
    setup();
    insert_sorted(0, 5);
    insert_sorted(1, 5);
    insert_sorted(2, 3);
    insert_sorted(3, 5);
    insert_sorted(4, 7);
    insert_sorted(5, 3);
    EXPECT_ORDER(2, 5, 0, 1, 3, 4);
}

static void test_vListInsert_max_delay_goes_last(void)
{
    setup();
    insert_sorted(0, portMAX_DELAY);
    insert_sorted(1, 7);
    insert_sorted(2, portMAX_DELAY - 1);
    insert_sorted(3, portMAX_DELAY);
    insert_sorted(4, 0);
    EXPECT_ORDER(4, 1, 2, 0, 3);
}

static void test_vListInsert_index_unchanged(void)
{
    setup();
    insert_sorted(0, 2);
    QT_PTR_EQ(list.index, listGET_END_MARKER(&list));
    insert_sorted(1, 1);
    QT_PTR_EQ(list.index, listGET_END_MARKER(&list));
}

static void test_vListInsertEnd_appends_when_index_at_end(void)
{
    setup();
    /* vListInsertEnd ignores values: order is insertion order. */
    listSET_LIST_ITEM_VALUE(&items[0], 9);
    listSET_LIST_ITEM_VALUE(&items[1], 1);
    listSET_LIST_ITEM_VALUE(&items[2], 5);
    vListInsertEnd(&list, &items[0]);
    vListInsertEnd(&list, &items[1]);
    vListInsertEnd(&list, &items[2]);
    EXPECT_ORDER(0, 1, 2);
    QT_EQ(listIS_CONTAINED_WITHIN(&list, &items[2]), pdTRUE);
}

static void test_vListInsertEnd_goes_before_index(void)
{
    int *owner;

    setup();
    vListInsertEnd(&list, &items[0]);
    vListInsertEnd(&list, &items[1]);
    vListInsertEnd(&list, &items[2]);
    listGET_OWNER_OF_NEXT_ENTRY(owner, &list); /* index now at item 0 */
    QT_PTR_EQ(owner, &owners[0]);
    vListInsertEnd(&list, &items[3]);
    /* Placed just before the index: after everything else in round-robin order. */
    EXPECT_ORDER(3, 0, 1, 2);
    listGET_OWNER_OF_NEXT_ENTRY(owner, &list);
    QT_PTR_EQ(owner, &owners[1]);
    listGET_OWNER_OF_NEXT_ENTRY(owner, &list);
    QT_PTR_EQ(owner, &owners[2]);
    listGET_OWNER_OF_NEXT_ENTRY(owner, &list);
    QT_PTR_EQ(owner, &owners[3]);
    listGET_OWNER_OF_NEXT_ENTRY(owner, &list);
    QT_PTR_EQ(owner, &owners[0]);
}

static void test_vListInsertEnd_index_in_middle(void)
{
    int *owner;

    setup();
    vListInsertEnd(&list, &items[0]);
    vListInsertEnd(&list, &items[1]);
    vListInsertEnd(&list, &items[2]);
    listGET_OWNER_OF_NEXT_ENTRY(owner, &list);
    listGET_OWNER_OF_NEXT_ENTRY(owner, &list); /* index at item 1 */
    QT_PTR_EQ(owner, &owners[1]);
    vListInsertEnd(&list, &items[3]);
    EXPECT_ORDER(0, 3, 1, 2);
    QT_PTR_EQ(list.index, &items[1]);
}

/* ---- Bad input ---- */

static void insert_twice(void *arg)
{
    (void)arg;
    setup();
    insert_sorted(0, 1);
    vListInsert(&list, &items[0]);
}

static void insert_end_twice(void *arg)
{
    (void)arg;
    setup();
    vListInsertEnd(&list, &items[0]);
    vListInsertEnd(&list, &items[0]);
}

static void test_vListInsert_item_already_in_a_list_asserts(void)
{
    QT_EXPECT_ASSERT(insert_twice, NULL);
}

static void test_vListInsertEnd_item_already_in_a_list_asserts(void)
{
    QT_EXPECT_ASSERT(insert_end_twice, NULL);
}

QTEST_MAIN(QTEST_CASE_NO_SCHEDULER(test_vListInitialise_empty),
           QTEST_CASE_NO_SCHEDULER(test_vListInitialise_reinitialises_used_list),
           QTEST_CASE_NO_SCHEDULER(test_vListInitialiseItem_not_contained),
           QTEST_CASE_NO_SCHEDULER(test_vListInsert_first_item),
           QTEST_CASE_NO_SCHEDULER(test_vListInsert_ascending_order),
           QTEST_CASE_NO_SCHEDULER(test_vListInsert_fifo_among_equal_values),
           QTEST_CASE_NO_SCHEDULER(test_vListInsert_max_delay_goes_last),
           QTEST_CASE_NO_SCHEDULER(test_vListInsert_index_unchanged),
           QTEST_CASE_NO_SCHEDULER(test_vListInsertEnd_appends_when_index_at_end),
           QTEST_CASE_NO_SCHEDULER(test_vListInsertEnd_goes_before_index),
           QTEST_CASE_NO_SCHEDULER(test_vListInsertEnd_index_in_middle),
           QTEST_CASE_NO_SCHEDULER(test_vListInsert_item_already_in_a_list_asserts),
           QTEST_CASE_NO_SCHEDULER(test_vListInsertEnd_item_already_in_a_list_asserts))
