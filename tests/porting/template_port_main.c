/* SPDX-License-Identifier: MIT */
/*
 * The port template's run-time check (tests/porting/CMakeLists.txt): an
 * ordinary application built on the host against ports/template/. Creating
 * its task is the kernel's first call into the port, where the template must
 * name the unwritten function and stop; reaching the end would mean a
 * template function silently did nothing.
 */
#include "FreeRTOS.h"
#include "task.h"

#include <stdio.h>

static void task(void *arg)
{
    (void)arg;
    for (;;) {
    }
}

int main(void)
{
    (void)xTaskCreate(task, "t", configMINIMAL_STACK_SIZE, NULL, 1, NULL);
    vTaskStartScheduler();
    printf("template_port: the kernel ran without a port\n");
    return 0;
}
