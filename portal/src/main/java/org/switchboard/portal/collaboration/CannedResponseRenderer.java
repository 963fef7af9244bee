package org.switchboard.portal.collaboration;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.plugin.api.customer.CustomerRecord;
import org.switchboard.portal.agent.AgentView;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.conversation.ConversationSummary;
import org.switchboard.portal.conversation.UnknownConversationException;
import org.switchboard.portal.customer.CustomerProfile;
import org.switchboard.portal.customer.CustomerProfiles;
import org.switchboard.portal.customerdata.CustomerDataSources;
import org.switchboard.portal.customerdata.SourceRecords;

/**
 * Fills a canned response's variables for one conversation and agent. The order number asks the customer-data
 * sources (the shop), so it is looked up only when the text uses it.
 */
@Service
public class CannedResponseRenderer {

    /** The variables a canned response may use, with what they stand for (shown to agents writing responses). */
    public static final Map<String, String> VARIABLES = variables();

    private final ConversationQueries queries;
    private final CustomerProfiles profiles;
    private final CustomerDataSources dataSources;

    CannedResponseRenderer(ConversationQueries queries, CustomerProfiles profiles, CustomerDataSources dataSources) {
        this.queries = queries;
        this.profiles = profiles;
        this.dataSources = dataSources;
    }

    /**
     * The text with its variables filled for this conversation and agent.
     *
     * @throws UnknownConversationException if there is no such conversation
     */
    public RenderedResponse render(String body, long conversationId, AgentView agent) {
        ConversationSummary conversation = queries.summaries(List.of(conversationId)).stream().findFirst()
                .orElseThrow(() -> new UnknownConversationException(conversationId));
        Supplier<Optional<CustomerProfile>> customer = once(() -> profiles.profile(conversation.customerId()));
        Map<String, Supplier<String>> values = new LinkedHashMap<>();
        values.put("customer.name", () -> customer.get().map(CustomerProfile::displayName).orElse(null));
        values.put("customer.first_name", () -> customer.get().map(CustomerProfile::displayName)
                .map(CannedResponseRenderer::firstName).orElse(null));
        values.put("customer.email", () -> customer.get().flatMap(c -> c.identities().stream()
                .filter(i -> i.kind().equals(IdentityKind.EMAIL.id())).map(CustomerProfile.Identity::value)
                .findFirst()).orElse(null));
        values.put("agent.name", agent::displayName);
        values.put("agent.first_name", () -> firstName(agent.displayName()));
        values.put("conversation.id", () -> Long.toString(conversationId));
        values.put("order.number", () -> customer.get().flatMap(this::latestOrder).orElse(null));
        return VariableText.render(body, values);
    }

    /* The most recently updated order any source knows (sources list newest first; undated ones rank last). */
    private Optional<String> latestOrder(CustomerProfile customer) {
        List<Identity> identities = customer.identities().stream()
                .map(i -> new Identity(new IdentityKind(i.kind()), i.value())).toList();
        List<CustomerRecord> orders = dataSources.lookup(customer.id(), customer.displayName(), identities).stream()
                .map(SourceRecords::records).flatMap(List::stream)
                .filter(r -> r.type().equalsIgnoreCase("order") && !r.reference().isBlank()).toList();
        return orders.stream().max(Comparator.comparing((CustomerRecord r) -> r.updatedAt() == null ? Instant.MIN
                : r.updatedAt()).thenComparing(r -> -orders.indexOf(r))).map(CustomerRecord::reference);
    }

    private static String firstName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return name.strip().split("\\s+")[0];
    }

    private static <T> Supplier<T> once(Supplier<T> supplier) {
        return new Supplier<>() {
            private boolean done;
            private T value;

            @Override
            public T get() {
                if (!done) {
                    value = supplier.get();
                    done = true;
                }
                return value;
            }
        };
    }

    private static Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("customer.name", "the customer's name");
        variables.put("customer.first_name", "the first word of the customer's name");
        variables.put("customer.email", "the customer's email address");
        variables.put("agent.name", "your name");
        variables.put("agent.first_name", "your first name");
        variables.put("conversation.id", "the conversation number");
        variables.put("order.number", "the customer's latest order number from the shop");
        return java.util.Collections.unmodifiableMap(variables);
    }
}
