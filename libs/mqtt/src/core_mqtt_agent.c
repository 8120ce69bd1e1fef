/* SPDX-License-Identifier: MIT */
/*
 * core_mqtt_agent.c: the MQTT agent (see core_mqtt_agent.h).
 *
 * Two sides. The API functions (MQTTAgent_Publish, ...) run in any task: they only take a
 * command from the allocator and queue it, both thread-safe by the message interface's
 * contract, and never touch the context's mutable fields. Everything else runs in the agent
 * task: executing commands, the MQTT context, the pending-ack table, and every callback.
 * So the context needs no lock.
 *
 * A command that waits for an ack (QoS 1/2 publish, subscribe, unsubscribe) sits in
 * pPendingAcks under its packet identifier until the ack arrives through the MQTT event
 * callback; then its completion callback runs and the command is released. A command is either
 * pending there or completed: once its callback ran, the agent holds nothing of it, not even the
 * MQTT library's outgoing record of a publish whose send failed, so records cannot leak.
 */
#include "core_mqtt_agent.h"

#include "core_mqtt_state.h"

#include <stddef.h>
#include <string.h>

/* ---- Completing commands ---------------------------------------------------------------- */

static void complete(MQTTAgentContext_t *ctx, MQTTAgentCommand_t *cmd, MQTTStatus_t status,
                     uint8_t *suback_codes)
{
    MQTTAgentReturnInfo_t info = {status, suback_codes};

    if (cmd->pCommandCompleteCallback != NULL) {
        cmd->pCommandCompleteCallback(cmd->pCmdContext, &info);
    }
    (void)ctx->agentInterface.releaseCommand(cmd);
}

static MQTTAgentAckInfo_t *pending_find(MQTTAgentContext_t *ctx, uint16_t packetId)
{
    for (size_t i = 0; i < MQTT_AGENT_MAX_OUTSTANDING_ACKS; i++) {
        if (ctx->pPendingAcks[i].packetId == packetId) {
            return &ctx->pPendingAcks[i];
        }
    }
    return NULL;
}

/* Completes every pending command with `status`, leaving the table empty. */
static void pending_fail_all(MQTTAgentContext_t *ctx, MQTTStatus_t status)
{
    for (size_t i = 0; i < MQTT_AGENT_MAX_OUTSTANDING_ACKS; i++) {
        MQTTAgentAckInfo_t *ack = &ctx->pPendingAcks[i];

        if (ack->packetId != 0) {
            MQTTAgentCommand_t *cmd = ack->pOriginalCommand;

            ack->packetId = 0;
            ack->pOriginalCommand = NULL;
            complete(ctx, cmd, status, NULL);
        }
    }
}

/* ---- Incoming packets (MQTT event callback, agent task) --------------------------------- */

static MQTTAgentContext_t *agent_of(MQTTContext_t *mqtt)
{
    return (MQTTAgentContext_t *)((char *)mqtt - offsetof(MQTTAgentContext_t, mqttContext));
}

/* The ack that finishes a command: PUBACK, PUBCOMP, SUBACK or UNSUBACK. */
static void finish_pending(MQTTAgentContext_t *ctx, MQTTPacketInfo_t *pkt,
                           MQTTDeserializedInfo_t *info)
{
    MQTTAgentAckInfo_t *ack = pending_find(ctx, info->packetIdentifier);
    uint8_t *codes = NULL;
    size_t count = 0;
    MQTTAgentCommand_t *cmd;

    if (ack == NULL || info->packetIdentifier == 0) {
        return; /* cancelled meanwhile, or not ours */
    }
    if (pkt->type == MQTT_PACKET_TYPE_SUBACK) {
        (void)MQTT_GetSubAckStatusCodes(pkt, &codes, &count);
    }
    cmd = ack->pOriginalCommand;
    ack->packetId = 0;
    ack->pOriginalCommand = NULL;
    complete(ctx, cmd, info->deserializationResult, codes);
}

