/* SPDX-License-Identifier: MIT */
/*
 * core_mqtt_topic.c: MQTT_MatchTopic, topic filter matching as MQTT 3.1.1 section 4.7 defines
 * it: '/' separates levels, '+' matches exactly one level (possibly empty), '#' (last, alone in
 * its level) matches the parent level and any number of levels below it, and a filter starting
 * with a wildcard does not match topic names starting with '$'. A wildcard that does not fill a
 * whole level makes the filter invalid, and an invalid filter matches nothing. Pure function.
 */
#include "core_mqtt.h"

/* Whether filter[i] starts a level (is first, or follows '/'). */
static int level_start(const char *filter, size_t i)
{
    return i == 0 || filter[i - 1] == '/';
}

/* Whether filter[i] ends a level (is last, or precedes '/'). */
static int level_end(const char *filter, size_t length, size_t i)
{
    return i + 1 == length || filter[i + 1] == '/';
}

static bool match(const char *name, size_t name_len, const char *filter, size_t filter_len)
{
    size_t n = 0, f = 0;

    while (f < filter_len) {
        char c = filter[f];

        if (c == '#') {
            /* Valid only as the whole last level; matches whatever is left (even nothing). */
            return level_start(filter, f) && f + 1 == filter_len;
        }
        if (c == '+') {
            if (!level_start(filter, f) || !level_end(filter, filter_len, f)) {
                return false;
            }
            while (n < name_len && name[n] != '/') {
                n++;
            }
            f++;
            continue;
        }
        if (n == name_len) {
            /* "a/#" also matches "a": the rest of the filter is exactly "/#". */
            return f + 2 == filter_len && c == '/' && filter[f + 1] == '#';
        }
        if (name[n] != c) {
            return false;
        }
        n++;
        f++;
    }
    return n == name_len;
}

MQTTStatus_t MQTT_MatchTopic(const char *pTopicName, const uint16_t topicNameLength,
                             const char *pTopicFilter, const uint16_t topicFilterLength,
                             bool *pIsMatch)
{
    if (pTopicName == NULL || topicNameLength == 0 || pTopicFilter == NULL ||
        topicFilterLength == 0 || pIsMatch == NULL) {
        return MQTTBadParameter;
    }
    /* [MQTT-4.7.2-1]: wildcards at the top level do not reach '$' topics. */
    if (pTopicName[0] == '$' && (pTopicFilter[0] == '+' || pTopicFilter[0] == '#')) {
        *pIsMatch = false;
    } else {
        *pIsMatch = match(pTopicName, topicNameLength, pTopicFilter, topicFilterLength);
    }
    return MQTTSuccess;
}
