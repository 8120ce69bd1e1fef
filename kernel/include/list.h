/* SPDX-License-Identifier: MIT */
/*
 * list.h: the kernel's one intrusive list, with FreeRTOS's list API.
 *
 * A list is circular and doubly linked through a sentinel end item whose value
 * is the largest tick value, so a sorted walk needs no end test. Items carry a
 * value (a wake time, or an inverted priority) and a pointer to their owner.
 * vListInsert keeps ascending order and puts an item after others of equal
 * value (FIFO among equals); vListInsertEnd puts an item just before the
 * round-robin index so listGET_OWNER_OF_NEXT_ENTRY returns it last.
 * Callers serialise access (critical section or scheduler lock); list.c is the
 * only code that touches the links.
 */
#ifndef LIST_H
#define LIST_H

#ifndef INC_FREERTOS_H
#error "include FreeRTOS.h before list.h"
#endif

#if configUSE_LIST_DATA_INTEGRITY_CHECK_BYTES
#error "configUSE_LIST_DATA_INTEGRITY_CHECK_BYTES is not supported by Quartz; set it to 0."
#endif

#ifdef __cplusplus
extern "C" {
#endif

struct xLIST;

struct xLIST_ITEM {
    TickType_t value;
    struct xLIST_ITEM *next;
    struct xLIST_ITEM *prev;
    void *owner;
    struct xLIST *container;
};
typedef struct xLIST_ITEM ListItem_t;

#if configUSE_MINI_LIST_ITEM
/* The end marker needs no owner or container; its first three fields match ListItem_t. */
struct xMINI_LIST_ITEM {
    TickType_t value;
    struct xLIST_ITEM *next;
    struct xLIST_ITEM *prev;
};
typedef struct xMINI_LIST_ITEM MiniListItem_t;
#else
typedef struct xLIST_ITEM MiniListItem_t;
#endif

typedef struct xLIST {
    volatile UBaseType_t count;
    ListItem_t *index; /* round-robin cursor for listGET_OWNER_OF_NEXT_ENTRY */
    MiniListItem_t end;
} List_t;

#define listSET_LIST_ITEM_OWNER(item, o) ((item)->owner = (void *)(o))
#define listGET_LIST_ITEM_OWNER(item) ((item)->owner)
#define listSET_LIST_ITEM_VALUE(item, v) ((item)->value = (v))
#define listGET_LIST_ITEM_VALUE(item) ((item)->value)
#define listGET_ITEM_VALUE_OF_HEAD_ENTRY(list) (((list)->end).next->value)
#define listGET_HEAD_ENTRY(list) (((list)->end).next)
#define listGET_NEXT(item) ((item)->next)
#define listGET_END_MARKER(list) ((ListItem_t const *)(&((list)->end)))
#define listLIST_IS_EMPTY(list) (((list)->count == 0U) ? pdTRUE : pdFALSE)
#define listCURRENT_LIST_LENGTH(list) ((list)->count)
#define listGET_OWNER_OF_HEAD_ENTRY(list) (((list)->end).next->owner)
#define listIS_CONTAINED_WITHIN(list, item) (((item)->container == (list)) ? pdTRUE : pdFALSE)
#define listLIST_ITEM_CONTAINER(item) ((item)->container)
#define listLIST_IS_INITIALISED(list) ((list)->end.value == portMAX_DELAY)

/* Advance the round-robin cursor, skipping the end marker, and yield its owner. */
#define listGET_OWNER_OF_NEXT_ENTRY(tcb, list)                                                     \
    do {                                                                                           \
        List_t *const l_ = (list);                                                                 \
        l_->index = l_->index->next;                                                               \
        if ((void *)l_->index == (void *)&l_->end) {                                               \
            l_->index = l_->index->next;                                                           \
        }                                                                                          \
        (tcb) = l_->index->owner;                                                                  \
    } while (0)

void vListInitialise(List_t *const list);
void vListInitialiseItem(ListItem_t *const item);
void vListInsert(List_t *const list, ListItem_t *const item);
void vListInsertEnd(List_t *const list, ListItem_t *const item);
UBaseType_t uxListRemove(ListItem_t *const item);

#ifdef __cplusplus
}
#endif

#endif /* LIST_H */
