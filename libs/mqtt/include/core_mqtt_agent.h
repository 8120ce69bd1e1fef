/* SPDX-License-Identifier: MIT */
/*
 * core_mqtt_agent.h: share one MQTT connection between tasks (coreMQTT-Agent's API).
 *
 * One agent task owns the MQTTContext_t and runs MQTTAgent_CommandLoop. Any other task calls
 * MQTTAgent_Publish / _Subscribe / _Unsubscribe / _Ping / _Disconnect / ...: these only
 * allocate a command and queue it (thread-safe), and return at once. The agent task executes
 * commands in order, runs MQTT_ProcessLoop between them, and calls each command's completion
 * callback (in the agent task) when it is done: at once for QoS 0 publishes and pings, when the
 * PUBACK / PUBCOMP / SUBACK / UNSUBACK arrives otherwise. A command that cannot be sent
 * completes at once with the error (MQTTSendFailed for a failed send): the broker never got it,
 * the agent keeps nothing of it, and the caller may send it again. Everything a command points
 * to (the publish info, payload, subscription list) must stay valid until its callback runs.
 * Incoming publishes go to the incoming-publish callback, also in the agent task.
 *
 * The loop returns when a DISCONNECT or TERMINATE command ran (MQTTSuccess) or when the
 * connection failed (the error). To recover, the application reconnects (MQTT_Connect on
 * mqttContext from the agent task, or an MQTTAgent_Connect command), calls
 * MQTTAgent_ResumeSession, and runs the loop again.
 */
#ifndef CORE_MQTT_AGENT_H
#define CORE_MQTT_AGENT_H

#include "core_mqtt.h"
#include "core_mqtt_agent_message_interface.h"

/* Commands (publish QoS 1/2, subscribe, unsubscribe) that may await their ack at once. */
#ifndef MQTT_AGENT_MAX_OUTSTANDING_ACKS
#define MQTT_AGENT_MAX_OUTSTANDING_ACKS 20U
#endif

/*
 * How long the loop waits for a command before polling the connection again. The transport
 * cannot wake the agent when data arrives, so this is also the latency of incoming packets.
 */
#ifndef MQTT_AGENT_MAX_EVENT_QUEUE_WAIT_TIME
#define MQTT_AGENT_MAX_EVENT_QUEUE_WAIT_TIME 1U
#endif

typedef enum MQTTCommandType {
    NONE = 0,
    PROCESSLOOP,
    PUBLISH,
    SUBSCRIBE,
    UNSUBSCRIBE,
    PING,
    CONNECT,
    DISCONNECT,
    TERMINATE,
    NUM_COMMANDS
} MQTTAgentCommandType_t;

struct MQTTAgentContext;
typedef struct MQTTAgentContext MQTTAgentContext_t;

/* Defined by the application: whatever its completion callbacks need. */
struct MQTTAgentCommandContext;
typedef struct MQTTAgentCommandContext MQTTAgentCommandContext_t;

/* What a completion callback receives. pSubackCodes: one per filter, for SUBSCRIBE only. */
typedef struct MQTTAgentReturnInfo {
    MQTTStatus_t returnCode;
    uint8_t *pSubackCodes;
} MQTTAgentReturnInfo_t;

typedef void (*MQTTAgentCommandCallback_t)(MQTTAgentCommandContext_t *pCmdCallbackContext,
                                           MQTTAgentReturnInfo_t *pReturnInfo);

/* Called in the agent task for each incoming PUBLISH (pointers valid during the call only). */
typedef void (*MQTTAgentIncomingPublishCallback_t)(MQTTAgentContext_t *pMqttAgentContext,
                                                   uint16_t packetId,
                                                   MQTTPublishInfo_t *pPublishInfo);

struct MQTTAgentCommand {
    MQTTAgentCommandType_t commandType;
    void *pArgs;
    MQTTAgentCommandCallback_t pCommandCompleteCallback;
    MQTTAgentCommandContext_t *pCmdContext;
};

typedef struct MQTTAgentAckInfo {
    uint16_t packetId; /* 0: free slot */
    MQTTAgentCommand_t *pOriginalCommand;
} MQTTAgentAckInfo_t;

/* How a caller asks for a command: its completion callback (may be NULL) and queue wait. */
typedef struct MQTTAgentCommandInfo {
    MQTTAgentCommandCallback_t cmdCompleteCallback;
    MQTTAgentCommandContext_t *pCmdCompleteCallbackContext;
    uint32_t blockTimeMs;
} MQTTAgentCommandInfo_t;

typedef struct MQTTAgentSubscribeArgs {
    MQTTSubscribeInfo_t *pSubscribeInfo;
    size_t numSubscriptions;
} MQTTAgentSubscribeArgs_t;

