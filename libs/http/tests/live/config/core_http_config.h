/* SPDX-License-Identifier: MIT */
/*
 * core_http_config.h for the live HTTP tests: a real server answers in wall-clock time, so
 * the client waits up to 5 s for progress; errors are logged through libs/logging.
 */
#ifndef CORE_HTTP_CONFIG_H_
#define CORE_HTTP_CONFIG_H_

#define HTTP_USER_AGENT_VALUE "quartz-http-test"
#define HTTP_RECV_RETRY_TIMEOUT_MS 5000U
#define HTTP_SEND_RETRY_TIMEOUT_MS 5000U

#define LIBRARY_LOG_NAME "HTTP"
#define LIBRARY_LOG_LEVEL LOG_ERROR
#include "logging_stack.h"

#endif /* CORE_HTTP_CONFIG_H_ */
