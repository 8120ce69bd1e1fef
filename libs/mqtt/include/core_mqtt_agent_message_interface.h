/* SPDX-License-Identifier: MIT */
/*
 * core_mqtt_agent_message_interface.h: how the MQTT agent receives commands from other tasks
 * and allocates them (coreMQTT-Agent's interface). freertos_agent_message.h and
 * freertos_command_pool.h implement it with FreeRTOS queues; an application may supply its own.
 * Every function here must be safe to call from several tasks at once.
 */
#ifndef CORE_MQTT_AGENT_MESSAGE_INTERFACE_H
#define CORE_MQTT_AGENT_MESSAGE_INTERFACE_H

#include <stdbool.h>
#include <stdint.h>

struct MQTTAgentMessageContext; /* defined by the implementation (e.g. a queue handle) */
typedef struct MQTTAgentMessageContext MQTTAgentMessageContext_t;
struct MQTTAgentCommand;
typedef struct MQTTAgentCommand MQTTAgentCommand_t;

/* Queue a command pointer for the agent, waiting up to blockTimeMs for room. */
typedef bool (*MQTTAgentMessageSend_t)(MQTTAgentMessageContext_t *pMsgCtx,
                                       MQTTAgentCommand_t *const *pCommandToSend,
                                       uint32_t blockTimeMs);

/* Take the next command pointer, waiting up to blockTimeMs for one. */
typedef bool (*MQTTAgentMessageRecv_t)(MQTTAgentMessageContext_t *pMsgCtx,
                                       MQTTAgentCommand_t **pReceivedCommand,
                                       uint32_t blockTimeMs);

/* Allocate a command structure (NULL if none frees up within blockTimeMs). */
typedef MQTTAgentCommand_t *(*MQTTAgentCommandGet_t)(uint32_t blockTimeMs);

/* Return a command structure to its allocator. */
typedef bool (*MQTTAgentCommandRelease_t)(MQTTAgentCommand_t *pCommandToRelease);

typedef struct MQTTAgentMessageInterface {
    MQTTAgentMessageContext_t *pMsgCtx;
    MQTTAgentMessageSend_t send;
    MQTTAgentMessageRecv_t recv;
    MQTTAgentCommandGet_t getCommand;
    MQTTAgentCommandRelease_t releaseCommand;
} MQTTAgentMessageInterface_t;

#endif /* CORE_MQTT_AGENT_MESSAGE_INTERFACE_H */
