package org.switchboard.portal.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.JdbcTemplate;
import org.switchboard.plugin.api.channel.Attachment;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.api.channel.ThreadingHints;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.ingest.InboundPipeline;

/** Customers writing in through the real pipeline, for tests: one place that knows how a test customer writes. */
public final class Inbound {

    private final InboundPipeline pipeline;
    private final ChannelAccounts accounts;
    private final JdbcTemplate jdbc;

    public Inbound(InboundPipeline pipeline, ChannelAccounts accounts, JdbcTemplate jdbc) {
        this.pipeline = pipeline;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    /** A channel account to deliver on (a web-chat account; the pipeline takes any identity kind from it). */
    public String account(String name) {
        return accounts.listByConnector("webchat").stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseGet(() -> accounts.create(name, "webchat", Map.of())).id();
    }

    /** Any web-chat account, or a new one named "Chat" when there is none (for tests that need just some account). */
    public String anyWebchatAccount() {
        return accounts.listByConnector("webchat").stream().findFirst()
                .orElseGet(() -> accounts.create("Chat", "webchat", Map.of())).id();
    }

    /** Stores a message; returns it as {@link Written}. */
    public Written writes(String accountId, Identity from, String name, String text, Attachment... files) {
        return writes(accountId, from, name, List.of(), text, files);
    }

    /** Stores a message whose sender also gives other identities (a pre-chat form's email); returns it. */
    public Written writes(String accountId, Identity from, String name, List<Identity> otherIdentities, String text,
            Attachment... files) {
        String externalId = UUID.randomUUID().toString();
        pipeline.ingest(accountId, List.of(new InboundMessage(externalId, from, name, otherIdentities, text, null,
                List.of(files), Instant.now(), ThreadingHints.NONE, Map.of())));
        return jdbc.queryForObject("""
                select m.id, m.conversation_id, c.customer_id from message m join conversation c
                on c.id = m.conversation_id where m.channel_account_id = ? and m.external_id = ?""",
                (rs, n) -> new Written(rs.getLong(1), rs.getLong(2), rs.getLong(3)), accountId, externalId);
    }

    /**
     * A stored message.
     *
     * @param messageId      message
     * @param conversationId its conversation
     * @param customerId     its customer
     */
    public record Written(long messageId, long conversationId, long customerId) {
    }

    /** A phone number no other test uses (a new customer). */
    public static Identity newPhone() {
        return Identity.phone("+4930" + ThreadLocalRandom.current().nextLong(10_000_000L, 100_000_000L));
    }

    /** A web-chat visitor no other test uses (a new customer): 22 characters, like the widget's ids. */
    public static Identity newVisitor() {
        return new Identity(IdentityKind.WEBCHAT_VISITOR, UUID.randomUUID().toString().replace("-", "")
                .substring(0, 22));
    }

    /** A word nobody else writes, to find one message by search. */
    public static String uniqueWord() {
        return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
    }
}