static void agent_event(MQTTContext_t *mqtt, MQTTPacketInfo_t *pkt, MQTTDeserializedInfo_t *info)
{
    MQTTAgentContext_t *ctx = agent_of(mqtt);

    ctx->packetReceivedInLoop = true;
    switch (pkt->type & 0xF0u) {
    case MQTT_PACKET_TYPE_PUBLISH:
        if (ctx->pIncomingCallback != NULL) {
            ctx->pIncomingCallback(ctx, info->packetIdentifier, info->pPublishInfo);
        }
        break;
    case MQTT_PACKET_TYPE_PUBACK:
    case MQTT_PACKET_TYPE_PUBCOMP:
    case MQTT_PACKET_TYPE_SUBACK:
    case MQTT_PACKET_TYPE_UNSUBACK:
        finish_pending(ctx, pkt, info);
        break;
    default:
        break; /* PUBREC, PUBREL, PINGRESP: the library handles them */
    }
}

/* ---- Executing commands (agent task) ---------------------------------------------------- */

/* Errors of the connection end the loop; errors of one command only fail that command. */
static int connection_error(MQTTStatus_t status)
{
    return status == MQTTSendFailed || status == MQTTRecvFailed || status == MQTTBadResponse ||
           status == MQTTKeepAliveTimeout || status == MQTTIllegalState ||
           status == MQTTStatusNotConnected || status == MQTTStatusDisconnectPending;
}

static MQTTAgentAckInfo_t *pending_free_slot(MQTTAgentContext_t *ctx)
{
    return pending_find(ctx, 0);
}

/* Sends a command that waits for an ack, or completes it at once if it cannot be sent. */
static MQTTStatus_t send_acked(MQTTAgentContext_t *ctx, MQTTAgentCommand_t *cmd, bool needs_ack)
{
    MQTTAgentAckInfo_t *slot = needs_ack ? pending_free_slot(ctx) : NULL;
    uint16_t id = needs_ack ? MQTT_GetPacketId(&ctx->mqttContext) : 0;
    MQTTStatus_t status = (needs_ack && slot == NULL) ? MQTTNoMemory : MQTTSuccess;
    MQTTAgentSubscribeArgs_t *sub = cmd->pArgs;

    if (status == MQTTSuccess) {
        switch (cmd->commandType) {
        case PUBLISH:
            status = MQTT_Publish(&ctx->mqttContext, cmd->pArgs, id);
            break;
        case SUBSCRIBE:
            status = MQTT_Subscribe(&ctx->mqttContext, sub->pSubscribeInfo, sub->numSubscriptions,
                                    id);
            break;
        default:
            status = MQTT_Unsubscribe(&ctx->mqttContext, sub->pSubscribeInfo,
                                      sub->numSubscriptions, id);
            break;
        }
    }
    if (status == MQTTSuccess && needs_ack) {
        slot->packetId = id;
        slot->pOriginalCommand = cmd;
        return status;
    }
    if (status == MQTTSendFailed && needs_ack && cmd->commandType == PUBLISH) {
        /*
         * MQTT_Publish keeps the record of a publish whose send failed, for a resend after
         * reconnecting. But the command completes here with the error, so its publish goes back
         * to the caller (who may free it, or publish it again): nothing is left to resend, and
         * the record must go. The broker never received the whole packet, so it holds no state
         * for this identifier.
         */
        (void)MQTT_CancelCallback(&ctx->mqttContext, id);
    }
    complete(ctx, cmd, status, NULL);
    return status;
}

static MQTTStatus_t run_connect(MQTTAgentContext_t *ctx, MQTTAgentCommand_t *cmd)
{
    MQTTAgentConnectArgs_t *args = cmd->pArgs;
    MQTTStatus_t status = MQTT_Connect(&ctx->mqttContext, args->pConnectInfo, args->pWillInfo,
                                       args->timeoutMs, &args->sessionPresent);

    if (status == MQTTSuccess) {
        status = MQTTAgent_ResumeSession(ctx, args->sessionPresent);
    }
    complete(ctx, cmd, status, NULL);
    return status;
}

