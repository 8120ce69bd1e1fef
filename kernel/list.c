/* SPDX-License-Identifier: MIT */
/*
 * list.c: the public list functions, on the link operations of list_impl.h
 * (see list.h for the shape and ordering rules). Every function runs in O(1)
 * except vListInsert, which walks to the first item of greater value.
 * Callers hold the kernel lock.
 */
#include "FreeRTOS.h"
#include "list.h"
#define LIST_IMPL_BODIES /* this file holds the public copies */
#include "list_impl.h"

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

void vListInsertEnd(List_t *const list, ListItem_t *const item)
{
    traceENTER_vListInsertEnd(list, item);
    list_insert_end(list, item);
    traceRETURN_vListInsertEnd();
}

void vListInsert(List_t *const list, ListItem_t *const item)
{
    traceENTER_vListInsert(list, item);
    list_insert_sorted(list, item);
    traceRETURN_vListInsert();
}

UBaseType_t uxListRemove(ListItem_t *const item)
{
    traceENTER_uxListRemove(item);
    UBaseType_t ret = list_remove(item);
    traceRETURN_uxListRemove(ret);
    return ret;
}
