/* SPDX-License-Identifier: MIT */
/*
 * core_http_config_defaults.h: the default of every HTTP client configuration macro, given
 * exactly once. An application overrides any of them in its core_http_config.h (included
 * first by core_http_client.h unless HTTP_DO_NOT_USE_CUSTOM_CONFIG is defined).
 */
#ifndef CORE_HTTP_CONFIG_DEFAULTS_H_
#define CORE_HTTP_CONFIG_DEFAULTS_H_

/* The value of the User-Agent header HTTPClient_InitializeRequestHeaders writes. */
#ifndef HTTP_USER_AGENT_VALUE
#define HTTP_USER_AGENT_VALUE "my-platform-name"
#endif

/*
 * Longest time, in milliseconds of HTTPResponse_t.getTime, that receiving a response may go
 * without a byte arriving; then HTTPClient_Send gives up (HTTPNoResponse when nothing came,
 * HTTPPartialResponse otherwise). Unused when getTime is NULL: then a receive returning 0
 * ends the wait at once.
 */
#ifndef HTTP_RECV_RETRY_TIMEOUT_MS
#define HTTP_RECV_RETRY_TIMEOUT_MS (10U)
#endif

/*
 * Longest time, in milliseconds of getTime, that sending a request may go without a byte
 * accepted by the transport; then HTTPClient_Send returns HTTPNetworkError. Unused when
 * getTime is NULL: then a send returning 0 is an error at once.
 */
#ifndef HTTP_SEND_RETRY_TIMEOUT_MS
#define HTTP_SEND_RETRY_TIMEOUT_MS (10U)
#endif

/* Logging: each takes one parenthesised printf argument list, e.g. LogError(("x=%d", x)).
 * Off by default; map them to libs/logging's logging_stack.h in core_http_config.h. */
#ifndef LogError
#define LogError(message)
#endif
#ifndef LogWarn
#define LogWarn(message)
#endif
#ifndef LogInfo
#define LogInfo(message)
#endif
#ifndef LogDebug
#define LogDebug(message)
#endif

#endif /* CORE_HTTP_CONFIG_DEFAULTS_H_ */
