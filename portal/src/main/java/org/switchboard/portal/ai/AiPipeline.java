package org.switchboard.portal.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.switchboard.plugin.api.ai.AiException;
import org.switchboard.plugin.api.ai.AssistantReply;
import org.switchboard.plugin.api.ai.AssistantRequest;
import org.switchboard.plugin.api.ai.Classification;
import org.switchboard.plugin.api.ai.ConversationSnapshot;
import org.switchboard.plugin.api.ai.MessageClassifier;
import org.switchboard.plugin.api.ai.ReplyAssistant;
import org.switchboard.plugin.api.customer.CustomerRecord;
import org.switchboard.portal.Workers;
import org.switchboard.portal.conversation.AiDecisions;
import org.switchboard.portal.conversation.ConflictRetry;
import org.switchboard.portal.conversation.ConversationDetail;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.conversation.CustomerMessageStored;
import org.switchboard.portal.conversation.Priority;
import org.switchboard.portal.customer.CustomerProfile;
import org.switchboard.portal.customer.CustomerProfiles;
import org.switchboard.portal.customerdata.CustomerDataSources;
import org.switchboard.portal.customerdata.SourceRecords;
import org.switchboard.portal.outbound.ReplyNotPossibleException;
import org.switchboard.portal.outbound.ReplyService;
import org.switchboard.portal.plugin.Contributed;
import org.switchboard.portal.plugin.PluginHost;
import org.switchboard.portal.triage.TriageFacts;
import org.switchboard.portal.triage.TriageRules;

/**
 * After a customer's message is committed: classify it with every classifier plugin, raise the priority of an
 * upset customer, and let the assistant answer (only allowed intents, only when confident, only when the channel
 * takes free text now) or suggest a reply to the agent, or hand over with a summary. One worker thread with a
 * bounded queue: models never slow ingestion down, and when they cannot keep up, messages skip AI (logged).
 * Without AI plugins, or when one fails, the conversation simply waits for a human.
 */
