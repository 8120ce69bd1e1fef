/* SPDX-License-Identifier: MIT */
/*
 * virt_board.c: the QEMU virt board support behind board.h: the NS16550A
 * console, PLIC sources routed through a handler table, software interrupt
 * lines on mip.SSIP, the Goldfish RTC's alarm as the board timer, the run's
 * exit through the SiFive test device, the command line through
 * semihosting, and the RISC-V port's hooks (external and other interrupts,
 * exceptions) printed on the console (strings, hex words and the
 * configASSERT report: ../board_report.c).
 *
 * Locking: the handler tables are written by tasks and read in the trap
 * handler; a pointer store is atomic and a line is enabled only after its
 * handler is in place. Soft lines are raised under a masked section so the
 * pending mask is never torn.
 */
#include "board.h"

#include "riscv_frame.h"
#include "riscv_port.h"

#define REG32(addr) (*(volatile uint32_t *)(uintptr_t)(addr))
#define REG8(addr) (*(volatile uint8_t *)(uintptr_t)(addr))

/* NS16550A registers (byte-wide, stride 1) */
#define UART_THR 0u
#define UART_FCR 2u
#define UART_LCR 3u
#define UART_LSR 5u
#define UART_LSR_THRE 0x20u
#define UART_LCR_8N1 0x03u
#define UART_FCR_ENABLE 0x01u

/* SiFive test device */
#define TEST_PASS 0x5555u
#define TEST_FAIL 0x3333u /* with the exit status in bits 31..16 */

/* Goldfish RTC */
#define RTC_TIME_LOW 0x00u /* reading it latches TIME_HIGH */
#define RTC_TIME_HIGH 0x04u
#define RTC_ALARM_LOW 0x08u /* writing it arms the alarm at ALARM_HIGH:ALARM_LOW */
#define RTC_ALARM_HIGH 0x0Cu
#define RTC_IRQ_ENABLED 0x10u
#define RTC_CLEAR_ALARM 0x14u
#define RTC_CLEAR_INTERRUPT 0x1Cu

#define PLIC_CONTEXT 0u /* hart 0, machine mode */
#define EXIT_FAULT 3
#define EXIT_UNEXPECTED_IRQ 4

#define IRQ_TABLE_SIZE (BOARD_TIMER_IRQ_BASE + BOARD_TIMER_COUNT)

static void (*volatile irq_handlers[IRQ_TABLE_SIZE])(void); /* PLIC sources, then timers */
static void (*volatile soft_handlers[BOARD_SOFT_IRQ_COUNT])(void);
static volatile uint32_t soft_pending;

static void timer_irq_enable(unsigned t, unsigned priority, int on);

void board_init(void);

void board_init(void)
{
    REG8(BOARD_UART0_BASE + UART_LCR) = UART_LCR_8N1;
    REG8(BOARD_UART0_BASE + UART_FCR) = UART_FCR_ENABLE;
    RISCV_PLIC_THRESHOLD(BOARD_PLIC_BASE, PLIC_CONTEXT) = 0;
}

static void uart_putc(char c)
{
    while ((REG8(BOARD_UART0_BASE + UART_LSR) & UART_LSR_THRE) == 0u) {
    }
    REG8(BOARD_UART0_BASE + UART_THR) = (uint8_t)c;
}

void board_console_write(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n') {
            uart_putc('\r');
        }
        uart_putc(s[i]);
    }
}

/* ---- PLIC sources ---- */

void board_irq_set_handler(unsigned irq, void (*handler)(void))
{
    if (irq > 0u && irq < IRQ_TABLE_SIZE && irq != BOARD_RTC_IRQ) {
        irq_handlers[irq] = handler;
    }
}

static void plic_enable(unsigned source, unsigned priority)
{
    RISCV_PLIC_PRIORITY(BOARD_PLIC_BASE, source) = priority;
    RISCV_PLIC_ENABLE(BOARD_PLIC_BASE, PLIC_CONTEXT, source) |= 1u << (source % 32u);
}

static void plic_disable(unsigned source)
{
    RISCV_PLIC_ENABLE(BOARD_PLIC_BASE, PLIC_CONTEXT, source) &= ~(1u << (source % 32u));
}

void board_irq_enable(unsigned irq, unsigned priority)
{
    if (irq >= BOARD_TIMER_IRQ_BASE && irq < IRQ_TABLE_SIZE) {
        timer_irq_enable(irq - BOARD_TIMER_IRQ_BASE, priority, 1);
    } else if (irq > 0u && irq < BOARD_IRQ_COUNT && irq != BOARD_RTC_IRQ) {
        plic_enable(irq, priority);
    }
}

void board_irq_disable(unsigned irq)
{
    if (irq >= BOARD_TIMER_IRQ_BASE && irq < IRQ_TABLE_SIZE) {
        timer_irq_enable(irq - BOARD_TIMER_IRQ_BASE, 0, 0);
    } else if (irq > 0u && irq < BOARD_IRQ_COUNT && irq != BOARD_RTC_IRQ) {
        plic_disable(irq);
    }
}

