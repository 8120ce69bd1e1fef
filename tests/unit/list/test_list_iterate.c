/* SPDX-License-Identifier: MIT */
/*
 * test_list_iterate.c: listGET_OWNER_OF_NEXT_ENTRY (the scheduler's
 * round-robin cursor: wraps around, never yields the end marker) and the
 * read-only list macros. No scheduler.
 */
#include "FreeRTOS.h"
#include "list.h"
#include "qtest.h"

#define N_ITEMS 3

static List_t list;
static ListItem_t items[N_ITEMS];
static int owners[N_ITEMS];

static void setup(int n)
{
    vListInitialise(&list);
    for (int i = 0; i < N_ITEMS; i++) {
        owners[i] = i;
        vListInitialiseItem(&items[i]);
        listSET_LIST_ITEM_OWNER(&items[i], &owners[i]);
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

static void test_listGET_OWNER_OF_NEXT_ENTRY_wraps_skipping_end_marker(void)
{
    setup(3);
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 3; i++) {
            QT_PTR_EQ(next_owner(), &owners[i]);
            QT_PTR_EQ(list.index, &items[i]);
        }
    }
}

static void test_listGET_OWNER_OF_NEXT_ENTRY_single_item_repeats(void)
{
    setup(1);
    for (int i = 0; i < 4; i++) {
        QT_PTR_EQ(next_owner(), &owners[0]);
    }
}

static void test_listGET_OWNER_OF_NEXT_ENTRY_sees_items_added_behind_it(void)
{
    setup(1);
    QT_PTR_EQ(next_owner(), &owners[0]);
    vListInsertEnd(&list, &items[1]);
    vListInsertEnd(&list, &items[2]);
    QT_PTR_EQ(next_owner(), &owners[1]);
    QT_PTR_EQ(next_owner(), &owners[2]);
    QT_PTR_EQ(next_owner(), &owners[0]);
}

static void test_list_macros_walk_in_order(void)
{
    const ListItem_t *end;
    int seen = 0;

    setup(3);
    end = listGET_END_MARKER(&list);
    for (const ListItem_t *it = listGET_HEAD_ENTRY(&list); it != end; it = listGET_NEXT(it)) {
        QT_PTR_EQ(listGET_LIST_ITEM_OWNER(it), &owners[seen]);
        QT_PTR_EQ(listLIST_ITEM_CONTAINER(it), &list);
        seen++;
    }
    QT_EQ(seen, 3);
    QT_EQ(listCURRENT_LIST_LENGTH(&list), 3);
    QT_PTR_EQ(listGET_OWNER_OF_HEAD_ENTRY(&list), &owners[0]);
}

static void test_list_item_value_round_trips(void)
{
    setup(0);
    listSET_LIST_ITEM_VALUE(&items[0], portMAX_DELAY);
    QT_EQ(listGET_LIST_ITEM_VALUE(&items[0]), portMAX_DELAY);
    listSET_LIST_ITEM_VALUE(&items[0], 0);
    QT_EQ(listGET_LIST_ITEM_VALUE(&items[0]), 0);
}

QTEST_MAIN(QTEST_CASE_NO_SCHEDULER(test_listGET_OWNER_OF_NEXT_ENTRY_wraps_skipping_end_marker),
           QTEST_CASE_NO_SCHEDULER(test_listGET_OWNER_OF_NEXT_ENTRY_single_item_repeats),
           QTEST_CASE_NO_SCHEDULER(test_listGET_OWNER_OF_NEXT_ENTRY_sees_items_added_behind_it),
           QTEST_CASE_NO_SCHEDULER(test_list_macros_walk_in_order),
           QTEST_CASE_NO_SCHEDULER(test_list_item_value_round_trips))
