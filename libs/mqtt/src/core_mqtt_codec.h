/* SPDX-License-Identifier: MIT */
/*
 * core_mqtt_codec.h: byte-level helpers shared by the serializer, deserializer and client
 * (remaining-length encoding, big-endian 16-bit fields). Internal to libs/mqtt.
 */
#ifndef CORE_MQTT_CODEC_H
#define CORE_MQTT_CODEC_H

#include <stddef.h>
#include <stdint.h>

/* Fixed header: first byte plus at most 4 remaining-length bytes. */
#define MQTT_CODEC_MAX_FIXED_HEADER 5u

/* Bytes the remaining-length field takes for `length` (1..4; length must be <= the maximum). */
size_t mqtt_codec_length_size(size_t length);

/* Writes the remaining-length field; returns the bytes written. */
size_t mqtt_codec_put_length(uint8_t *dst, size_t length);

static inline void mqtt_codec_put_u16(uint8_t *dst, uint16_t value)
{
    dst[0] = (uint8_t)(value >> 8);
    dst[1] = (uint8_t)(value & 0xffu);
}

static inline uint16_t mqtt_codec_get_u16(const uint8_t *src)
{
    return (uint16_t)(((uint16_t)src[0] << 8) | src[1]);
}

/* Writes a UTF-8 string field (16-bit length, then the bytes); returns the byte after it. */
uint8_t *mqtt_codec_put_string(uint8_t *dst, const char *str, uint16_t length);

#endif /* CORE_MQTT_CODEC_H */