static void call_irq_handler(unsigned irq)
{
    void (*handler)(void) = irq < IRQ_TABLE_SIZE ? irq_handlers[irq] : NULL;

    if (handler == NULL) {
        board_console_put_hex("\nunexpected interrupt: IRQ ", irq);
        board_console_puts(" has no handler (board_irq_set_handler)\n");
        board_exit(EXIT_UNEXPECTED_IRQ);
    }
    handler();
}

/* The port claimed `source` from the PLIC and completes it when this returns. */
void riscv_port_external_interrupt(uint32_t source)
{
    call_irq_handler(source);
}

/* ---- Software lines ---- */

void board_soft_irq_set_handler(unsigned line, void (*handler)(void))
{
    if (line < BOARD_SOFT_IRQ_COUNT) {
        soft_handlers[line] = handler;
        riscv_csr_set(mie, RISCV_MIP_SSIP);
    }
}

void board_soft_irq_raise(unsigned line)
{
    uint32_t mstatus;

    if (line >= BOARD_SOFT_IRQ_COUNT) {
        return;
    }
    __asm volatile("csrrci %0, mstatus, 8" : "=r"(mstatus)::"memory");
    soft_pending |= 1u << line;
    riscv_csr_set(mip, RISCV_MIP_SSIP);
    __asm volatile("csrs mstatus, %0" ::"r"(mstatus & RISCV_MSTATUS_MIE) : "memory");
    /* Unmasked: the interrupt is taken here; wait until its handler has run. */
    if ((mstatus & RISCV_MSTATUS_MIE) != 0u) {
        while ((soft_pending & (1u << line)) != 0u) {
        }
    }
}

static void soft_dispatch(void)
{
    riscv_csr_clear(mip, RISCV_MIP_SSIP);
    for (unsigned line = 0; line < BOARD_SOFT_IRQ_COUNT; line++) {
        if ((soft_pending & (1u << line)) != 0u) {
            soft_pending &= ~(1u << line);
            if (soft_handlers[line] == NULL) {
                board_console_put_hex("\nunexpected interrupt: software line ", line);
                board_console_puts(" has no handler (board_soft_irq_set_handler)\n");
                board_exit(EXIT_UNEXPECTED_IRQ);
            }
            soft_handlers[line]();
        }
    }
}

void riscv_port_other_interrupt(uint32_t cause)
{
    if (cause == RISCV_IRQ_S_SOFT) {
        soft_dispatch();
        return;
    }
    board_console_put_hex("\nunexpected interrupt: mcause ", RISCV_MCAUSE_INTERRUPT | cause);
    board_console_puts("\n");
    board_exit(EXIT_UNEXPECTED_IRQ);
}

void riscv_port_exception(uint32_t mcause, uint32_t mepc, uint32_t mtval, int in_handler)
{
    board_console_puts(in_handler ? "\nFAULT in a trap handler:" : "\nFAULT:");
    board_console_put_hex(" mcause=", mcause);
    board_console_put_hex(" mepc=", mepc);
    board_console_put_hex(" mtval=", mtval);
    board_console_puts("\n");
    board_exit(EXIT_FAULT);
}

/*
 * ---- Board timers: BOARD_TIMER_COUNT timers on the RTC's one alarm ----
 * Each timer has a deadline; the alarm is armed for the earliest running one. The RTC's PLIC
 * source runs rtc_dispatch, which calls the handler of every timer that is due (its "IRQ" is
 * a number after the PLIC's, BOARD_TIMER_IRQ_BASE + t); the handler's board_timer_ack moves
 * the deadline one period on (from the previous deadline, so nothing drifts; a period missed
 * entirely is dropped). Changes are made
 * with MIE = 0 so a task and the dispatcher never interleave.
 */
static struct {
    uint64_t next;   /* RTC time of the next interrupt */
    uint32_t period; /* ns; 0: free-running, no interrupt */
    uint8_t running;
    uint8_t enabled;  /* its "IRQ" is enabled (board_irq_enable) */
    uint8_t priority; /* asked for; the RTC source gets the highest of the enabled timers' */
} timers[BOARD_TIMER_COUNT];

static uint64_t rtc_now(void)
{
    uint32_t lo = REG32(BOARD_RTC_BASE + RTC_TIME_LOW);

    return ((uint64_t)REG32(BOARD_RTC_BASE + RTC_TIME_HIGH) << 32) | lo;
}

static uint32_t mask_all(void)
{
    uint32_t mstatus;

    __asm volatile("csrrci %0, mstatus, 8" : "=r"(mstatus)::"memory");
    return mstatus & RISCV_MSTATUS_MIE;
}

static void unmask(uint32_t mie)
{
    __asm volatile("csrs mstatus, %0" ::"r"(mie) : "memory");
}

