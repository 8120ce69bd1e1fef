/* SPDX-License-Identifier: MIT */
/* core_http_config.h of the board MQTT demo: its user agent; errors go to the console. */
#ifndef CORE_HTTP_CONFIG_H_
#define CORE_HTTP_CONFIG_H_

#define HTTP_USER_AGENT_VALUE "quartz-mqtt-board-demo"
#define HTTP_RECV_RETRY_TIMEOUT_MS 5000U
#define HTTP_SEND_RETRY_TIMEOUT_MS 5000U

#define LIBRARY_LOG_NAME "HTTP"
#define LIBRARY_LOG_LEVEL LOG_ERROR
#include "logging_stack.h"

#endif /* CORE_HTTP_CONFIG_H_ */
