/* SPDX-License-Identifier: MIT */
/* core_mqtt_config.h of the board MQTT demo: the library's warnings go to the console. */
#ifndef CORE_MQTT_CONFIG_H
#define CORE_MQTT_CONFIG_H

#include "logging_levels.h"
#ifndef LIBRARY_LOG_NAME
#define LIBRARY_LOG_NAME "MQTT"
#endif
#ifndef LIBRARY_LOG_LEVEL
#define LIBRARY_LOG_LEVEL LOG_WARN
#endif
#include "logging_stack.h"

#endif /* CORE_MQTT_CONFIG_H */
