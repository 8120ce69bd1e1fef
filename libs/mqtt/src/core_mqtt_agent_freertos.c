/* SPDX-License-Identifier: MIT */
/*
 * core_mqtt_agent_freertos.c: the agent's message interface over FreeRTOS queues
 * (freertos_agent_message.h) and its command pool (freertos_command_pool.h).
 *
 * The pool is a static array of commands plus a queue holding pointers to the free ones: a
 * queue is already safe for several tasks, and taking from an empty one can block. With static
 * allocation the pool's queue is static too, so it costs no heap; Agent_InitializePool rebuilds
 * it from scratch each time it is called.
 */
#include "freertos_agent_message.h"
#include "freertos_command_pool.h"

#include "task.h"

#include <stdint.h>
#include <string.h>

bool Agent_MessageSend(MQTTAgentMessageContext_t *pMsgCtx,
                       MQTTAgentCommand_t *const *pCommandToSend, uint32_t blockTimeMs)
{
    if (pMsgCtx == NULL || pCommandToSend == NULL) {
        return false;
    }
    return xQueueSendToBack(pMsgCtx->queue, pCommandToSend, pdMS_TO_TICKS(blockTimeMs)) == pdPASS;
}

bool Agent_MessageReceive(MQTTAgentMessageContext_t *pMsgCtx,
                          MQTTAgentCommand_t **pReceivedCommand, uint32_t blockTimeMs)
{
    if (pMsgCtx == NULL || pReceivedCommand == NULL) {
        return false;
    }
    return xQueueReceive(pMsgCtx->queue, pReceivedCommand, pdMS_TO_TICKS(blockTimeMs)) == pdPASS;
}

static MQTTAgentCommand_t pool[MQTT_COMMAND_CONTEXTS_POOL_SIZE];
static QueueHandle_t free_commands;
#if configSUPPORT_STATIC_ALLOCATION
static StaticQueue_t free_queue_storage;
static uint8_t free_queue_items[MQTT_COMMAND_CONTEXTS_POOL_SIZE * sizeof(MQTTAgentCommand_t *)];
#endif

void Agent_InitializePool(void)
{
#if configSUPPORT_STATIC_ALLOCATION
    free_commands = xQueueCreateStatic(MQTT_COMMAND_CONTEXTS_POOL_SIZE,
                                       sizeof(MQTTAgentCommand_t *), free_queue_items,
                                       &free_queue_storage);
#else
    if (free_commands == NULL) {
        free_commands =
            xQueueCreate(MQTT_COMMAND_CONTEXTS_POOL_SIZE, sizeof(MQTTAgentCommand_t *));
    }
    (void)xQueueReset(free_commands);
#endif
    configASSERT(free_commands != NULL);
    memset(pool, 0, sizeof(pool));
    for (size_t i = 0; i < MQTT_COMMAND_CONTEXTS_POOL_SIZE; i++) {
        MQTTAgentCommand_t *cmd = &pool[i];

        (void)xQueueSendToBack(free_commands, &cmd, 0);
    }
}

MQTTAgentCommand_t *Agent_GetCommand(uint32_t blockTimeMs)
{
    MQTTAgentCommand_t *cmd = NULL;

    if (free_commands == NULL ||
        xQueueReceive(free_commands, &cmd, pdMS_TO_TICKS(blockTimeMs)) != pdPASS) {
        return NULL;
    }
    return cmd;
}

bool Agent_ReleaseCommand(MQTTAgentCommand_t *pCommandToRelease)
{
    MQTTAgentCommand_t *cmd = pCommandToRelease;

    uintptr_t at = (uintptr_t)cmd, first = (uintptr_t)&pool[0];

    if (at < first || at >= first + sizeof(pool) || free_commands == NULL) {
        return false; /* not one of ours */
    }
    memset(cmd, 0, sizeof(*cmd));
    return xQueueSendToBack(free_commands, &cmd, 0) == pdPASS;
}
