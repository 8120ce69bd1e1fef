/* SPDX-License-Identifier: MIT */
/*
 * port_context.c: task contexts of the POSIX port. Each task is a ucontext
 * coroutine running on the stack the kernel gave it; its context structure
 * sits at the top of that stack and is what the kernel stores in
 * tcb->top_of_stack (so the port finds the running task's context through
 * the first word of sched_current). The context is built on the first switch
 * into the task, when the TCB says where the stack begins.
 *
 * Switching uses getcontext/setcontext rather than swapcontext, whose
 * AddressSanitizer interceptor would wipe the shadow of the whole target
 * stack on every switch (losing stack-overflow detection) and warn. Instead
 * every switch is announced to ASan with the fiber API, and stack memory that
 * a task abandons with frames still on it is unpoisoned when the kernel frees
 * or reuses it (portCLEAN_UP_TCB) and when a new task first starts on it.
 *
 * All functions run on the kernel thread with interrupts masked.
 */
#include "port_private.h"

#include "kernel.h" /* tcb_t.stack: the low end of a task's stack */

#include <stdlib.h>
#include <string.h>
#include <ucontext.h>

#if defined(__SANITIZE_ADDRESS__)
#define PORT_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PORT_ASAN 1
#endif
#endif
#ifndef PORT_ASAN
#define PORT_ASAN 0
#endif
#if PORT_ASAN
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>
#endif

#define CTX_MAGIC 0x51c0c7e1u
/* Stack below the context structure that a task needs at the very least. */
#define MIN_TASK_STACK_BYTES 1024u

struct port_ctx {
    ucontext_t uc;
    TaskFunction_t code;
    void *arg;
    char *stack_lo;       /* lowest address of the stack (task: from the TCB) */
    size_t stack_size;    /* bytes from stack_lo up to this structure */
    void *fake_stack;     /* ASan's fake stack while this context is switched out */
    volatile int resumed; /* tells getcontext's second return from its first */
    int started;          /* the ucontext has been built */
    int dying;            /* will never be resumed (deleted itself, or the scheduler ended) */
    unsigned magic;
};

static struct port_ctx kernel_ctx; /* the kernel thread outside the scheduler */
static struct port_ctx *leaving;   /* the context being switched away from */

static struct port_ctx *ctx_of(const void *tcb)
{
    struct port_ctx *c = *(struct port_ctx *const *)tcb;

    configASSERT(c != NULL && c->magic == CTX_MAGIC);
    return c;
}

/* Mark [lo, lo + size) addressable again: frames abandoned there left poisoned redzones. */
static void unpoison(const void *lo, size_t size)
{
#if PORT_ASAN
    __asan_unpoison_memory_region(lo, size);
#else
    (void)lo;
    (void)size;
#endif
}

static void asan_leave(struct port_ctx *from, const struct port_ctx *to)
{
#if PORT_ASAN
    /* A context that never comes back must not keep a fake stack. */
    __sanitizer_start_switch_fiber(from->dying ? NULL : &from->fake_stack, to->stack_lo,
                                   to->stack_size);
#else
    (void)from;
    (void)to;
#endif
}

static void asan_arrive(struct port_ctx *self)
{
#if PORT_ASAN
    const void *lo = NULL;
    size_t size = 0;

    __sanitizer_finish_switch_fiber(self->fake_stack, &lo, &size);
    /* The kernel thread's own stack bounds are learnt when it first leaves. */
    if (leaving == &kernel_ctx) {
        kernel_ctx.stack_lo = (char *)lo;
        kernel_ctx.stack_size = size;
    }
#else
    (void)self;
#endif
    leaving = NULL;
}

/* First code of every task, on its own stack; the switcher left interrupts masked. */
static void task_entry(void)
{
    struct port_ctx *self = ctx_of(sched_current);

    asan_arrive(self);
    port.mask = 0;
    port_run_pending();
    self->code(self->arg);
    sched_task_exit_error();
    vTaskDelete(NULL); /* configASSERT is off: end the task rather than run off the stack */
    abort();
}

StackType_t *pxPortInitialiseStack(StackType_t *top_of_stack, TaskFunction_t code, void *params)
{
    /* Below top_of_stack, so that an inclusive or exclusive top both fit. */
    uintptr_t end = (uintptr_t)top_of_stack;
    struct port_ctx *c = (struct port_ctx *)((end - sizeof(struct port_ctx)) & ~(uintptr_t)15);

    memset(c, 0, sizeof(*c));
    c->code = code;
    c->arg = params;
    c->magic = CTX_MAGIC;
    return (StackType_t *)c;
}

/* Build task t's ucontext: it starts in task_entry on [t->stack, c). */
static void build(struct port_ctx *c, const tcb_t *t)
{
    c->stack_lo = (char *)t->stack;
    configASSERT((char *)c >= c->stack_lo + MIN_TASK_STACK_BYTES); /* stack far too small */
    c->stack_size = (size_t)((char *)c - c->stack_lo);
    /* The memory may hold poisoned frames of whoever used it before. */
    unpoison(c->stack_lo, c->stack_size);
    if (getcontext(&c->uc) != 0) {
        abort();
    }
    c->uc.uc_stack.ss_sp = c->stack_lo;
    c->uc.uc_stack.ss_size = c->stack_size;
    c->uc.uc_link = NULL;
    c->uc.uc_sigmask = port.task_sigmask;
    makecontext(&c->uc, task_entry, 0);
    c->started = 1;
}

/* Suspend `from` and run `to`; returns when something switches back to `from`. */
static void swap(struct port_ctx *from, struct port_ctx *to)
{
    leaving = from;
    asan_leave(from, to);
    from->resumed = 0;
    if (getcontext(&from->uc) != 0) {
        abort();
    }
    if (!from->resumed) {
        from->resumed = 1;
        (void)setcontext(&to->uc);
        abort(); /* setcontext returns only on failure */
    }
    asan_arrive(from);
}

void port_context_switch(void *from, void *to)
{
    struct port_ctx *f = ctx_of(from);
    struct port_ctx *t = ctx_of(to);

    if (!t->started) {
        build(t, to);
    }
    swap(f, t);
}

void port_context_run(void)
{
    struct port_ctx *first = ctx_of(sched_current);

    memset(&kernel_ctx, 0, sizeof(kernel_ctx));
    kernel_ctx.magic = CTX_MAGIC;
    kernel_ctx.started = 1;
    if (!first->started) {
        build(first, sched_current);
    }
    swap(&kernel_ctx, first);
}

void port_context_exit(void)
{
    struct port_ctx *self = ctx_of(sched_current);

    self->dying = 1;
    swap(self, &kernel_ctx);
    abort(); /* the kernel context never switches back */
}

void posix_port_task_deleting(void *tcb)
{
    if (tcb == sched_current) {
        ctx_of(tcb)->dying = 1;
    }
}

void posix_port_tcb_clean_up(void *tcb)
{
    const tcb_t *t = tcb;
    struct port_ctx *c = *(struct port_ctx *const *)tcb;

    if (c == NULL || c->magic != CTX_MAGIC) {
        return;
    }
    /* A task switched out mid-call leaves poisoned redzones where the heap will reuse memory. */
    unpoison(t->stack, (size_t)((char *)c - (char *)t->stack));
    c->magic = 0;
}