@Service
public class AiPipeline implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AiPipeline.class);

    private final PluginHost plugins;
    private final ConversationQueries queries;
    private final CustomerProfiles profiles;
    private final CustomerDataSources dataSources;
    private final KnowledgeRetrieval retrieval;
    private final ReplyService replies;
    private final AiDecisions decisions;
    private final ConversationSnapshots snapshots;
    private final AiProperties properties;
    private final TriageRules triage;
    private final AiModelChoices choices;
    private final ThreadPoolExecutor worker;
    private final java.util.concurrent.atomic.AtomicLong skipped = new java.util.concurrent.atomic.AtomicLong();

    AiPipeline(PluginHost plugins, ConversationQueries queries, CustomerProfiles profiles,
            CustomerDataSources dataSources, KnowledgeRetrieval retrieval, ReplyService replies, AiDecisions decisions,
            ConversationSnapshots snapshots, AiProperties properties, TriageRules triage, AiModelChoices choices) {
        this.triage = triage;
        this.choices = choices;
        this.plugins = plugins;
        this.queries = queries;
        this.profiles = profiles;
        this.dataSources = dataSources;
        this.retrieval = retrieval;
        this.replies = replies;
        this.decisions = decisions;
        this.snapshots = snapshots;
        this.properties = properties;
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(properties.queueCapacity()),
                Thread.ofPlatform().daemon().name("ai-pipeline").factory());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onCustomerMessage(CustomerMessageStored stored) {
        if (!properties.enabled()) {
            return;
        }
        try {
            worker.execute(() -> process(stored.conversationId()));
        } catch (RejectedExecutionException full) {
            long dropped = skipped.incrementAndGet();
            if (dropped == 1 || dropped % 1_000 == 0) {
                log.warn("AI queue full: {} customer messages so far skipped AI and wait for a human", dropped);
            }
        }
    }

    /** Classifies and answers the conversation's latest customer message now, on the calling thread. */
    public void process(long conversationId) {
        try {
            processOrThrow(conversationId);
        } catch (RuntimeException e) {
            log.warn("AI pipeline failed on conversation {}; it waits for a human", conversationId, e);
        }
    }

    private void processOrThrow(long conversationId) {
        // Before reading the conversation: nothing installed and no triage rule means nothing to do. Which model
        // answers is chosen below, per channel account, once the conversation is read.
        if (plugins.extensions(MessageClassifier.class).isEmpty() && plugins.extensions(ReplyAssistant.class).isEmpty()
                && triage.list().isEmpty()) {
            return;
        }
        ConversationDetail detail = queries.detail(conversationId).orElse(null);
        if (detail == null) {
            return;
        }
        // The models the admin chose for this channel account (or the workspace): one per task, or none.
        String account = detail.summary().channelAccountId();
        List<Contributed<MessageClassifier>> classifiers = java.util.stream.Stream.of(AiTask.INTENT, AiTask.SENTIMENT)
                .flatMap(task -> choices.classifier(task, account).stream()).toList();
        Optional<Contributed<ReplyAssistant>> chosenAssistant = choices.assistant(account);
        ConversationSnapshot conversation = snapshots.of(detail);
        String text = conversation.lastCustomerText();
        Classification intent = null;
        Classification sentiment = null;
        for (Contributed<MessageClassifier> classifier : classifiers) {
            try {
                Classification result = classifier.extension().classify(text, conversation);
                ConflictRetry.retry(() -> decisions.classified(conversationId, classifier.extension().task(), result));
                if (classifier.extension().task() == MessageClassifier.Task.INTENT) {
                    intent = result;
                } else {
                    sentiment = result;
                }
            } catch (AiException | RuntimeException e) {
                log.warn("Classifier {} failed on conversation {}: {}", classifier.pluginId(), conversationId,
                        e.getMessage());
            }
        }
        triage(conversationId, detail, conversation, intent, sentiment);
        boolean upset = sentiment != null && sentiment.label().equals("negative")
                && sentiment.confidence() >= properties.negativeSentimentAt();
        if (upset) {
            String why = "negative sentiment " + String.format(java.util.Locale.ROOT, "%.2f", sentiment.confidence());
            ConflictRetry.retry(() -> decisions.prioritised(conversationId, Priority.HIGH, why));
        }
        if (chosenAssistant.isEmpty()) {
            return;
        }
        CustomerProfile customer = profiles.profile(detail.summary().customerId()).orElse(null);
        if (customer == null) {
            return;
        }
        AssistantRequest request = new AssistantRequest(conversation, snapshots.of(customer), recordsOf(customer),
                retrieval.passages(text, customer.language()), intent, sentiment, null);
        Contributed<ReplyAssistant> assistant = chosenAssistant.get();
        AssistantReply reply;
        try {
            reply = assistant.extension().reply(request);
        } catch (AiException | RuntimeException e) {
            log.warn("Assistant {} failed on conversation {}: {}", assistant.pluginId(), conversationId,
                    e.getMessage());
            return;
        }
        act(conversationId, reply, intent, upset);
    }

    private void act(long conversationId, AssistantReply reply, Classification intent, boolean upset) {
        if (reply.decision() == AssistantReply.Decision.ESCALATE) {
            ConflictRetry.retry(() -> decisions.escalated(conversationId, reply));
            return;
        }
        String notAlone = whyNotAlone(reply, intent, upset);
        if (notAlone != null) {
            // A human answers: the suggestion is ready for them, and so is the summary of what the customer wants.
            ConflictRetry.retry(() -> decisions.suggested(conversationId, reply, notAlone));
            ConflictRetry.retry(() -> decisions.handedOver(conversationId, reply));
            return;
        }
        try {
            replies.replyAsAssistant(conversationId, properties.assistantName(), reply.text(),
                    AiDecisions.describe(reply));
        } catch (ReplyNotPossibleException closed) {
            ConflictRetry.retry(() -> decisions.suggested(conversationId, reply, closed.getMessage()));
        }
    }

    private void triage(long conversationId, ConversationDetail detail, ConversationSnapshot conversation,
            Classification intent, Classification sentiment) {
        java.util.Map<String, String> attributes = profiles.profile(detail.summary().customerId())
                .map(CustomerProfile::attributes).orElse(java.util.Map.of());
        TriageFacts facts = new TriageFacts(intent == null ? null : intent.label(),
                sentiment == null ? null : sentiment.label(), conversation.channel(), attributes);
        ConflictRetry.retry(() -> triage.apply(conversationId, facts));
    }

    /** Why the answer must wait for an agent, or {@code null} when the assistant may send it. */
    private String whyNotAlone(AssistantReply reply, Classification intent, boolean upset) {
        if (reply.text() == null || reply.text().isBlank()) {
            return "the assistant gave no text";
        }
        if (upset) {
            return "the customer is upset";
        }
        if (intent == null || !properties.autonomousIntents().contains(intent.label())) {
            return "intent " + (intent == null ? "unknown" : intent.label()) + " is not answered autonomously";
        }
        if (reply.confidence() < properties.minConfidence()) {
            return String.format(java.util.Locale.ROOT, "confidence %.2f below %.2f", reply.confidence(),
                    properties.minConfidence());
        }
        return null;
    }

    private List<CustomerRecord> recordsOf(CustomerProfile customer) {
        List<CustomerRecord> records = new ArrayList<>();
        for (SourceRecords answer : dataSources.lookup(customer.id(), customer.displayName(),
                snapshots.of(customer).identities())) {
            records.addAll(answer.records());
        }
        return records;
    }

    /**
     * Returns once every customer message queued before has been through the pipeline. For tests, in any package,
     * whose conversation the pipeline would otherwise change under them (summary, intent, a reply or a hand-over).
     */
    public void awaitIdle() {
        Workers.awaitIdle(worker, "the AI pipeline");
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
