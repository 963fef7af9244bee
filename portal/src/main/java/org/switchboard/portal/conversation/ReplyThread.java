package org.switchboard.portal.conversation;

import java.util.List;

/**
 * The provider-level thread an outbound message continues (what an email client threads by).
 *
 * @param subject    the conversation's subject, or {@code null}
 * @param inReplyTo  the provider id of the customer's latest message on the account, or {@code null}
 * @param references provider ids of the conversation's messages on the account, oldest first (at most 10)
 */
public record ReplyThread(String subject, String inReplyTo, List<String> references) {
}
