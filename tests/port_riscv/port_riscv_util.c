/* SPDX-License-Identifier: MIT */
/*
 * port_riscv_util.c: see port_riscv_util.h.
 */
#include "port_riscv_util.h"

uint32_t port_test_frame_word(TaskHandle_t task, unsigned offset)
{
    /* The TCB's first word is top_of_stack, which points at the saved frame. */
    const uint32_t *frame = *(uint32_t *const *)task;

    return frame[offset / sizeof(uint32_t)];
}
