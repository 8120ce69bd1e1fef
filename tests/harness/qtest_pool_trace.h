/* SPDX-License-Identifier: MIT */
/*
 * qtest_pool_trace.h: included by the static-only test configurations before the
 * configuration they extend. The kernel's delete trace hooks tell the test utilities' static
 * pools (qtest_pool_take) that an object's slot is free again; a timer is deleted when the
 * daemon receives the command, not when xTimerDelete queues it.
 */
#ifndef QTEST_POOL_TRACE_H
#define QTEST_POOL_TRACE_H

#ifndef __ASSEMBLER__
void qtest_pool_release(const void *object);
#endif

#define traceQUEUE_DELETE(queue) qtest_pool_release(queue)
#define traceSTREAM_BUFFER_DELETE(buffer) qtest_pool_release(buffer)
#define traceEVENT_GROUP_DELETE(group) qtest_pool_release(group)
#define traceTIMER_COMMAND_RECEIVED(timer, command, value)                                         \
    do {                                                                                           \
        if ((command) == tmrCOMMAND_DELETE) {                                                      \
            qtest_pool_release(timer);                                                             \
        }                                                                                          \
    } while (0)

#endif /* QTEST_POOL_TRACE_H */
