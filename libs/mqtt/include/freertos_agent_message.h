/* SPDX-License-Identifier: MIT */
/*
 * freertos_agent_message.h: the agent's command channel as a FreeRTOS queue of
 * MQTTAgentCommand_t pointers. The application creates the queue (length: how many commands
 * may wait) and puts its handle in an MQTTAgentMessageContext_t.
 */
#ifndef FREERTOS_AGENT_MESSAGE_H
#define FREERTOS_AGENT_MESSAGE_H

#include "FreeRTOS.h"
#include "queue.h"

#include "core_mqtt_agent_message_interface.h"

struct MQTTAgentMessageContext {
    QueueHandle_t queue; /* items are MQTTAgentCommand_t pointers */
};

bool Agent_MessageSend(MQTTAgentMessageContext_t *pMsgCtx,
                       MQTTAgentCommand_t *const *pCommandToSend, uint32_t blockTimeMs);
bool Agent_MessageReceive(MQTTAgentMessageContext_t *pMsgCtx,
                          MQTTAgentCommand_t **pReceivedCommand, uint32_t blockTimeMs);

#endif /* FREERTOS_AGENT_MESSAGE_H */
