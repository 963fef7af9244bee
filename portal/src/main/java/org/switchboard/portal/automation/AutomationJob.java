package org.switchboard.portal.automation;

/**
 * One trigger to evaluate rules for, queued after the causing transaction committed.
 *
 * @param trigger        what happened; for {@link AutomationTrigger#CONVERSATION_UPDATED} the engine first checks
 *                       that a watched attribute really changed
 * @param conversationId the conversation
 * @param messageId      the customer's message for {@link AutomationTrigger#MESSAGE_CREATED}, else {@code null}
 * @param accountId      the channel account that message came on, else {@code null}
 */
record AutomationJob(AutomationTrigger trigger, long conversationId, Long messageId, String accountId) {

    static AutomationJob of(AutomationTrigger trigger, long conversationId) {
        return new AutomationJob(trigger, conversationId, null, null);
    }

    /* Within one transaction: a new conversation's rules run before its first message's, as in Chatwoot. */
    int order() {
        return orderOf(trigger);
    }

    static int orderOf(AutomationTrigger trigger) {
        return switch (trigger) {
            case CONVERSATION_CREATED -> 0;
            case MESSAGE_CREATED -> 1;
            case CONVERSATION_UPDATED -> 2;
            case SLA_BREACHED -> 3;
        };
    }
}
