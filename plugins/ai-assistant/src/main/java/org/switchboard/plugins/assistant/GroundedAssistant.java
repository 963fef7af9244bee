package org.switchboard.plugins.assistant;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.pf4j.Extension;
import org.switchboard.plugin.api.PluginContext;
import org.switchboard.plugin.api.ai.AiException;
import org.switchboard.plugin.api.ai.AssistantReply;
import org.switchboard.plugin.api.ai.AssistantReply.Decision;
import org.switchboard.plugin.api.ai.AssistantRequest;
import org.switchboard.plugin.api.ai.Classification;
import org.switchboard.plugin.api.ai.ModelInfo;
import org.switchboard.plugin.api.ai.ReplyAssistant;
import org.switchboard.plugin.api.ai.SnapshotMessage;
import org.switchboard.plugin.api.config.ConfigField;
import org.switchboard.plugin.api.customer.CustomerRecord;

/**
 * The reply assistant: answers order-status, refund-status and policy questions from the customer's records and
 * the host's knowledge passages, and hands everything else to a person with a summary. The decision, the facts and
 * the sources are always its own; an optional OpenAI-compatible LLM only rewords the template answer. Public
 * because PF4J instantiates it.
 */
@Extension
public class GroundedAssistant implements ReplyAssistant {

    static final String ID = "assistant";
    static final String VERSION = "0.1.0";
    static final ModelInfo TEMPLATES = new ModelInfo("assistant-templates", VERSION);

    private final LlmPhraser llm;

    /** For PF4J: the plugin's shared HTTP client, or a private one outside a host. */
    public GroundedAssistant() {
        this(GroundedAssistant::httpClient);
    }

