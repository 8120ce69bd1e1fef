/* SPDX-License-Identifier: MIT */
/*
 * FreeRTOSConfig.h for qemu-virt-rv32f: qemu-virt-rv32's, unchanged. The port
 * saves F registers because the compiler's -mabi=ilp32f says they are in use;
 * nothing in the configuration changes.
 */
#include "../qemu-virt-rv32/FreeRTOSConfig.h"
