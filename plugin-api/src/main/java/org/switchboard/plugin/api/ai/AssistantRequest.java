package org.switchboard.plugin.api.ai;

import java.util.List;
import java.util.Objects;
import org.switchboard.plugin.api.config.ChannelConfig;
import org.switchboard.plugin.api.customer.CustomerRecord;

/**
 * Everything an assistant may use to answer: the conversation across channels, the customer, their records in
 * other systems, passages the host retrieved, and the classifications of the latest message.
 *
 * @param conversation the conversation
 * @param customer     the customer
 * @param customerData records from customer-data sources (orders...), newest first
 * @param passages     knowledge passages, best first
 * @param intent       the intent of the latest customer message, or {@code null}
 * @param sentiment    its sentiment, or {@code null}
 * @param config       the assistant's configuration (e.g. an LLM endpoint), secrets decrypted
 * @since 0.4.0 (incubating)
 */
public record AssistantRequest(ConversationSnapshot conversation, CustomerSnapshot customer,
        List<CustomerRecord> customerData, List<KnowledgePassage> passages, Classification intent,
        Classification sentiment, ChannelConfig config) {

    public AssistantRequest {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(customer, "customer");
        customerData = List.copyOf(customerData);
        passages = List.copyOf(passages);
        config = config == null ? new ChannelConfig(java.util.Map.of()) : config;
    }
}
