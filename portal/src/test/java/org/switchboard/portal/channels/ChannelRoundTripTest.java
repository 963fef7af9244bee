package org.switchboard.portal.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.switchboard.plugin.api.channel.ChannelCapability;
import org.switchboard.plugin.api.channel.ChannelConnector;
import org.switchboard.plugin.api.channel.DeliveryStatus;
import org.switchboard.plugin.api.channel.WebhookRequest;
import org.switchboard.plugin.testkit.ChannelScenario;
import org.switchboard.plugin.testkit.ProviderStub;
import org.switchboard.plugin.testkit.SendOutcome;
import org.switchboard.plugins.api.ApiScenario;
import org.switchboard.plugins.metamessenger.scenario.InstagramScenario;
import org.switchboard.plugins.metamessenger.scenario.MessengerScenario;
import org.switchboard.plugins.smstwilio.TwilioSmsScenario;
import org.switchboard.plugins.telegram.TelegramScenario;
import org.switchboard.plugins.whatsapp.WhatsappScenario;
import org.switchboard.portal.Await;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.TestData;
import org.switchboard.portal.agent.AgentDirectory;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.channel.ChannelConnections;
import org.switchboard.portal.channel.PublicUrlProperties;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.inbox.InboxCriteria;
import org.switchboard.portal.inbox.InboxQueries;
import org.switchboard.portal.inbox.InboxScope;
import org.switchboard.portal.conversation.ConversationSummary;
import org.switchboard.portal.outbound.OutboundDispatcher;
import org.switchboard.portal.plugin.PluginHost;
import org.switchboard.portal.plugin.PluginStatus;
import org.switchboard.portal.outbound.ReplyService;

/**
 * Every first-party webhook channel, end to end in the running portal: the plugin JAR as bundled, the provider
 * played by its plugin's own scenario (written from the provider's documentation) over real HTTP. A customer's
 * message comes in through the webhook, lands in the inbox, the agent's reply goes out through the provider's
 * API, and the provider's delivery receipt comes back.
 */
@PortalTest
class ChannelRoundTripTest extends PortalTest.Base {

    @LocalServerPort
    int port;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    ChannelConnections connections;

    @Autowired
    PublicUrlProperties urls;

    @Autowired
    ConversationQueries queries;

    @Autowired
    InboxQueries inbox;

    @Autowired
    ReplyService replies;

    @Autowired
    OutboundDispatcher dispatcher;

    @Autowired
    AgentDirectory agents;

    @Autowired
    PluginHost plugins;

    @Autowired
    DataSource dataSource;

    JdbcTemplate jdbc;

    static Stream<Named<ChannelScenario>> scenarios() {
        return Stream.<ChannelScenario>of(new WhatsappScenario(), new TwilioSmsScenario(), new MessengerScenario(),
                new InstagramScenario(), new TelegramScenario(), new ApiScenario())
                .map(scenario -> Named.of(scenario.connectorId(), scenario));
    }

