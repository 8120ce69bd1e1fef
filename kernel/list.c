/* SPDX-License-Identifier: MIT */
/*
 * list.c: the kernel's only code that touches list links (see list.h for the
 * shape and ordering rules). Every function runs in O(1) except vListInsert,
 * which walks to the first item of greater value. Callers hold the kernel lock.
 */
#include "FreeRTOS.h"
#include "list.h"

void vListInitialise(List_t *const list)
{
    traceENTER_vListInitialise(list);
    ListItem_t *end = (ListItem_t *)&list->end;

    list->end.value = portMAX_DELAY;
    list->end.next = end;
    list->end.prev = end;
    list->index = end;
    list->count = 0;
    traceRETURN_vListInitialise();
}

void vListInitialiseItem(ListItem_t *const item)
{
    traceENTER_vListInitialiseItem(item);
    item->container = NULL;
    traceRETURN_vListInitialiseItem();
}

/* Link item between prev and prev->next. */
static inline void link_after(List_t *list, ListItem_t *prev, ListItem_t *item)
{
    item->next = prev->next;
    item->prev = prev;
    prev->next->prev = item;
    prev->next = item;
    item->container = list;
    list->count++;
}

void vListInsertEnd(List_t *const list, ListItem_t *const item)
{
    traceENTER_vListInsertEnd(list, item);
    configASSERT(item->container == NULL);
    link_after(list, list->index->prev, item);
    traceRETURN_vListInsertEnd();
}

void vListInsert(List_t *const list, ListItem_t *const item)
{
    traceENTER_vListInsert(list, item);
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
    link_after(list, pos, item);
    traceRETURN_vListInsert();
}

UBaseType_t uxListRemove(ListItem_t *const item)
{
    traceENTER_uxListRemove(item);
    List_t *const list = item->container;

    configASSERT(list != NULL);
    item->next->prev = item->prev;
    item->prev->next = item->next;
    if (list->index == item) {
        list->index = item->prev;
    }
    item->container = NULL;
    list->count--;
    UBaseType_t ret = list->count;
    traceRETURN_uxListRemove(ret);
    return ret;
}
