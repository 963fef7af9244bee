package org.switchboard.portal.automation;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.portal.agent.AgentDirectory;
import org.switchboard.portal.agent.Role;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.conversation.ConversationSummary;
import org.switchboard.portal.customer.Inbound;
import org.switchboard.portal.ingest.InboundPipeline;

/** Customers writing in through the real pipeline, agents, and what happened to a conversation, for rule tests. */
final class AutomationFixture {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final InboundPipeline pipeline;
    private final ChannelAccounts accounts;
    private final AgentDirectory agents;
    private final ConversationQueries queries;
    private final JdbcTemplate jdbc;

    AutomationFixture(InboundPipeline pipeline, ChannelAccounts accounts, AgentDirectory agents,
            ConversationQueries queries, JdbcTemplate jdbc) {
        this.pipeline = pipeline;
        this.accounts = accounts;
        this.agents = agents;
        this.queries = queries;
        this.jdbc = jdbc;
    }

    /** A web chat account of its own, so a channel condition on it matches this test's conversations only. */
    String chatAccount() {
        return accounts.create("Automation chat " + UUID.randomUUID(), "webchat", Map.of()).id();
    }

    /** A new chat visitor (an id as the widget makes them: 128 random bits, base64url), to write and be answered. */
    Identity visitor() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return new Identity(IdentityKind.WEBCHAT_VISITOR, Base64.getUrlEncoder().withoutPadding().encodeToString(bits));
    }

    /** The visitor writes; returns the conversation the message went to. */
    long writes(String accountId, Identity visitor, String name, String text) {
        return new Inbound(pipeline, accounts, jdbc).writes(accountId, visitor, name, text).conversationId();
    }

    long agent(String name) {
        return agents.create(name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID() + "@example.test", name,
                "a long enough password", Set.of(Role.AGENT)).id();
    }

    ConversationSummary conversation(long id) {
        return queries.summaries(List.of(id)).getFirst();
    }

    /** The details of the conversation's AUTOMATION_APPLIED events, oldest first. */
    List<String> applied(long conversationId) {
        return jdbc.queryForList("select detail from conversation_event where conversation_id = ? and event_type ="
                + " 'AUTOMATION_APPLIED' order by id", String.class, conversationId);
    }

    List<String> events(long conversationId, String type) {
        return jdbc.queryForList("select coalesce(detail, '') from conversation_event where conversation_id = ? and"
                + " event_type = ? order by id", String.class, conversationId, type);
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
