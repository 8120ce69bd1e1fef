/* SPDX-License-Identifier: MIT */
/* libFuzzer target: one packet through the deserializers (mqtt_fuzz_deserialize). */
#include "mqtt_fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)mqtt_fuzz_deserialize(data, size);
    return 0;
}