    GroundedAssistant(Supplier<HttpClient> http) {
        this.llm = new LlmPhraser(http);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ModelInfo model() {
        return TEMPLATES;
    }

    @Override
    public List<ConfigField> configSchema() {
        return LlmSettings.SCHEMA;
    }

    @Override
    public AssistantReply reply(AssistantRequest request) throws AiException {
        try {
            return decide(request);
        } catch (RuntimeException e) {
            throw new AiException("the assistant failed on this conversation: " + e.getClass().getSimpleName(), e);
        }
    }

    private AssistantReply decide(AssistantRequest request) {
        List<SnapshotMessage> messages = request.conversation().messages();
        String latest = request.conversation().lastCustomerText();
        Topic.Resolved topic = Topic.resolve(request.intent(), latest);
        List<String> earlier = earlierCustomerTexts(messages);
        List<String> orders = quotedOrders(messages, request.customerData());
        Escalation escalation = new Escalation(request, topic.topic(), orders);

        if (latest.isBlank()) {
            return escalation.because("the customer has written nothing to answer", 0.9);
        }
        // hand-over rules first: none of them can be outweighed by good evidence
        if (CustomerText.asksForHuman(latest)) {
            return escalation.because("the customer asked for a human", 0.95);
        }
        if (topic.topic() == Topic.COMPLAINT || CustomerText.complains(latest)) {
            boolean labelled = request.intent() != null
                    && Topic.fromLabel(request.intent().label()) == Topic.COMPLAINT;
            return labelled
                    ? escalation.asComplaint(String.format(Locale.ROOT, "complaint (intent %s %.2f)",
                            request.intent().label(), request.intent().confidence()), request.intent().confidence())
                    : escalation.asComplaint("complaint wording in the customer's message", 0.8);
        }
        double negative = Confidence.negativity(request.sentiment());
        if (negative >= Confidence.NEGATIVE_ESCALATES) {
            return escalation.because(String.format(Locale.ROOT, "negative sentiment (%.2f)", negative), negative);
        }
        if (CustomerText.reportsDamage(latest)) {
            return escalation.because("the customer reports a damaged, faulty, wrong or missing item", 0.85);
        }
        Optional<String> repeated = repeated(messages, latest);
        if (repeated.isPresent()) {
            return escalation.because(repeated.get(), 0.85);
        }
        if (CustomerText.asksForAction(latest)) {
            return escalation.because("the customer asks for a change only staff can make (cancel or change)",
                    0.8);
        }
        return switch (topic.topic()) {
            case ORDER_STATUS -> orderStatus(request, topic, latest, earlier, escalation);
            case REFUND -> refund(request, topic, latest, earlier, escalation);
            case KNOWLEDGE -> knowledge(request, topic, latest, escalation);
            case COMPLAINT, OTHER -> escalation.because("the request (" + (request.intent() == null
                    ? "no intent recognised" : "intent " + request.intent().label())
                    + ") is not one the assistant answers", 0.7);
        };
    }

    private AssistantReply orderStatus(AssistantRequest request, Topic.Resolved topic, String latest,
            List<String> earlier, Escalation escalation) {
        OrderEvidence evidence = OrderEvidence.forOrder(latest, earlier, request.customerData());
        if (evidence.match() == OrderEvidence.Match.UNKNOWN) {
            return escalation.withOrders(evidence.mentioned()).because("order " + hashed(evidence.mentioned())
                    + " is not among the customer's orders", 0.9);
        }
        if (evidence.match() == OrderEvidence.Match.NONE) {
            return escalation.because("no order on record for this customer", 0.85);
        }
        CustomerRecord order = evidence.record();
        String status = order.status().toLowerCase(Locale.ROOT);
        if (CustomerText.reportsNotReceived(latest) && (status.contains("delivered") || status.contains("zugestellt")
                || status.contains("completed"))) {
            return escalation.withOrders(List.of(order.reference())).because("order #" + order.reference()
                    + " shows " + order.status() + " but the customer says it did not arrive", 0.9);
        }
        Language language = Language.of(request.customer().language(), latest);
        String draft = ReplyTemplates.orderStatus(language, evidence, variant(request));
        List<String> facts = recordFacts(order, evidence.match());
        List<String> keyFacts = new ArrayList<>(List.of(order.reference()));
        OrderEvidence.detail(order, OrderEvidence.TRACKING_KEYS).ifPresent(keyFacts::add);
        String why = "order #" + order.reference() + " " + describe(evidence.match());
        return answer(request, topic, language, latest, draft, facts, keyFacts,
                List.of(OrderEvidence.ORDER + ":" + order.reference()),
                Confidence.forRecord(evidence, topic, request.intent(), request.sentiment()), why,
                escalation.withOrders(List.of(order.reference())));
    }

    private AssistantReply refund(AssistantRequest request, Topic.Resolved topic, String latest,
            List<String> earlier, Escalation escalation) {
        OrderEvidence evidence = OrderEvidence.forRefund(latest, earlier, request.customerData());
        if (evidence.found()) {
            CustomerRecord record = evidence.record();
            Language language = Language.of(request.customer().language(), latest);
            String draft = ReplyTemplates.refund(language, evidence, variant(request));
            List<String> keyFacts = new ArrayList<>(List.of(record.reference()));
            String source = record.type().toLowerCase(Locale.ROOT) + ":" + record.reference();
            String why = record.type().toLowerCase(Locale.ROOT) + " " + record.reference() + " "
                    + describe(evidence.match());
            return answer(request, topic, language, latest, draft, recordFacts(record, evidence.match()), keyFacts,
                    List.of(source), Confidence.forRecord(evidence, topic, request.intent(), request.sentiment()),
                    why, escalation.withOrders(List.of(OrderEvidence.detail(record, OrderEvidence.ORDER_KEYS)
                            .map(OrderEvidence::stripHash).orElse(record.reference()))));
        }
        // "how long do refunds take?" is a policy question when there is no refund to look at
        PassageEvidence passage = PassageEvidence.choose(latest, request.passages());
        if (passage.found() && evidence.match() != OrderEvidence.Match.UNKNOWN
                && CustomerText.orderNumbers(latest).isEmpty() && CustomerText.isQuestion(latest)) {
            return knowledgeAnswer(request, topic, latest, passage, escalation);
        }
        if (evidence.match() == OrderEvidence.Match.UNKNOWN) {
            OrderEvidence order = OrderEvidence.forOrder(latest, earlier, request.customerData());
            String why = order.found()
                    ? "order #" + order.record().reference() + " has no refund on record"
                    : "order " + hashed(evidence.mentioned()) + " is not among the customer's orders";
            return escalation.withOrders(evidence.mentioned()).because(why, 0.85);
        }
        return escalation.because("no refund on record for this customer and no passage answers the question",
                0.8);
    }

    private AssistantReply knowledge(AssistantRequest request, Topic.Resolved topic, String latest,
            Escalation escalation) {
        PassageEvidence passage = PassageEvidence.choose(latest, request.passages());
        if (!passage.found()) {
            return escalation.because(request.passages().isEmpty() ? "no knowledge passage was retrieved"
                    : "no knowledge passage supports an answer", 0.75);
        }
        return knowledgeAnswer(request, topic, latest, passage, escalation);
    }

    private AssistantReply knowledgeAnswer(AssistantRequest request, Topic.Resolved topic, String latest,
            PassageEvidence passage, Escalation escalation) {
        Language language = Language.of(request.customer().language(), latest);
        String draft = ReplyTemplates.knowledge(language, passage, variant(request));
        List<String> facts = new ArrayList<>();
        facts.add("Article “" + passage.passage().title() + "” (" + passage.passage().sourceId() + "): "
                + passage.excerpt());
        if (passage.passage().url() != null && !passage.passage().url().isBlank()) {
            facts.add("Link to the article: " + passage.passage().url());
        }
        String why = String.format(Locale.ROOT, "passage %s covers %.0f%% of the question's words (margin %.2f)",
                passage.passage().sourceId(), passage.coverage() * 100, passage.margin());
        return answer(request, topic, language, latest, draft, facts, List.of(),
                List.of(passage.passage().sourceId()),
                Confidence.forPassage(passage, topic, request.intent(), request.sentiment()), why, escalation);
    }

    /** The template answer, reworded by the LLM when one is configured and its reply keeps the key facts. */
    private AssistantReply answer(AssistantRequest request, Topic.Resolved topic, Language language, String latest,
            String draft, List<String> facts, List<String> keyFacts, List<String> sources, double confidence,
            String why, Escalation context) {
        StringBuilder problem = new StringBuilder();
        Optional<LlmSettings> settings = LlmSettings.from(request.config(), problem);
        String text = draft;
        ModelInfo model = TEMPLATES;
        String reason = "answered from " + why;
        if (settings.isPresent()) {
            try {
                text = llm.phrase(settings.get(), language, latest, facts, draft, keyFacts);
                model = new ModelInfo("assistant-llm:" + settings.get().model(), VERSION);
                reason += "; phrased by the LLM";
            } catch (LlmPhraser.LlmFailure e) {
                reason += "; LLM not used: " + e.getMessage() + " — template answer used";
            }
        } else if (!problem.isEmpty()) {
            reason += "; LLM not used: " + problem + " — template answer used";
        }
        String summary = Handover.summarize(request, topic.topic(), context.orders(),
                String.format(Locale.ROOT, "answered (confidence %.2f) from %s", confidence, why));
        return new AssistantReply(Decision.ANSWER, text, confidence, sources, summary, reason, model);
    }

    /**
     * A repeated question: the bot already answered and the customer asks the same again, or says the answer did
     * not help. Only counted after a bot answer: asking twice before anyone answered is impatience, not failure.
     */
    static Optional<String> repeated(List<SnapshotMessage> messages, String latest) {
        int last = -1;
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).author() == SnapshotMessage.Author.CUSTOMER) {
                last = i;
                break;
            }
        }
        boolean botAnswered = false;
        double best = 0;
        String similar = null;
        for (int i = last - 1; i >= 0; i--) {
            SnapshotMessage message = messages.get(i);
            if (message.author() == SnapshotMessage.Author.BOT) {
                botAnswered = true;
            } else if (botAnswered && message.author() == SnapshotMessage.Author.CUSTOMER) {
                double similarity = CustomerText.similarity(message.text(), latest);
                if (similarity > best) {
                    best = similarity;
                    similar = message.text();
                }
            }
        }
        if (!botAnswered) {
            return Optional.empty();
        }
        if (CustomerText.saysUnanswered(latest)) {
            return Optional.of("repeated question: the customer says the bot's answer did not help or asks again");
        }
        if (best >= 0.5) {
            return Optional.of("repeated question: the customer asks again what the bot answered (“"
                    + CustomerText.shorten(similar, 60) + "”)");
        }
        return Optional.empty();
    }

    private static List<String> earlierCustomerTexts(List<SnapshotMessage> messages) {
        List<String> texts = new ArrayList<>();
        boolean skippedLatest = false;
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).author() == SnapshotMessage.Author.CUSTOMER) {
                if (skippedLatest) {
                    texts.add(messages.get(i).text());
                }
                skippedLatest = true;
            }
        }
        return texts;
    }

    /** Numbers the customer quoted, and references of their records they named without "#" or "order". */
    private static List<String> quotedOrders(List<SnapshotMessage> messages, List<CustomerRecord> records) {
        Set<String> orders = new LinkedHashSet<>();
        for (SnapshotMessage message : messages) {
            if (message.author() == SnapshotMessage.Author.CUSTOMER) {
                orders.addAll(CustomerText.orderNumbers(message.text()));
                records.stream().filter(r -> CustomerText.mentions(message.text(), r.reference()))
                        .forEach(r -> orders.add(r.reference()));
            }
        }
        return List.copyOf(orders);
    }

    /** What the LLM may use about a record, one fact per line. */
    private static List<String> recordFacts(CustomerRecord record, OrderEvidence.Match match) {
        List<String> facts = new ArrayList<>();
        facts.add(capitalized(record.type()) + " #" + record.reference()
                + (record.title().isBlank() ? "" : " — " + record.title()));
        if (!record.status().isBlank()) {
            facts.add("Status: " + record.status());
        }
        ReplyTemplates.amount(record).ifPresent(a -> facts.add("Amount: " + a));
        if (record.updatedAt() != null) {
            facts.add("Last updated: " + record.updatedAt().toString().substring(0, 10));
        }
        record.details().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> facts.add(capitalized(e.getKey()) + ": " + e.getValue()));
        if (match == OrderEvidence.Match.MOST_RECENT) {
            facts.add("The customer quoted no number; this is their most recent " + record.type()
                    + ", so say which one you mean");
        }
        return facts;
    }

    private static String describe(OrderEvidence.Match match) {
        return switch (match) {
            case QUOTED -> "quoted in the latest message";
            case QUOTED_EARLIER -> "quoted earlier in the conversation";
            case ONLY_ONE -> "(the customer's only one, no number quoted)";
            case MOST_RECENT -> "(the most recent, no number quoted: a guess)";
            case UNKNOWN, NONE -> "";
        };
    }

    private static String hashed(List<String> numbers) {
        return String.join(", ", numbers.stream().map(n -> "#" + n).toList());
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static int variant(AssistantRequest request) {
        return ReplyTemplates.variant(request.conversation().conversationId());
    }

    private static HttpClient httpClient() {
        return AssistantPlugin.current().map(PluginContext::httpClient).orElseGet(OwnClient::get);
    }

    /** Only built when the assistant runs outside a host (the evaluation, a test without the plugin class). */
    private static final class OwnClient {
        private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .build();

        static HttpClient get() {
            return CLIENT;
        }
    }

    /** Builds escalation replies with the summary for one request. */
    private record Escalation(AssistantRequest request, Topic topic, List<String> orders) {

        Escalation withOrders(List<String> more) {
            Set<String> all = new LinkedHashSet<>(orders);
            more.forEach(o -> all.add(OrderEvidence.stripHash(o)));
            return new Escalation(request, topic, List.copyOf(all));
        }

        AssistantReply because(String reason, double confidence) {
            return new AssistantReply(Decision.ESCALATE, null, Math.min(0.95, confidence), List.of(),
                    Handover.summarize(request, topic, orders, "handed over: " + reason), reason, TEMPLATES);
        }

        AssistantReply asComplaint(String reason, double confidence) {
            return new Escalation(request, Topic.COMPLAINT, orders).because(reason, confidence);
        }
    }
}