/* Executes one command; *stop is set when the loop must return after it. */
static MQTTStatus_t execute(MQTTAgentContext_t *ctx, MQTTAgentCommand_t *cmd, bool *stop)
{
    MQTTStatus_t status = MQTTSuccess;

    switch (cmd->commandType) {
    case PUBLISH:
        return send_acked(ctx, cmd, ((MQTTPublishInfo_t *)cmd->pArgs)->qos > MQTTQoS0);
    case SUBSCRIBE:
    case UNSUBSCRIBE:
        return send_acked(ctx, cmd, true);
    case CONNECT:
        return run_connect(ctx, cmd);
    case PING:
        status = MQTT_Ping(&ctx->mqttContext);
        break;
    case DISCONNECT:
        status = MQTT_Disconnect(&ctx->mqttContext);
        *stop = true;
        break;
    case TERMINATE:
        (void)MQTTAgent_CancelAll(ctx);
        *stop = true;
        break;
    default: /* PROCESSLOOP: the loop runs after every command anyway */
        break;
    }
    complete(ctx, cmd, status, NULL);
    return status;
}

/* Runs MQTT_ProcessLoop while it keeps receiving packets. */
static MQTTStatus_t process_connection(MQTTAgentContext_t *ctx)
{
    MQTTStatus_t status;

    do {
        ctx->packetReceivedInLoop = false;
        status = MQTT_ProcessLoop(&ctx->mqttContext);
    } while (status == MQTTSuccess && ctx->packetReceivedInLoop);
    return status == MQTTNeedMoreBytes ? MQTTSuccess : status;
}

MQTTStatus_t MQTTAgent_CommandLoop(MQTTAgentContext_t *pMqttAgentContext)
{
    MQTTAgentContext_t *ctx = pMqttAgentContext;

    if (ctx == NULL || ctx->agentInterface.recv == NULL) {
        return MQTTBadParameter;
    }
    for (;;) {
        MQTTAgentCommand_t *cmd = NULL;
        MQTTStatus_t status = MQTTSuccess;
        bool stop = false;

        if (ctx->agentInterface.recv(ctx->agentInterface.pMsgCtx, &cmd,
                                     MQTT_AGENT_MAX_EVENT_QUEUE_WAIT_TIME) &&
            cmd != NULL) {
            status = execute(ctx, cmd, &stop);
            if (stop) {
                return connection_error(status) ? status : MQTTSuccess;
            }
        }
        /* A command's own failure (no memory, bad arguments) was reported to its caller. */
        if (!connection_error(status) && ctx->mqttContext.connectStatus == MQTTConnected) {
            status = process_connection(ctx);
        }
        if (connection_error(status)) {
            LogError(("MQTT agent loop ends: %s", MQTT_Status_strerror(status)));
            return status;
        }
    }
}

/* ---- Session handling (agent task) ------------------------------------------------------ */

/* Completes the pending (un)subscribes: lost with the connection, the caller retries them. */
static void pending_fail_topic_lists(MQTTAgentContext_t *ctx)
{
    for (size_t i = 0; i < MQTT_AGENT_MAX_OUTSTANDING_ACKS; i++) {
        MQTTAgentAckInfo_t *ack = &ctx->pPendingAcks[i];
        MQTTAgentCommand_t *cmd = ack->pOriginalCommand;

        if (ack->packetId != 0 && cmd->commandType != PUBLISH) {
            ack->packetId = 0;
            ack->pOriginalCommand = NULL;
            complete(ctx, cmd, MQTTRecvFailed, NULL);
        }
    }
}

/*
 * Frees the records of publishes awaiting a resend that no pending command holds (their
 * commands were completed, e.g. by MQTTAgent_CancelAll): without the publish nothing can resend
 * them, and kept they would hold their records for good. A removal shifts the later records,
 * so the scan starts again after each one (a few tens of records at most).
 */
static void drop_orphan_records(MQTTAgentContext_t *ctx)
{
    size_t cursor = MQTT_STATE_CURSOR_INITIALIZER;
    uint16_t id;

    while ((id = MQTT_PublishToResend(&ctx->mqttContext, &cursor)) != MQTT_PACKET_ID_INVALID) {
        if (pending_find(ctx, id) == NULL) {
            LogWarn(("publish %u has no command to resend it: record dropped", (unsigned)id));
            (void)MQTT_CancelCallback(&ctx->mqttContext, id);
            cursor = MQTT_STATE_CURSOR_INITIALIZER;
        }
    }
}

/*
 * Resends, with dup set and the same identifier, the publishes the broker has not acknowledged,
 * in the order they were first sent (MQTT 3.1.1 section 4.6). QoS 2 publishes whose PUBREC
 * arrived are not among them: MQTT_Connect resent their PUBREL. A failed resend leaves its
 * command and the later ones pending, for the next reconnect.
 */
