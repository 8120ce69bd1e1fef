/* SPDX-License-Identifier: MIT */
/*
 * test_mqtt_topic.c: MQTT_MatchTopic against the examples of MQTT 3.1.1 section 4.7 (multi-level
 * and single-level wildcards, '$' topics), plus invalid filters. Pure function: no scheduler.
 */
#include "core_mqtt.h"
#include "qtest.h"

#include <string.h>

static int matches(const char *name, const char *filter)
{
    bool m = false;

    if (MQTT_MatchTopic(name, (uint16_t)strlen(name), filter, (uint16_t)strlen(filter), &m) !=
        MQTTSuccess) {
        return -1;
    }
    return m ? 1 : 0;
}

static void test_MQTT_MatchTopic_multi_level_wildcard(void)
{
    QT_EQ(matches("sport/tennis/player1", "sport/tennis/player1/#"), 1);
    QT_EQ(matches("sport/tennis/player1/ranking", "sport/tennis/player1/#"), 1);
    QT_EQ(matches("sport/tennis/player1/score/wimbledon", "sport/tennis/player1/#"), 1);
    QT_EQ(matches("sport", "sport/#"), 1);
    QT_EQ(matches("anything/at/all", "#"), 1);
    QT_EQ(matches("sportx", "sport/#"), 0);
}

static void test_MQTT_MatchTopic_single_level_wildcard(void)
{
    QT_EQ(matches("sport/tennis/player1", "sport/tennis/+"), 1);
    QT_EQ(matches("sport/tennis/player2", "sport/tennis/+"), 1);
    QT_EQ(matches("sport/tennis/player1/ranking", "sport/tennis/+"), 0);
    QT_EQ(matches("sport/", "sport/+"), 1);
    QT_EQ(matches("sport", "sport/+"), 0);
    QT_EQ(matches("/finance", "+/+"), 1);
    QT_EQ(matches("/finance", "/+"), 1);
    QT_EQ(matches("/finance", "+"), 0);
    QT_EQ(matches("a/b/c", "+/b/#"), 1);
    QT_EQ(matches("a/x/c", "a/+/c"), 1);
}

static void test_MQTT_MatchTopic_exact_and_dollar_topics(void)
{
    QT_EQ(matches("a/b", "a/b"), 1);
    QT_EQ(matches("a/b", "a/bc"), 0);
    QT_EQ(matches("a/bc", "a/b"), 0);
    QT_EQ(matches("$SYS/broker", "#"), 0);
    QT_EQ(matches("$SYS/broker", "+/broker"), 0);
    QT_EQ(matches("$SYS/broker", "$SYS/#"), 1);
    QT_EQ(matches("$SYS/broker", "$SYS/+"), 1);
}

/* Bad input last: invalid filters match nothing; NULL or empty arguments are refused. */
static void test_MQTT_MatchTopic_invalid_filters_and_parameters(void)
{
    bool m;

    QT_EQ(matches("sport/tennis", "sport/tennis#"), 0);
    QT_EQ(matches("sport/tennis/x", "sport/#/x"), 0);
    QT_EQ(matches("sport/tennis", "sport+"), 0);
    QT_EQ(matches("sport/tennis", "sport/+tennis"), 0);
    QT_EQ(MQTT_MatchTopic(NULL, 1, "a", 1, &m), MQTTBadParameter);
    QT_EQ(MQTT_MatchTopic("a", 0, "a", 1, &m), MQTTBadParameter);
    QT_EQ(MQTT_MatchTopic("a", 1, "a", 0, &m), MQTTBadParameter);
    QT_EQ(MQTT_MatchTopic("a", 1, "a", 1, NULL), MQTTBadParameter);
}

QTEST_MAIN(QTEST_CASE_NO_SCHEDULER(test_MQTT_MatchTopic_multi_level_wildcard),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_MatchTopic_single_level_wildcard),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_MatchTopic_exact_and_dollar_topics),
           QTEST_CASE_NO_SCHEDULER(test_MQTT_MatchTopic_invalid_filters_and_parameters))
