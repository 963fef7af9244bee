package org.switchboard.portal.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.api.channel.ThreadingHints;
import org.switchboard.plugin.testkit.ProviderStub;
import org.switchboard.plugins.whatsapp.WhatsappScenario;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.channel.PublicUrlProperties;
import org.switchboard.portal.channels.ScenarioDelivery;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.conversation.MessageView;
import org.switchboard.portal.ingest.InboundPipeline;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The seeds' story: a customer writes on the web chat at night (giving their email), by email the next morning,
 * and on WhatsApp later (the agent had added their number). One customer, one conversation, one timeline across
 * the three channels, with the channel switches recorded, and nobody asked to repeat themselves.
 */
@PortalTest
class CustomerJourneyTest extends PortalTest.Base {

    @LocalServerPort
    int port;

    @Autowired
    InboundPipeline pipeline;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    CustomerProfiles profiles;

    @Autowired
    ConversationQueries queries;

    @Autowired
    PublicUrlProperties urls;

    @Autowired
    DataSource dataSource;

    @Test
    void web_chat_at_night_email_next_morning_whatsapp_later_is_one_customer_and_one_timeline() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String email = "kim." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String phone = "+4917612" + (int) (Math.random() * 900_000 + 100_000);
        String chat = accounts.create("Shop chat " + UUID.randomUUID(), "webchat", Map.of()).id();
        String mailbox = accounts.create("Support mail " + UUID.randomUUID(), "email", Map.of(
                "imapHost", "127.0.0.1", "imapPort", "1", "imapSecurity", "none", "imapUsername", "support",
                "imapPassword", "not-used-here", "smtpHost", "127.0.0.1", "smtpPort", "1", "smtpSecurity", "none",
                "fromAddress", "support@example.test")).id();
        accounts.setEnabled(mailbox, false); // its mailbox is not reachable here; messages come in below

        Instant night = Instant.now().minus(9, ChronoUnit.HOURS);
        String visitor = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
        pipeline.ingest(chat, List.of(new InboundMessage(visitor + ":1", new Identity(IdentityKind.WEBCHAT_VISITOR,
                visitor), "Kim Night", List.of(Identity.email(email)), "My blender arrived broken, order 4827",
                null, List.of(), night, ThreadingHints.NONE, Map.of())));
        long customerId = customerOf(jdbc, visitor + ":1");

        Instant morning = Instant.now().minus(1, ChronoUnit.HOURS);
        String mailId = UUID.randomUUID() + "@mail.example.org";
        pipeline.ingest(mailbox, List.of(new InboundMessage(mailId, Identity.email(email.toUpperCase()), "Kim Night",
                List.of(), "Following up on last night's chat: can I get a replacement?", null, List.of(), morning,
                new ThreadingHints("Broken blender", mailId, null, List.of()), Map.of())));
        assertThat(customerOf(jdbc, mailId)).isEqualTo(customerId);

        // The agent adds the phone number Kim mentioned; then Kim writes on WhatsApp.
        profiles.addIdentity(customerId, "phone", phone);
        try (ProviderStub provider = ProviderStub.start()) {
            WhatsappScenario whatsapp = new WhatsappScenario();
            String wa = accounts.create("WhatsApp " + UUID.randomUUID(), "whatsapp", whatsapp.config(provider.baseUrl()))
                    .id();
            String waId = "wamid.journey" + UUID.randomUUID().toString().replace("-", "");
            URI webhook = urls.webhookUrl(wa);
            assertThat(new ScenarioDelivery(port).deliver(wa, whatsapp.inboundText(webhook, waId, phone.substring(1),
                    "Any news on the replacement?")).statusCode()).isEqualTo(200);
            assertThat(customerOf(jdbc, waId)).isEqualTo(customerId);

            List<Long> conversations = jdbc.queryForList("select distinct conversation_id from message where"
                    + " external_id in (?, ?, ?)", Long.class, visitor + ":1", mailId, waId);
            assertThat(conversations).hasSize(1);
            assertThat(jdbc.queryForObject("select count(*) from conversation_event where conversation_id = ? and"
                    + " event_type = 'CHANNEL_SWITCHED'", Integer.class, conversations.getFirst())).isEqualTo(2);
            List<MessageView> timeline = queries.timeline(customerId, null, 10);
            assertThat(timeline).extracting(MessageView::text).containsExactly("Any news on the replacement?",
                    "Following up on last night's chat: can I get a replacement?",
                    "My blender arrived broken, order 4827");
            assertThat(timeline).extracting(MessageView::channelAccountId).containsExactly(wa, mailbox, chat);
            assertThat(profiles.profile(customerId).orElseThrow().identities())
                    .extracting(CustomerProfile.Identity::kind).contains("webchat-visitor", "email", "phone");
        }
    }

    private static long customerOf(JdbcTemplate jdbc, String externalId) {
        return jdbc.queryForObject("select c.customer_id from message m join conversation c on c.id ="
                + " m.conversation_id where m.external_id = ?", Long.class, externalId);
    }
}
