/* SPDX-License-Identifier: MIT */
/*
 * list_impl.h: the list link operations themselves, inline. list.c wraps them
 * in the public vList... functions; the scheduler's hot paths (sched.c,
 * tick.c), which block or wake a task with several list operations each,
 * call them directly and save a call and its trace hooks per operation;
 * -Os builds (__OPTIMIZE_SIZE__) call list.c's one copy instead. Together
 * with list.c this is the only code that touches list links.
 * Callers hold the kernel lock (or own the list outright).
 */
#ifndef QUARTZ_LIST_IMPL_H
#define QUARTZ_LIST_IMPL_H

#include "FreeRTOS.h"
#include "list.h"

#include <stdbool.h>

#if defined(__OPTIMIZE_SIZE__) && !defined(LIST_IMPL_BODIES)
#define list_insert_end(list, item) vListInsertEnd(list, item)
#define list_insert_sorted(list, item) vListInsert(list, item)
#define list_remove(item) uxListRemove(item)
#define list_unlink(list, item) ((void)(list), uxListRemove(item))
#define list_link_sorted(list, item) vListInsert(list, item)
#define list_unlink_uncursored(list, item) ((void)(list), uxListRemove(item))
#define list_insert_end_uncounted(list, item) vListInsertEnd(list, item)
#define list_unlink_uncounted(list, item) ((void)(list), uxListRemove(item) == 0)
#else /* the bodies: list.c, and every caller in a speed build */

/* Link item between prev and prev->next. */
static inline void list_link_after(List_t *list, ListItem_t *prev, ListItem_t *item)
{
    ListItem_t *const next = prev->next;

    item->next = next;
    item->prev = prev;
    next->prev = item;
    prev->next = item;
    item->container = list;
    list->count++;
}

/*
 * vListInsertEnd without the count: just before the round-robin cursor, so it comes last in the
 * rotation. For a list whose count nothing reads (list_unlink_uncounted).
 */
static inline void list_insert_end_uncounted(List_t *list, ListItem_t *item)
{
    ListItem_t *const next = list->index;
    ListItem_t *const prev = next->prev;

    configASSERT(item->container == NULL);
    /* list_link_after(list, prev, item) without reloading prev->next: it is the cursor. */
    item->next = next;
    item->prev = prev;
    next->prev = item;
    prev->next = item;
    item->container = list;
}

/* vListInsertEnd. */
static inline void list_insert_end(List_t *list, ListItem_t *item)
{
    list_insert_end_uncounted(list, item);
    list->count++;
}

/* vListInsert's link, for a caller that knows item is on no list: after every item of lower or
 * equal value. */
static inline void list_link_sorted(List_t *list, ListItem_t *item)
{
    const TickType_t value = item->value;
    ListItem_t *pos = (ListItem_t *)&list->end;

#ifndef __OPTIMIZE_SIZE__
    if (pos->next == pos) {
        /* Empty, the common case of a waiter list: nothing to walk, nor any neighbour to load. */
        item->next = pos;
        item->prev = pos;
        pos->next = item;
        pos->prev = item;
        item->container = list;
        list->count = 1;
        return;
    }
#endif
    /* The end marker holds portMAX_DELAY; an item of that value goes last. */
    if (value != portMAX_DELAY) {
        while (pos->next->value <= value) {
            pos = pos->next;
        }
    } else {
        pos = list->end.prev;
    }
    list_link_after(list, pos, item);
}

/* vListInsert: after every item of lower or equal value. */
static inline void list_insert_sorted(List_t *list, ListItem_t *item)
{
    configASSERT(item->container == NULL);
    list_link_sorted(list, item);
}

/*
 * Unlink item from list, which holds it (the caller knows: no check), where the round-robin
 * cursor is not on item (lists nothing walks with listGET_OWNER_OF_NEXT_ENTRY: waiter and
 * delayed lists, whose cursor stays on the end marker). Returns the count left.
 */
static inline UBaseType_t list_unlink_uncursored(List_t *list, ListItem_t *item)
{
    ListItem_t *const next = item->next;
    ListItem_t *const prev = item->prev;

    next->prev = prev;
    prev->next = next;
    item->container = NULL;
    return --list->count;
}

/* Unlink item from list, which holds it (the caller knows: no check). Returns the count left. */
static inline UBaseType_t list_unlink(List_t *list, ListItem_t *item)
{
    if (list->index == item) {
        list->index = item->prev;
    }
    return list_unlink_uncursored(list, item);
}

/*
 * list_unlink without the count, for a list that keeps none (list_insert_end_uncounted; -Os
 * builds keep it, through list.c). Returns whether the list is now empty: whether item's two
 * neighbours were one, the end marker.
 */
static inline bool list_unlink_uncounted(List_t *list, ListItem_t *item)
{
    ListItem_t *const next = item->next;
    ListItem_t *const prev = item->prev;

    if (list->index == item) {
        list->index = prev;
    }
    next->prev = prev;
    prev->next = next;
    item->container = NULL;
    return next == prev;
}

/* uxListRemove: returns how many items the list still holds. */
static inline UBaseType_t list_remove(ListItem_t *item)
{
    List_t *const list = item->container;

    configASSERT(list != NULL);
    return list_unlink(list, item);
}
#endif /* __OPTIMIZE_SIZE__ && !LIST_IMPL_BODIES */

#endif /* QUARTZ_LIST_IMPL_H */
