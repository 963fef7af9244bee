package org.switchboard.portal.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.switchboard.plugin.testkit.ProviderStub;
import org.switchboard.plugin.testkit.SendOutcome;
import org.switchboard.plugins.whatsapp.WhatsappScenario;
import org.switchboard.portal.Await;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.channel.PublicUrlProperties;
import org.switchboard.portal.channels.ScenarioDelivery;
import org.switchboard.portal.customerdata.CustomerDataSources;

/**
 * What the AI pipeline tests talk to: a WhatsApp account on a stub Graph API (customers write through the real
 * webhook), a stub shop that knows order #4827 as a customer data source, and reads of what the pipeline recorded.
 */
final class WhatsappShopScenario implements AutoCloseable {

    final ProviderStub graphApi = ProviderStub.start();
    final ProviderStub shop = ProviderStub.start();
    final WhatsappScenario whatsapp = new WhatsappScenario();
    final String account;
    private final int port;
    private final CustomerDataSources dataSources;
    private final PublicUrlProperties urls;
    private final JdbcTemplate jdbc;

    WhatsappShopScenario(int port, ChannelAccounts accounts, CustomerDataSources dataSources,
            PublicUrlProperties urls, JdbcTemplate jdbc) {
        this.port = port;
        this.dataSources = dataSources;
        this.urls = urls;
        this.jdbc = jdbc;
        account = accounts.create("WhatsApp " + UUID.randomUUID(), "whatsapp", whatsapp.config(graphApi.baseUrl()))
                .id();
        shop.always("GET", "/api/orders", ProviderStub.Answer.json(200, """
                [{"number":"4827","status":"shipped","updated_at":"2026-11-22T18:00:00Z","total":"59.90",
                  "currency":"EUR","tracking_number":"1Z999AA10123456784","carrier":"UPS"}]"""));
        dataSources.create("Shop " + UUID.randomUUID(), "shop-orders", Map.of("baseUrl", shop.baseUrl() + "/api"));
    }

    /** The Graph API accepts what the portal sends. */
    void acceptSends() {
        whatsapp.arrangeSend(graphApi, SendOutcome.ACCEPTED);
    }

    /** A new customer's WhatsApp message, delivered to the webhook; returns its conversation. */
    long customerWrites(String text) throws Exception {
        String number = "1650555" + (int) (Math.random() * 9000 + 1000);
        String id = "wamid.ai" + UUID.randomUUID().toString().replace("-", "");
        URI webhook = urls.webhookUrl(account);
        assertThat(new ScenarioDelivery(port).deliver(account, whatsapp.inboundText(webhook, id, number, text))
                .statusCode()).isEqualTo(200);
        return jdbc.queryForObject("select conversation_id from message where external_id = ?", Long.class, id);
    }

    /** Waits for the pipeline; a timeout says what it recorded on the conversation. */
    void await(long conversation, String what, BooleanSupplier condition) {
        try {
            Await.until(what, condition);
        } catch (AssertionError timedOut) {
            throw new AssertionError(timedOut.getMessage() + "; events: " + jdbc.queryForList(
                    "select event_type, detail from conversation_event where conversation_id = ?", conversation),
                    timedOut);
        }
    }

    int events(long conversation, String type) {
        return jdbc.queryForObject("select count(*) from conversation_event where conversation_id = ? and"
                + " event_type = ?", Integer.class, conversation, type);
    }

    List<String> details(long conversation, String type) {
        return jdbc.queryForList("select detail from conversation_event where conversation_id = ? and event_type = ?"
                + " order by id", String.class, conversation, type);
    }

    /** Messages the assistant sent (outbound without an agent). */
    int botReplies(long conversation) {
        return jdbc.queryForObject("select count(*) from message where conversation_id = ? and direction = 'OUT' and"
                + " author_agent_id is null", Integer.class, conversation);
    }

    /** Disables the shop (data sources outlive the test's context) and stops both stubs. */
    @Override
    public void close() {
        dataSources.list().forEach(s -> dataSources.setEnabled(s.id(), false));
        graphApi.close();
        shop.close();
    }
}