/* Arm the alarm for the earliest timer that may interrupt, or switch it off. */
static void rtc_rearm(void)
{
    uint64_t at = UINT64_MAX;

    for (unsigned t = 0; t < BOARD_TIMER_COUNT; t++) {
        if (timers[t].running && timers[t].enabled && timers[t].next < at) {
            at = timers[t].next;
        }
    }
    if (at == UINT64_MAX) {
        REG32(BOARD_RTC_BASE + RTC_IRQ_ENABLED) = 0;
        REG32(BOARD_RTC_BASE + RTC_CLEAR_ALARM) = 1;
        return;
    }
    REG32(BOARD_RTC_BASE + RTC_IRQ_ENABLED) = 1;
    REG32(BOARD_RTC_BASE + RTC_ALARM_HIGH) = (uint32_t)(at >> 32);
    REG32(BOARD_RTC_BASE + RTC_ALARM_LOW) = (uint32_t)at;
}

static void rtc_dispatch(void)
{
    const uint64_t now = rtc_now();

    REG32(BOARD_RTC_BASE + RTC_CLEAR_INTERRUPT) = 1;
    for (unsigned t = 0; t < BOARD_TIMER_COUNT; t++) {
        if (timers[t].running && timers[t].enabled && timers[t].next <= now) {
            call_irq_handler(BOARD_TIMER_IRQ_BASE + t);
        }
    }
    rtc_rearm();
}

unsigned board_timer_irq(unsigned t)
{
    return BOARD_TIMER_IRQ_BASE + t % BOARD_TIMER_COUNT;
}

void board_timer_start(unsigned t, uint32_t period_cycles)
{
    const uint32_t mie = mask_all();

    t %= BOARD_TIMER_COUNT;
    timers[t].period = period_cycles;
    timers[t].next = rtc_now() + period_cycles;
    timers[t].running = period_cycles != 0u;
    rtc_rearm();
    unmask(mie);
}

void board_timer_stop(unsigned t)
{
    const uint32_t mie = mask_all();

    timers[t % BOARD_TIMER_COUNT].running = 0;
    rtc_rearm();
    unmask(mie);
}

void board_timer_ack(unsigned t)
{
    const uint32_t mie = mask_all();
    uint64_t now;

    t %= BOARD_TIMER_COUNT;
    timers[t].next += timers[t].period;
    now = rtc_now();
    if (timers[t].next <= now) {
        /* A whole period was missed (QEMU on real time, stalled by the host): drop it, as a
         * reloading hardware timer would, rather than interrupt in a burst to catch up. */
        timers[t].next = now + timers[t].period;
    }
    rtc_rearm();
    unmask(mie);
}

uint32_t board_timer_value(unsigned t)
{
    return (uint32_t)(timers[t % BOARD_TIMER_COUNT].next - rtc_now());
}

static void timer_irq_enable(unsigned t, unsigned priority, int on)
{
    const uint32_t mie = mask_all();
    unsigned highest = 0;

    timers[t].enabled = (uint8_t)on;
    timers[t].priority = (uint8_t)priority;
    for (unsigned i = 0; i < BOARD_TIMER_COUNT; i++) {
        if (timers[i].enabled && timers[i].priority > highest) {
            highest = timers[i].priority;
        }
    }
    irq_handlers[BOARD_RTC_IRQ] = rtc_dispatch;
    if (highest != 0u) {
        plic_enable(BOARD_RTC_IRQ, highest);
    } else {
        plic_disable(BOARD_RTC_IRQ);
    }
    rtc_rearm();
    unmask(mie);
}

/* ---- Exit, command line, assertions ---- */

void board_exit(int status)
{
    for (;;) {
        REG32(BOARD_TEST_BASE) = status == 0 ? TEST_PASS : ((uint32_t)status << 16) | TEST_FAIL;
    }
}

/*
 * RISC-V semihosting: the trap is this exact uncompressed sequence, which must not straddle a
 * page, with the operation in a0 and the parameter block in a1 (result in a0). It stands alone
 * in its own 16-byte-aligned section: inside a C function, a .balign among compressed code
 * cannot be kept by the linker's relaxation at every optimisation level.
 */
__asm(".pushsection .text.board_semihost_trap, \"ax\", @progbits\n"
      ".balign 16\n"
      ".option push\n"
      ".option norvc\n"
      ".option norelax\n"
      "board_semihost_trap:\n"
      "    slli zero, zero, 0x1f\n"
      "    ebreak\n"
      "    srai zero, zero, 7\n"
      "    ret\n"
      ".option pop\n"
      ".popsection\n");
uint32_t board_semihost_trap(uint32_t op, void *block);

char *board_cmdline(char *buf, size_t size)
{
    const uint32_t sys_get_cmdline = 0x15u;
    uint32_t block[2] = {(uint32_t)(uintptr_t)buf, (uint32_t)size};

    if (size == 0) {
        return buf;
    }
    buf[0] = '\0';
    if (board_semihost_trap(sys_get_cmdline, block) != 0u) {
        buf[0] = '\0';
    }
    return buf;
}
