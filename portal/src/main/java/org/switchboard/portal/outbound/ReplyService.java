package org.switchboard.portal.outbound;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.switchboard.plugin.api.channel.Attachment;
import org.switchboard.plugin.api.channel.ChannelCapability;
import org.switchboard.plugin.api.channel.ChannelException;
import org.switchboard.plugin.api.channel.MessageTemplate;
import org.switchboard.plugin.api.channel.TemplateMessage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.plugin.api.channel.ChannelDescriptor;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.portal.channel.ChannelAccountView;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.channel.ChannelConnections;
import org.switchboard.portal.conversation.ConflictRetry;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.conversation.ConversationStore;
import org.switchboard.portal.conversation.ConversationSummary;
import org.switchboard.portal.conversation.Message;
import org.switchboard.portal.conversation.MessageFiles;
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

    private final ChannelAccounts accounts;
    private final MessageFiles files;

    /** The largest file an agent may attach to a reply. */
    public static final int MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

    /** The most files one reply may carry. */
    public static final int MAX_ATTACHMENTS = 10;

    ReplyService(ConversationStore store, ConversationQueries queries, IdentityResolver identities,
            ChannelConnections connections, ChannelAccounts accounts, OutboxRepository outbox,
            OutboundDispatcher dispatcher, PlatformTransactionManager transactions, Clock clock, MessageFiles files) {
        this.accounts = accounts;
        this.files = files;
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
        return reply(conversationId, agentId, authorName, text, channelAccountId, List.of());
    }

    /**
     * Queues a reply with files; a reply may be files only.
     *
     * @param channelAccountId the account to send through, or {@code null} for the customer's last channel
     * @param attachments      the files, each at most {@link #MAX_ATTACHMENT_BYTES}, at most {@link #MAX_ATTACHMENTS}
     * @return the id of the stored message
     * @throws ReplyNotPossibleException as {@link #reply(long, Long, String, String, String)}, and when the channel
     *                                   cannot carry files or a file is too large
     */
    public long reply(long conversationId, Long agentId, String authorName, String text, String channelAccountId,
            List<Attachment> attachments) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() && attachments.isEmpty()) {
            throw new ReplyNotPossibleException("the reply is empty");
        }
        checkFiles(attachments);
        ReplyTarget target = target(conversationId, channelAccountId);
        checkLength(target.channelAccountId(), body);
        if (!attachments.isEmpty() && !attachmentsAllowed(target)) {
            throw new ReplyNotPossibleException(channelName(target) + " cannot send files; remove them or reply on"
                    + " another channel");
        }
        ReplyWindow window = window(target);
        if (!window.open()) {
            throw new ReplyNotPossibleException(window.explanation());
        }
        return queue(conversationId, target, agentId, authorName, body, null, null, List.copyOf(attachments));
    }

    /** Whether a reply on the account (or the customer's last channel, for {@code null}) may carry files. */
    public boolean attachmentsAllowed(long conversationId, String channelAccountId) {
        try {
            return attachmentsAllowed(target(conversationId, channelAccountId));
        } catch (ReplyNotPossibleException | UnknownConversationException e) {
            return false;
        }
    }

    /* A channel whose plugin is restarting is given the benefit of the doubt, like the length check. */
    private boolean attachmentsAllowed(ReplyTarget target) {
        try {
            return descriptorOf(target).supports(ChannelCapability.ATTACHMENTS);
        } catch (org.switchboard.portal.channel.ChannelUnavailableException e) {
            return true;
        }
    }

    private String channelName(ReplyTarget target) {
        try {
            return descriptorOf(target).name();
        } catch (org.switchboard.portal.channel.ChannelUnavailableException e) {
            return "this channel";
        }
    }

    private static void checkFiles(List<Attachment> attachments) {
        if (attachments.size() > MAX_ATTACHMENTS) {
            throw new ReplyNotPossibleException("a reply carries at most " + MAX_ATTACHMENTS + " files");
        }
        for (Attachment file : attachments) {
            if (file.content().length > MAX_ATTACHMENT_BYTES) {
                throw new ReplyNotPossibleException(file.fileName() + " is larger than "
                        + MAX_ATTACHMENT_BYTES / (1024 * 1024) + " MB");
            }
        }
    }

    /**
     * Queues a template message (the only kind some channels allow outside their reply window).
     *
     * @throws ReplyNotPossibleException when the channel has no templates or a parameter is missing
     */
    public long replyWithTemplate(long conversationId, Long agentId, String authorName, String channelAccountId,
            MessageTemplate template, List<String> parameters) {
        ReplyTarget target = target(conversationId, channelAccountId);
        if (!descriptorOf(target).supports(ChannelCapability.TEMPLATES)) {
            throw new ReplyNotPossibleException("this channel does not send templates");
        }
        if (parameters.size() != template.parameterCount() || parameters.stream().anyMatch(String::isBlank)) {
            throw new ReplyNotPossibleException("the template needs " + template.parameterCount() + " values");
        }
        TemplateMessage use = new TemplateMessage(template.name(), template.language(), parameters);
        return queue(conversationId, target, agentId, authorName, template.render(parameters),
                TemplateJson.write(use), null, List.of());
    }

    /** Where a reply would go and whether free text may be sent there now. */
    public ReplyWindow replyWindow(long conversationId, String channelAccountId) {
        return window(target(conversationId, channelAccountId));
    }

    /**
     * Every channel the agent may reply on: each enabled account whose kind of identity the customer has. Email
     * addresses and phone numbers work on any account of their kind; other identities (a chat visitor, a
     * Messenger id) only on the account they came from. The customer's last channel comes first.
     */
    public List<ReplyChannelOption> channelOptions(long conversationId) {
        ConversationSummary summary = queries.summaries(List.of(conversationId)).stream().findFirst()
                .orElseThrow(() -> new UnknownConversationException(conversationId));
        List<NormalizedIdentity> known = identities.identitiesOf(summary.customerId());
        String lastUsed = queries.defaultReplyTarget(conversationId).map(ReplyTarget::channelAccountId).orElse(null);
        List<ReplyChannelOption> options = new java.util.ArrayList<>();
        for (ChannelAccountView account : accounts.list()) {
            if (!account.enabled()) {
                continue;
            }
            ChannelDescriptor descriptor;
            try {
                descriptor = connections.descriptor(account.id());
            } catch (RuntimeException unavailable) {
                continue;
            }
            String kind = descriptor.identityKind().id();
            boolean portable = kind.equals(IdentityKind.EMAIL.id()) || kind.equals(IdentityKind.PHONE.id());
            known.stream().filter(i -> i.kind().equals(kind))
                    .filter(i -> portable || queries.lastInboundAt(account.id(), i).isPresent())
                    .reduce((first, second) -> second)
                    .ifPresent(identity -> options.add(new ReplyChannelOption(account.id(), account.name(),
                            account.id().equals(lastUsed), window(new ReplyTarget(account.id(), identity)))));
        }
        options.sort(java.util.Comparator.comparing((ReplyChannelOption o) -> !o.lastUsed())
                .thenComparing(ReplyChannelOption::accountName));
        return options;
    }

    /** The templates the account offers (asks the provider). */
    public List<MessageTemplate> templates(String channelAccountId) {
        try {
            return connections.connection(channelAccountId).templates();
        } catch (ChannelException e) {
            throw new ReplyNotPossibleException("the templates cannot be loaded now: " + e.getMessage());
        }
    }

    private ReplyTarget target(long conversationId, String channelAccountId) {
        return channelAccountId == null ? defaultTarget(conversationId) : targetOn(conversationId, channelAccountId);
    }

    private ChannelDescriptor descriptorOf(ReplyTarget target) {
        return connections.descriptor(target.channelAccountId());
    }

    /* Channels like WhatsApp and Messenger accept free text only within a time after the customer last wrote. */
    private ReplyWindow window(ReplyTarget target) {
        ChannelDescriptor descriptor;
        try {
            descriptor = descriptorOf(target);
        } catch (org.switchboard.portal.channel.ChannelUnavailableException e) {
            return ReplyWindow.unrestricted(target, "channel unavailable");
        }
        boolean templates = descriptor.supports(ChannelCapability.TEMPLATES);
        if (descriptor.replyWindow() == null) {
            return ReplyWindow.unrestricted(target, descriptor.name());
        }
        Optional<Instant> lastInbound = queries.lastInboundAt(target.channelAccountId(), target.identity());
        Instant closesAt = lastInbound.map(at -> at.plus(descriptor.replyWindow())).orElse(null);
        boolean open = closesAt != null && clock.instant().isBefore(closesAt);
        return new ReplyWindow(target, descriptor.name(), open, closesAt, descriptor.replyWindow(), templates);
    }

    /**
     * Queues the assistant's own answer on the customer's last channel, if free text may be sent there now.
     *
     * @throws ReplyNotPossibleException when the channel's reply window is closed or the text does not fit
     */
    public long replyAsAssistant(long conversationId, String authorName, String text, String decision) {
        ReplyTarget target = defaultTarget(conversationId);
        checkLength(target.channelAccountId(), text);
        ReplyWindow window = window(target);
        if (!window.open()) {
            throw new ReplyNotPossibleException(window.explanation());
        }
        return queue(conversationId, target, null, authorName, text, null, decision, List.of());
    }

    /**
     * Queues a satisfaction survey on the customer's last channel, which must still be {@code channelAccountId} (the
     * text was written for it). An automatic message: recorded as CSAT_SENT, never as an agent's or the assistant's
     * reply. {@code sameTransaction} gets the new message's id inside the transaction that stores it, so the
     * caller's own record commits or rolls back with the message; an exception from it rolls everything back.
     *
     * @throws ReplyNotPossibleException when the customer wrote on another channel meanwhile, the channel's reply
     *                                   window is closed or the text does not fit
     */
    public long sendSurvey(long conversationId, String channelAccountId, String authorName, String text,
            String detail, java.util.function.LongConsumer sameTransaction) {
        ReplyTarget target = defaultTarget(conversationId);
        if (!target.channelAccountId().equals(channelAccountId)) {
            throw new ReplyNotPossibleException("the customer wrote on another channel meanwhile");
        }
        checkLength(target.channelAccountId(), text);
        ReplyWindow window = window(target);
        if (!window.open()) {
            throw new ReplyNotPossibleException(window.explanation());
        }
        return ConflictRetry.retry(() -> transaction.execute(status -> {
            Message message = store.appendAutomatic(conversationId, target.channelAccountId(), target.identity(),
                    authorName, text, org.switchboard.portal.conversation.ConversationEventType.CSAT_SENT, detail);
            sameTransaction.accept(message.getId());
            enqueue(message.getId(), target.channelAccountId());
            return message.getId();
        }));
    }

    /* A customer's message arriving at the same moment changes the conversation too: written again then. */
    private long queue(long conversationId, ReplyTarget target, Long agentId, String authorName, String body,
            String templateJson, String botDecision, List<Attachment> attachments) {
        return ConflictRetry.retry(() -> queueOnce(conversationId, target, agentId, authorName, body, templateJson,
                botDecision, attachments));
    }

    private long queueOnce(long conversationId, ReplyTarget target, Long agentId, String authorName, String body,
            String templateJson, String botDecision, List<Attachment> attachments) {
        Long messageId = transaction.execute(status -> {
            Message message = store.appendOutbound(conversationId, target.channelAccountId(), target.identity(),
                    agentId, authorName, body, templateJson, botDecision);
            files.attach(message.getId(), attachments);
            enqueue(message.getId(), target.channelAccountId());
            return message.getId();
        });
        return messageId;
    }

    /* The outbox row commits with the message; the dispatcher is woken once both are visible. */
    private void enqueue(long messageId, String channelAccountId) {
        outbox.save(new OutboxEntry(messageId, channelAccountId, clock.instant()));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                dispatcher.wake();
            }
        });
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
