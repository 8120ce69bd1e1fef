/* SPDX-License-Identifier: MIT */
/* libFuzzer target: a byte stream through MQTT_ProcessLoop (mqtt_fuzz_process_loop). */
#include "mqtt_fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)mqtt_fuzz_process_loop(data, size);
    return 0;
}