static MQTTStatus_t resend_publishes(MQTTAgentContext_t *ctx)
{
    size_t cursor = MQTT_STATE_CURSOR_INITIALIZER;
    MQTTStatus_t status = MQTTSuccess;
    uint16_t id;

    while (status == MQTTSuccess &&
           (id = MQTT_PublishToResend(&ctx->mqttContext, &cursor)) != MQTT_PACKET_ID_INVALID) {
        MQTTPublishInfo_t *pub = pending_find(ctx, id)->pOriginalCommand->pArgs;

        pub->dup = true;
        status = MQTT_Publish(&ctx->mqttContext, pub, id);
    }
    return status;
}

MQTTStatus_t MQTTAgent_ResumeSession(MQTTAgentContext_t *pMqttAgentContext, bool sessionPresent)
{
    MQTTAgentContext_t *ctx = pMqttAgentContext;

    if (ctx == NULL) {
        return MQTTBadParameter;
    }
    if (!sessionPresent) {
        /* MQTT_Connect has cleared the records: the broker knows none of these publishes. */
        pending_fail_all(ctx, MQTTRecvFailed);
        return MQTTSuccess;
    }
    pending_fail_topic_lists(ctx);
    drop_orphan_records(ctx);
    return resend_publishes(ctx);
}

MQTTStatus_t MQTTAgent_CancelAll(MQTTAgentContext_t *pMqttAgentContext)
{
    MQTTAgentContext_t *ctx = pMqttAgentContext;
    MQTTAgentCommand_t *cmd = NULL;

    if (ctx == NULL) {
        return MQTTBadParameter;
    }
    pending_fail_all(ctx, MQTTRecvFailed);
    while (ctx->agentInterface.recv(ctx->agentInterface.pMsgCtx, &cmd, 0) && cmd != NULL) {
        complete(ctx, cmd, MQTTRecvFailed, NULL);
        cmd = NULL;
    }
    return MQTTSuccess;
}

MQTTStatus_t MQTTAgent_Init(MQTTAgentContext_t *pMqttAgentContext,
                            const MQTTAgentMessageInterface_t *pMsgInterface,
                            const MQTTFixedBuffer_t *pNetworkBuffer,
                            const TransportInterface_t *pTransportInterface,
                            MQTTGetCurrentTimeFunc_t getCurrentTimeMs,
                            MQTTAgentIncomingPublishCallback_t incomingCallback,
                            void *pIncomingPacketContext)
{
    MQTTAgentContext_t *ctx = pMqttAgentContext;
    MQTTStatus_t status;

    if (ctx == NULL || pMsgInterface == NULL || pMsgInterface->send == NULL ||
        pMsgInterface->recv == NULL || pMsgInterface->getCommand == NULL ||
        pMsgInterface->releaseCommand == NULL || incomingCallback == NULL) {
        return MQTTBadParameter;
    }
    memset(ctx, 0, sizeof(*ctx));
    status = MQTT_Init(&ctx->mqttContext, pTransportInterface, getCurrentTimeMs, agent_event,
                       pNetworkBuffer);
    if (status == MQTTSuccess) {
        status = MQTT_InitStatefulQoS(&ctx->mqttContext, ctx->pOutgoingPublishRecords,
                                      MQTT_AGENT_MAX_OUTSTANDING_ACKS,
                                      ctx->pIncomingPublishRecords,
                                      MQTT_AGENT_MAX_OUTSTANDING_ACKS);
    }
    ctx->agentInterface = *pMsgInterface;
    ctx->pIncomingCallback = incomingCallback;
    ctx->pIncomingCallbackContext = pIncomingPacketContext;
    return status;
}

/* ---- The API other tasks call ----------------------------------------------------------- */

static MQTTStatus_t queue_command(const MQTTAgentContext_t *ctx, MQTTAgentCommandType_t type,
                                  void *args, const MQTTAgentCommandInfo_t *info)
{
    MQTTAgentCommand_t *cmd;

    if (ctx == NULL || info == NULL) {
        return MQTTBadParameter;
    }
    cmd = ctx->agentInterface.getCommand(info->blockTimeMs);
    if (cmd == NULL) {
        return MQTTNoMemory;
    }
    cmd->commandType = type;
    cmd->pArgs = args;
    cmd->pCommandCompleteCallback = info->cmdCompleteCallback;
    cmd->pCmdContext = info->pCmdCompleteCallbackContext;
    if (!ctx->agentInterface.send(ctx->agentInterface.pMsgCtx, &cmd, info->blockTimeMs)) {
        (void)ctx->agentInterface.releaseCommand(cmd);
        return MQTTSendFailed;
    }
    return MQTTSuccess;
}