    @BeforeEach
    void jdbc() {
        jdbc = new JdbcTemplate(dataSource);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void a_message_comes_in_the_reply_goes_out_and_the_delivery_status_comes_back(ChannelScenario scenario)
            throws Exception {
        try (ProviderStub provider = ProviderStub.start()) {
            String accountId = accounts.create(scenario.connectorId() + " " + UUID.randomUUID(),
                    scenario.connectorId(), scenario.config(provider.baseUrl())).id();
            URI webhookUrl = urls.webhookUrl(accountId);
            ScenarioDelivery delivery = new ScenarioDelivery(port);
            String providerId = "rt" + UUID.randomUUID().toString().replace("-", "");
            String text = "Where is my parcel " + providerId.substring(2, 10) + "?";

            // In: the provider's webhook, as documented, signed.
            HttpResponse<String> received = delivery.deliver(accountId,
                    scenario.inboundText(webhookUrl, providerId, scenario.sampleSender(), text));
            assertThat(received.statusCode()).as(received.body()).isBetween(200, 299);
            long conversationId = jdbc.queryForObject("select conversation_id from message where "
                    + "channel_account_id = ? and external_id = ?", Long.class, accountId,
                    scenario.expectedExternalId(providerId));
            ConversationSummary inInbox = inbox.page(InboxCriteria.of(InboxScope.ALL), null, null, 500).rows()
                    .stream().filter(c -> c.id() == conversationId).findFirst().orElseThrow();
            assertThat(inInbox.preview()).isEqualTo(text);

            // Out: the agent's reply through the provider's API.
            scenario.arrangeSend(provider, SendOutcome.ACCEPTED);
            long agentId = agents.findByEmail(TestData.ADMIN_EMAIL).orElseThrow().id();
            long replyId = replies.reply(conversationId, agentId, "Agent", "It ships today.", null);
            dispatcher.deliverDue();
            Await.until("the reply is sent", () -> queries.message(replyId).orElseThrow().deliveryStatus()
                    == DeliveryStatus.SENT);
            assertThat(provider.requests()).isNotEmpty();
            assertThat(jdbc.queryForObject("select external_id from message where id = ?", String.class, replyId))
                    .isEqualTo(scenario.acceptedMessageId());

            // Back: the provider's delivery receipt, where the channel has them.
            Optional<WebhookRequest> receipt = scenario.statusUpdate(webhookUrl, scenario.acceptedMessageId(),
                    DeliveryStatus.DELIVERED);
            if (receipt.isPresent()) {
                HttpResponse<String> status = delivery.deliver(accountId, receipt.get());
                assertThat(status.statusCode()).as(status.body()).isBetween(200, 299);
                assertThat(queries.message(replyId).orElseThrow().deliveryStatus())
                        .isEqualTo(DeliveryStatus.DELIVERED);
            } else {
                assertThat(connections.descriptor(accountId).supports(ChannelCapability.DELIVERY_RECEIPTS))
                        .as("a channel without receipts in its scenario must not claim them").isFalse();
            }
        }
    }

    @Test
    void every_first_party_channel_plugin_is_started_with_its_connectors() {
        assertThat(plugins.statuses()).filteredOn(s -> s.id().startsWith("channel-"))
                .extracting(PluginStatus::id, PluginStatus::state)
                .contains(tuple("channel-webchat", "STARTED"), tuple("channel-whatsapp", "STARTED"),
                        tuple("channel-sms-twilio", "STARTED"), tuple("channel-meta-messenger", "STARTED"),
                        tuple("channel-telegram", "STARTED"), tuple("channel-api", "STARTED"));
        assertThat(plugins.extensions(ChannelConnector.class)).extracting(c -> c.extension().descriptor().id())
                .contains("webchat", "whatsapp", "sms-twilio", "messenger", "instagram", "telegram", "api");
    }

    @Test
    void whatsapp_and_sms_from_one_number_are_one_customer_with_one_conversation() throws Exception {
        try (ProviderStub provider = ProviderStub.start()) {
            WhatsappScenario whatsapp = new WhatsappScenario();
            TwilioSmsScenario sms = new TwilioSmsScenario();
            String whatsappAccount = accounts.create("WhatsApp " + UUID.randomUUID(), whatsapp.connectorId(),
                    whatsapp.config(provider.baseUrl())).id();
            String smsAccount = accounts.create("SMS " + UUID.randomUUID(), sms.connectorId(),
                    sms.config(provider.baseUrl())).id();
            ScenarioDelivery delivery = new ScenarioDelivery(port);
            String number = "4915112345" + (int) (Math.random() * 900 + 100);

            String onWhatsapp = "wamid.cont" + UUID.randomUUID().toString().replace("-", "");
            assertThat(delivery.deliver(whatsappAccount, whatsapp.inboundText(urls.webhookUrl(whatsappAccount),
                    onWhatsapp, number, "My parcel is late")).statusCode()).isEqualTo(200);
            String onSms = "SM" + UUID.randomUUID().toString().replace("-", "");
            assertThat(delivery.deliver(smsAccount, sms.inboundText(urls.webhookUrl(smsAccount), onSms,
                    "+" + number, "Any news about my parcel?")).statusCode()).isEqualTo(200);

            List<Long> customers = jdbc.queryForList("select distinct c.customer_id from message m join conversation c"
                    + " on c.id = m.conversation_id where m.external_id in (?, ?)", Long.class, onWhatsapp, onSms);
            assertThat(customers).hasSize(1);
            assertThat(jdbc.queryForObject("select count(distinct conversation_id) from message where external_id in"
                    + " (?, ?)", Integer.class, onWhatsapp, onSms)).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from conversation_event e join message m on"
                    + " m.conversation_id = e.conversation_id where m.external_id = ? and e.event_type = 'CHANNEL_SWITCHED'",
                    Integer.class, onSms)).isEqualTo(1);
        }
    }
}
