/* SPDX-License-Identifier: MIT */
/*
 * port_test_asserts.h: configASSERT failures a port test expects, on a board
 * where QT_EXPECT_ASSERT cannot fork. The port tests' configurations
 * (tests/port_arm/config, tests/port_riscv/config) route configASSERT to
 * port_test_assert_failed, which counts the failures a test announced and
 * passes any other on to the harness, which aborts.
 */
#ifndef PORT_TEST_ASSERTS_H
#define PORT_TEST_ASSERTS_H

void port_test_assert_failed(const char *file, int line);

/* The next n configASSERT failures are counted and execution continues. */
void port_test_expect_asserts(unsigned n);
/* Failures counted since port_test_expect_asserts; stops expecting more. */
unsigned port_test_asserts_seen(void);

#endif /* PORT_TEST_ASSERTS_H */
