/* SPDX-License-Identifier: MIT */
/*
 * test_list_remove.c: uxListRemove: the count it returns, unlinking, and the
 * repair of the round-robin index when the item under it leaves. No scheduler.
 */
#include "FreeRTOS.h"
#include "list.h"
#include "qtest.h"

#define N_ITEMS 4

static List_t list;
static ListItem_t items[N_ITEMS];
static int owners[N_ITEMS];

/* A list holding items 0..n-1 in that order, index at the end marker. */
static void setup(int n)
{
    vListInitialise(&list);
    for (int i = 0; i < N_ITEMS; i++) {
        owners[i] = i;
        vListInitialiseItem(&items[i]);
        listSET_LIST_ITEM_OWNER(&items[i], &owners[i]);
        listSET_LIST_ITEM_VALUE(&items[i], (TickType_t)i);
        if (i < n) {
            vListInsertEnd(&list, &items[i]);
        }
    }
}

static int *next_owner(void)
{
    int *owner;

    listGET_OWNER_OF_NEXT_ENTRY(owner, &list);
    return owner;
}

static void test_uxListRemove_returns_remaining_count(void)
{
    setup(3);
    QT_EQ(uxListRemove(&items[1]), 2);
    QT_EQ(uxListRemove(&items[0]), 1);
    QT_EQ(uxListRemove(&items[2]), 0);
    QT_EQ(listLIST_IS_EMPTY(&list), pdTRUE);
}

static void test_uxListRemove_unlinks_item(void)
{
    const ListItem_t *end;

    setup(3);
    (void)uxListRemove(&items[1]);
    end = listGET_END_MARKER(&list);
    QT_PTR_EQ(listLIST_ITEM_CONTAINER(&items[1]), NULL);
    QT_EQ(listIS_CONTAINED_WITHIN(&list, &items[1]), pdFALSE);
    QT_PTR_EQ(listGET_HEAD_ENTRY(&list), &items[0]);
    QT_PTR_EQ(listGET_NEXT(&items[0]), &items[2]);
    QT_PTR_EQ(items[2].prev, &items[0]);
    QT_PTR_EQ(listGET_NEXT(&items[2]), end);
    QT_PTR_EQ(end->prev, &items[2]);
}

static void test_uxListRemove_last_item_leaves_empty_list(void)
{
    const ListItem_t *end;

    setup(1);
    (void)next_owner(); /* index on the item */
    QT_EQ(uxListRemove(&items[0]), 0);
    end = listGET_END_MARKER(&list);
    QT_PTR_EQ(list.index, end);
    QT_PTR_EQ(listGET_HEAD_ENTRY(&list), end);
    QT_PTR_EQ(end->prev, end);
}

static void test_uxListRemove_item_under_index_moves_index_back(void)
{
    setup(3);
    QT_PTR_EQ(next_owner(), &owners[0]);
    QT_PTR_EQ(next_owner(), &owners[1]); /* index on item 1 */
    (void)uxListRemove(&items[1]);
    QT_PTR_EQ(list.index, &items[0]);
    /* The rotation goes on where it would have. */
    QT_PTR_EQ(next_owner(), &owners[2]);
    QT_PTR_EQ(next_owner(), &owners[0]);
}

static void test_uxListRemove_first_item_under_index(void)
{
    setup(3);
    QT_PTR_EQ(next_owner(), &owners[0]);
    (void)uxListRemove(&items[0]);
    QT_PTR_EQ(list.index, listGET_END_MARKER(&list));
    QT_PTR_EQ(next_owner(), &owners[1]);
}

static void test_uxListRemove_other_item_keeps_index(void)
{
    setup(3);
    QT_PTR_EQ(next_owner(), &owners[0]);
    (void)uxListRemove(&items[2]);
    QT_PTR_EQ(list.index, &items[0]);
    QT_PTR_EQ(next_owner(), &owners[1]);
    QT_PTR_EQ(next_owner(), &owners[0]);
}

static void test_uxListRemove_item_can_be_inserted_again(void)
{
    setup(3);
    (void)uxListRemove(&items[0]);
    listSET_LIST_ITEM_VALUE(&items[0], 10);
    vListInsert(&list, &items[0]);
    QT_EQ(listCURRENT_LIST_LENGTH(&list), 3);
    QT_PTR_EQ(listGET_END_MARKER(&list)->prev, &items[0]);
    QT_PTR_EQ(listLIST_ITEM_CONTAINER(&items[0]), &list);
}

static void test_uxListRemove_from_sorted_list_keeps_order(void)
{
    vListInitialise(&list);
    for (int i = 0; i < N_ITEMS; i++) {
        vListInitialiseItem(&items[i]);
        listSET_LIST_ITEM_VALUE(&items[i], (TickType_t)(N_ITEMS - i));
        vListInsert(&list, &items[i]);
    }
    (void)uxListRemove(&items[1]);
    QT_PTR_EQ(listGET_HEAD_ENTRY(&list), &items[3]);
    QT_PTR_EQ(listGET_NEXT(&items[3]), &items[2]);
    QT_PTR_EQ(listGET_NEXT(&items[2]), &items[0]);
    QT_EQ(listGET_ITEM_VALUE_OF_HEAD_ENTRY(&list), 1);
}

/* ---- Bad input ---- */

static void remove_unlinked(void *arg)
{
    (void)arg;
    setup(0);
    (void)uxListRemove(&items[0]);
}

static void remove_twice(void *arg)
{
    (void)arg;
    setup(2);
    (void)uxListRemove(&items[0]);
    (void)uxListRemove(&items[0]);
}

static void test_uxListRemove_item_in_no_list_asserts(void)
{
    QT_EXPECT_ASSERT(remove_unlinked, NULL);
}

static void test_uxListRemove_twice_asserts(void)
{
    QT_EXPECT_ASSERT(remove_twice, NULL);
}

QTEST_MAIN(QTEST_CASE_NO_SCHEDULER(test_uxListRemove_returns_remaining_count),
           QTEST_CASE_NO_SCHEDULER(test_uxListRemove_unlinks_item),
           QTEST_CASE_NO_SCHEDULER(test_uxListRemove_last_item_leaves_empty_list),
           QTEST_CASE_NO_SCHEDULER(test_uxListRemove_item_under_index_moves_index_back),
           QTEST_CASE_NO_SCHEDULER(test_uxListRemove_first_item_under_index),
           QTEST_CASE_NO_SCHEDULER(test_uxListRemove_other_item_keeps_index),
           QTEST_CASE_NO_SCHEDULER(test_uxListRemove_item_can_be_inserted_again),
           QTEST_CASE_NO_SCHEDULER(test_uxListRemove_from_sorted_list_keeps_order),
           QTEST_CASE_NO_SCHEDULER(test_uxListRemove_item_in_no_list_asserts),
           QTEST_CASE_NO_SCHEDULER(test_uxListRemove_twice_asserts))