typedef struct MQTTAgentConnectArgs {
    MQTTConnectInfo_t *pConnectInfo;
    MQTTPublishInfo_t *pWillInfo;
    uint32_t timeoutMs;
    bool sessionPresent; /* set by the CONNECT command */
} MQTTAgentConnectArgs_t;

struct MQTTAgentContext {
    MQTTContext_t mqttContext;
    MQTTAgentMessageInterface_t agentInterface;
    MQTTAgentAckInfo_t pPendingAcks[MQTT_AGENT_MAX_OUTSTANDING_ACKS];
    MQTTAgentIncomingPublishCallback_t pIncomingCallback;
    void *pIncomingCallbackContext;
    bool packetReceivedInLoop;
    MQTTPubAckInfo_t pOutgoingPublishRecords[MQTT_AGENT_MAX_OUTSTANDING_ACKS];
    MQTTPubAckInfo_t pIncomingPublishRecords[MQTT_AGENT_MAX_OUTSTANDING_ACKS];
};

/* Set up the agent and its MQTT context (MQTT_Init + MQTT_InitStatefulQoS). */
MQTTStatus_t MQTTAgent_Init(MQTTAgentContext_t *pMqttAgentContext,
                            const MQTTAgentMessageInterface_t *pMsgInterface,
                            const MQTTFixedBuffer_t *pNetworkBuffer,
                            const TransportInterface_t *pTransportInterface,
                            MQTTGetCurrentTimeFunc_t getCurrentTimeMs,
                            MQTTAgentIncomingPublishCallback_t incomingCallback,
                            void *pIncomingPacketContext);

/* The agent task's body: execute commands and process the connection until told to stop. */
MQTTStatus_t MQTTAgent_CommandLoop(MQTTAgentContext_t *pMqttAgentContext);

/*
 * After a reconnect (agent task only). With a session: complete pending (un)subscribes with
 * MQTTRecvFailed, and resend the publishes still awaiting PUBACK / PUBREC in the order first
 * sent (dup set, same identifier; QoS 2 ones past PUBREC only needed the PUBREL MQTT_Connect
 * resent); a failed resend returns its error and leaves it and the later ones pending for the
 * next reconnect. Outgoing records no pending command holds (e.g. after MQTTAgent_CancelAll)
 * are freed. Without a session: complete every pending command with MQTTRecvFailed.
 */
MQTTStatus_t MQTTAgent_ResumeSession(MQTTAgentContext_t *pMqttAgentContext, bool sessionPresent);

/* Agent task only: complete every pending and queued command with MQTTRecvFailed. */
MQTTStatus_t MQTTAgent_CancelAll(MQTTAgentContext_t *pMqttAgentContext);

/*
 * Queue a command (any task). MQTTSuccess when queued; MQTTBadParameter for invalid
 * arguments; MQTTNoMemory when no command structure is free; MQTTSendFailed when the queue
 * stayed full for blockTimeMs.
 */
MQTTStatus_t MQTTAgent_Subscribe(const MQTTAgentContext_t *pMqttAgentContext,
                                 MQTTAgentSubscribeArgs_t *pSubscriptionArgs,
                                 const MQTTAgentCommandInfo_t *pCommandInfo);
MQTTStatus_t MQTTAgent_Unsubscribe(const MQTTAgentContext_t *pMqttAgentContext,
                                   MQTTAgentSubscribeArgs_t *pSubscriptionArgs,
                                   const MQTTAgentCommandInfo_t *pCommandInfo);
MQTTStatus_t MQTTAgent_Publish(const MQTTAgentContext_t *pMqttAgentContext,
                               MQTTPublishInfo_t *pPublishInfo,
                               const MQTTAgentCommandInfo_t *pCommandInfo);
MQTTStatus_t MQTTAgent_ProcessLoop(const MQTTAgentContext_t *pMqttAgentContext,
                                   const MQTTAgentCommandInfo_t *pCommandInfo);
MQTTStatus_t MQTTAgent_Ping(const MQTTAgentContext_t *pMqttAgentContext,
                            const MQTTAgentCommandInfo_t *pCommandInfo);
MQTTStatus_t MQTTAgent_Connect(const MQTTAgentContext_t *pMqttAgentContext,
                               MQTTAgentConnectArgs_t *pConnectArgs,
                               const MQTTAgentCommandInfo_t *pCommandInfo);
MQTTStatus_t MQTTAgent_Disconnect(const MQTTAgentContext_t *pMqttAgentContext,
                                  const MQTTAgentCommandInfo_t *pCommandInfo);
MQTTStatus_t MQTTAgent_Terminate(const MQTTAgentContext_t *pMqttAgentContext,
                                 const MQTTAgentCommandInfo_t *pCommandInfo);

#endif /* CORE_MQTT_AGENT_H */
