/* SPDX-License-Identifier: MIT */
/*
 * arch/sys_arch.h: the types of lwIP's OS abstraction on Quartz (port/sys_arch.c implements
 * the functions). Each object wraps one kernel object: a semaphore, a mutex (with priority
 * inheritance), or a queue of pointers (a mailbox). A NULL handle means "invalid", which is
 * the state lwIP's *_set_invalid() leaves and *_valid() tests. The handles are kept opaque
 * (void *) so lwIP's own sources do not depend on the kernel's headers.
 */
#ifndef QUARTZ_LWIP_ARCH_SYS_ARCH_H
#define QUARTZ_LWIP_ARCH_SYS_ARCH_H

typedef struct {
    void *handle; /* SemaphoreHandle_t of a counting semaphore */
} sys_sem_t;

typedef struct {
    void *handle; /* SemaphoreHandle_t of a mutex */
} sys_mutex_t;

typedef struct {
    void *handle; /* QueueHandle_t of void * items */
} sys_mbox_t;

typedef void *sys_thread_t; /* TaskHandle_t */

/* The critical-section nesting needs no saved state: taskENTER_CRITICAL nests by itself. */
typedef int sys_prot_t;

#define sys_sem_valid(sem) ((sem) != NULL && (sem)->handle != NULL)
#define sys_sem_set_invalid(sem) ((sem)->handle = NULL)
#define sys_mutex_valid(mutex) ((mutex) != NULL && (mutex)->handle != NULL)
#define sys_mutex_set_invalid(mutex) ((mutex)->handle = NULL)
#define sys_mbox_valid(mbox) ((mbox) != NULL && (mbox)->handle != NULL)
#define sys_mbox_set_invalid(mbox) ((mbox)->handle = NULL)

#endif /* QUARTZ_LWIP_ARCH_SYS_ARCH_H */
