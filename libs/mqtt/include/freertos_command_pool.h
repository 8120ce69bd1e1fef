/* SPDX-License-Identifier: MIT */
/*
 * freertos_command_pool.h: a fixed pool of MQTT_COMMAND_CONTEXTS_POOL_SIZE agent commands,
 * handed out through a FreeRTOS queue of free entries (so any task may take and return them).
 * Call Agent_InitializePool once, after the scheduler's objects may be created and before any
 * command is requested; calling it again resets the pool.
 */
#ifndef FREERTOS_COMMAND_POOL_H
#define FREERTOS_COMMAND_POOL_H

#include "core_mqtt_agent.h"

#ifndef MQTT_COMMAND_CONTEXTS_POOL_SIZE
#define MQTT_COMMAND_CONTEXTS_POOL_SIZE 10U
#endif

void Agent_InitializePool(void);
MQTTAgentCommand_t *Agent_GetCommand(uint32_t blockTimeMs);
bool Agent_ReleaseCommand(MQTTAgentCommand_t *pCommandToRelease);

#endif /* FREERTOS_COMMAND_POOL_H */