static int subscribe_args_valid(const MQTTAgentSubscribeArgs_t *args, int with_qos)
{
    size_t rem, size;

    if (args == NULL) {
        return 0;
    }
    return (with_qos ? MQTT_GetSubscribePacketSize(args->pSubscribeInfo, args->numSubscriptions,
                                                   &rem, &size)
                     : MQTT_GetUnsubscribePacketSize(args->pSubscribeInfo,
                                                     args->numSubscriptions, &rem, &size)) ==
           MQTTSuccess;
}

MQTTStatus_t MQTTAgent_Subscribe(const MQTTAgentContext_t *pMqttAgentContext,
                                 MQTTAgentSubscribeArgs_t *pSubscriptionArgs,
                                 const MQTTAgentCommandInfo_t *pCommandInfo)
{
    if (!subscribe_args_valid(pSubscriptionArgs, 1)) {
        return MQTTBadParameter;
    }
    return queue_command(pMqttAgentContext, SUBSCRIBE, pSubscriptionArgs, pCommandInfo);
}

MQTTStatus_t MQTTAgent_Unsubscribe(const MQTTAgentContext_t *pMqttAgentContext,
                                   MQTTAgentSubscribeArgs_t *pSubscriptionArgs,
                                   const MQTTAgentCommandInfo_t *pCommandInfo)
{
    if (!subscribe_args_valid(pSubscriptionArgs, 0)) {
        return MQTTBadParameter;
    }
    return queue_command(pMqttAgentContext, UNSUBSCRIBE, pSubscriptionArgs, pCommandInfo);
}

MQTTStatus_t MQTTAgent_Publish(const MQTTAgentContext_t *pMqttAgentContext,
                               MQTTPublishInfo_t *pPublishInfo,
                               const MQTTAgentCommandInfo_t *pCommandInfo)
{
    size_t rem, size;

    if (MQTT_GetPublishPacketSize(pPublishInfo, &rem, &size) != MQTTSuccess) {
        return MQTTBadParameter;
    }
    return queue_command(pMqttAgentContext, PUBLISH, pPublishInfo, pCommandInfo);
}

MQTTStatus_t MQTTAgent_ProcessLoop(const MQTTAgentContext_t *pMqttAgentContext,
                                   const MQTTAgentCommandInfo_t *pCommandInfo)
{
    return queue_command(pMqttAgentContext, PROCESSLOOP, NULL, pCommandInfo);
}

MQTTStatus_t MQTTAgent_Ping(const MQTTAgentContext_t *pMqttAgentContext,
                            const MQTTAgentCommandInfo_t *pCommandInfo)
{
    return queue_command(pMqttAgentContext, PING, NULL, pCommandInfo);
}

MQTTStatus_t MQTTAgent_Connect(const MQTTAgentContext_t *pMqttAgentContext,
                               MQTTAgentConnectArgs_t *pConnectArgs,
                               const MQTTAgentCommandInfo_t *pCommandInfo)
{
    if (pConnectArgs == NULL || pConnectArgs->pConnectInfo == NULL) {
        return MQTTBadParameter;
    }
    return queue_command(pMqttAgentContext, CONNECT, pConnectArgs, pCommandInfo);
}

MQTTStatus_t MQTTAgent_Disconnect(const MQTTAgentContext_t *pMqttAgentContext,
                                  const MQTTAgentCommandInfo_t *pCommandInfo)
{
    return queue_command(pMqttAgentContext, DISCONNECT, NULL, pCommandInfo);
}

MQTTStatus_t MQTTAgent_Terminate(const MQTTAgentContext_t *pMqttAgentContext,
                                 const MQTTAgentCommandInfo_t *pCommandInfo)
{
    return queue_command(pMqttAgentContext, TERMINATE, NULL, pCommandInfo);
}
