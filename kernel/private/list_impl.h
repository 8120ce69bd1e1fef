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

#if defined(__OPTIMIZE_SIZE__) && !defined(LIST_IMPL_BODIES)
#define list_insert_end(list, item) vListInsertEnd(list, item)
#define list_insert_sorted(list, item) vListInsert(list, item)
#define list_remove(item) uxListRemove(item)
#define list_unlink(list, item) ((void)(list), uxListRemove(item))
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

/* vListInsertEnd: just before the round-robin cursor, so it comes last in the rotation. */
static inline void list_insert_end(List_t *list, ListItem_t *item)
{
    configASSERT(item->container == NULL);
    list_link_after(list, list->index->prev, item);
}

/* vListInsert: after every item of lower or equal value. */
static inline void list_insert_sorted(List_t *list, ListItem_t *item)
{
    const TickType_t value = item->value;
    ListItem_t *pos = (ListItem_t *)&list->end;

    configASSERT(item->container == NULL);
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

/* Unlink item from list, which holds it (the caller knows: no check). Returns the count left. */
static inline UBaseType_t list_unlink(List_t *list, ListItem_t *item)
{
    ListItem_t *const next = item->next;
    ListItem_t *const prev = item->prev;

    next->prev = prev;
    prev->next = next;
    if (list->index == item) {
        list->index = prev;
    }
    item->container = NULL;
    return --list->count;
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
