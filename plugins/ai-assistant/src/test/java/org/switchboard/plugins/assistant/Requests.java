package org.switchboard.plugins.assistant;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.plugin.api.ai.AssistantRequest;
import org.switchboard.plugin.api.ai.Classification;
import org.switchboard.plugin.api.ai.ConversationSnapshot;
import org.switchboard.plugin.api.ai.CustomerSnapshot;
import org.switchboard.plugin.api.ai.KnowledgePassage;
import org.switchboard.plugin.api.ai.ModelInfo;
import org.switchboard.plugin.api.ai.SnapshotMessage;
import org.switchboard.plugin.api.ai.SnapshotMessage.Author;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.config.ChannelConfig;
import org.switchboard.plugin.api.customer.CustomerRecord;

/** Builds assistant requests the way the host would: conversation across channels, records, passages, labels. */
final class Requests {

    static final ModelInfo CLASSIFIER = new ModelInfo("test-classifier", "1");

    private final List<SnapshotMessage> messages = new ArrayList<>();
    private final List<CustomerRecord> records = new ArrayList<>();
    private final List<KnowledgePassage> passages = new ArrayList<>();
    private final Map<String, String> config = new HashMap<>();
    private String conversationId = "c-1";
    private String name = "Jane Doe";
    private String language;
    private Classification intent;
    private Classification sentiment;
    private Instant clock = Instant.parse("2026-11-20T09:00:00Z");

    static Requests conversation() {
        return new Requests();
    }

    Requests id(String id) {
        this.conversationId = id;
        return this;
    }

    Requests customerName(String value) {
        this.name = value;
        return this;
    }

    Requests language(String tag) {
        this.language = tag;
        return this;
    }

    Requests customer(String channel, String text) {
        return message(Author.CUSTOMER, channel, text);
    }

    Requests bot(String channel, String text) {
        return message(Author.BOT, channel, text);
    }

    Requests agent(String channel, String text) {
        return message(Author.AGENT, channel, text);
    }

    Requests message(Author author, String channel, String text) {
        clock = clock.plusSeconds(60);
        messages.add(new SnapshotMessage(author, channel, author == Author.CUSTOMER ? name : null, text, clock));
        return this;
    }

    Requests order(String reference, String status, String amount, String currency, String updatedAt,
            Map<String, String> details) {
        return record(new CustomerRecord("order", reference, "Order #" + reference, status,
                updatedAt == null ? null : Instant.parse(updatedAt), amount == null ? null : new BigDecimal(amount),
                currency, null, details));
    }

    Requests record(CustomerRecord record) {
        records.add(record);
        return this;
    }

    Requests passage(String sourceId, String title, String text, double score, String url) {
        passages.add(new KnowledgePassage(sourceId, title, text, score, url));
        return this;
    }

    Requests passages(List<KnowledgePassage> ranked) {
        passages.addAll(ranked);
        return this;
    }

    Requests intent(String label, double confidence) {
        this.intent = new Classification(label, confidence, Map.of(label, confidence), CLASSIFIER);
        return this;
    }

    Requests sentiment(String label, double confidence) {
        this.sentiment = new Classification(label, confidence, Map.of(label, confidence), CLASSIFIER);
        return this;
    }

    Requests config(String key, String value) {
        config.put(key, value);
        return this;
    }

    List<SnapshotMessage> messages() {
        return List.copyOf(messages);
    }

    AssistantRequest build() {
        String lastChannel = null;
        for (SnapshotMessage message : messages) {
            if (message.author() == Author.CUSTOMER) {
                lastChannel = message.channel();
            }
        }
        return new AssistantRequest(
                new ConversationSnapshot(conversationId, null, lastChannel, messages),
                new CustomerSnapshot("cust-1", name, language, List.<Identity>of(), Map.of()),
                records, passages, intent, sentiment, new ChannelConfig(config));
    }
}
