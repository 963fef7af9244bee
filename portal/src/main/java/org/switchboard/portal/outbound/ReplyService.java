package org.switchboard.portal.outbound;

import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.plugin.api.channel.ChannelDescriptor;
import org.switchboard.portal.channel.ChannelConnections;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.conversation.ConversationStore;
import org.switchboard.portal.conversation.ConversationSummary;
import org.switchboard.portal.conversation.Message;
import org.switchboard.portal.conversation.ReplyTarget;
import org.switchboard.portal.conversation.UnknownConversationException;
import org.switchboard.portal.customer.IdentityResolver;
import org.switchboard.portal.customer.NormalizedIdentity;

/**
 * Agents' replies: stored as a queued outbound message together with its outbox row in one transaction, then
 * handed to the dispatcher. By default a reply goes to the channel the customer wrote on last.
 */
@Service
public class ReplyService {

    private final ConversationStore store;
    private final ConversationQueries queries;
    private final IdentityResolver identities;
    private final ChannelConnections connections;
    private final OutboxRepository outbox;
    private final OutboundDispatcher dispatcher;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ReplyService(ConversationStore store, ConversationQueries queries, IdentityResolver identities,
            ChannelConnections connections, OutboxRepository outbox, OutboundDispatcher dispatcher,
            PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.queries = queries;
        this.identities = identities;
        this.connections = connections;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Queues a reply.
     *
     * @param channelAccountId the account to send through, or {@code null} for the customer's last channel
     * @return the id of the stored message
     * @throws ReplyNotPossibleException when the text is empty or too long for the channel, or the customer has no
     *                                   identity on the chosen channel
     */
    public long reply(long conversationId, Long agentId, String authorName, String text, String channelAccountId) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new ReplyNotPossibleException("the reply is empty");
        }
        ReplyTarget target = channelAccountId == null ? defaultTarget(conversationId)
                : targetOn(conversationId, channelAccountId);
        checkLength(target.channelAccountId(), body);

        Long messageId = transaction.execute(status -> {
            Message message = store.appendOutbound(conversationId, target.channelAccountId(), target.identity(),
                    agentId, authorName, body);
            outbox.save(new OutboxEntry(message.getId(), target.channelAccountId(), clock.instant()));
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatcher.wake();
                }
            });
            return message.getId();
        });
        return messageId;
    }

    private ReplyTarget defaultTarget(long conversationId) {
        return queries.defaultReplyTarget(conversationId).orElseThrow(() -> new ReplyNotPossibleException(
                "the customer has not written on any channel yet; pick a channel"));
    }

    private ReplyTarget targetOn(long conversationId, String channelAccountId) {
        ConversationSummary summary = queries.summaries(java.util.List.of(conversationId)).stream().findFirst()
                .orElseThrow(() -> new UnknownConversationException(conversationId));
        ChannelDescriptor descriptor = connections.descriptor(channelAccountId);
        Optional<NormalizedIdentity> identity = identities.identitiesOf(summary.customerId()).stream()
                .filter(i -> i.kind().equals(descriptor.identityKind().id()))
                .reduce((first, second) -> second);
        return identity.map(i -> new ReplyTarget(channelAccountId, i)).orElseThrow(() ->
                new ReplyNotPossibleException("the customer has no " + descriptor.identityKind() + " identity for "
                        + descriptor.name()));
    }

    private void checkLength(String accountId, String body) {
        try {
            int max = connections.descriptor(accountId).maxTextLength();
            if (max > 0 && body.length() > max) {
                throw new ReplyNotPossibleException("the reply is " + body.length() + " characters; this channel"
                        + " takes at most " + max);
            }
        } catch (org.switchboard.portal.channel.ChannelUnavailableException e) {
            // The plugin may be restarting: queue anyway, the dispatcher retries until it is back.
        }
    }
}
