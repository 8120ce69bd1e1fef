/* SPDX-License-Identifier: MIT */
/*
 * The application's own start-up code, CMSIS style: the vector table names
 * SVC_Handler, PendSV_Handler and SysTick_Handler, which FreeRTOSConfig.h maps
 * the kernel's handlers onto. Output and exit go through semihosting.
 */
#include <stdint.h>

extern uint32_t _sidata[], _sdata[], _edata[], _sbss[], _ebss[], _estack[];
int main(void);
void Reset_Handler(void);
void Default_Handler(void);
void SVC_Handler(void);
void PendSV_Handler(void);
void SysTick_Handler(void);
void app_write(const char *s);
void app_exit(int status);

__attribute__((section(".isr_vector"), used)) static void (*const vectors[48])(void) = {
    (void (*)(void))(uintptr_t)_estack, Reset_Handler, Default_Handler, Default_Handler,
    Default_Handler, Default_Handler, Default_Handler, 0, 0, 0, 0, SVC_Handler,
    Default_Handler, 0, PendSV_Handler, SysTick_Handler};

static uint32_t semihost(uint32_t op, const void *arg)
{
    register uint32_t r0 __asm("r0") = op;
    register const void *r1 __asm("r1") = arg;

    __asm volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

void app_write(const char *s)
{
    (void)semihost(0x04, s); /* SYS_WRITE0 */
}

void app_exit(int status)
{
    uint32_t block[2] = {0x20026, (uint32_t)status};

    for (;;) {
        (void)semihost(0x20, block); /* SYS_EXIT_EXTENDED */
    }
}

void Default_Handler(void)
{
    app_write("dropin: unexpected exception\n");
    app_exit(3);
}

void Reset_Handler(void)
{
    for (uint32_t *s = _sidata, *d = _sdata; d < _edata;) {
        *d++ = *s++;
    }
    for (uint32_t *d = _sbss; d < _ebss;) {
        *d++ = 0;
    }
    app_exit(main());
}
