package org.switchboard.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.net.URI;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.plugin.api.channel.DeliveryStatus;
import org.switchboard.plugin.testkit.ProviderStub;
import org.switchboard.plugin.testkit.RecordedRequest;
import org.switchboard.plugin.testkit.SendOutcome;
import org.switchboard.plugins.whatsapp.WhatsappScenario;
import org.switchboard.portal.Await;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.TestData;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.channel.PublicUrlProperties;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.conversation.MessageView;
import org.switchboard.portal.outbound.OutboundDispatcher;
import org.switchboard.portal.outbound.ReplyNotPossibleException;
import org.switchboard.portal.outbound.ReplyService;

/**
 * WhatsApp's 24-hour customer-service window with the real WhatsApp plugin and its scenario: outside the window
 * the agent is told why, free text is refused on the server, and an approved template goes out instead.
 */
@PortalTest
@WithMockUser(username = TestData.ADMIN_EMAIL, roles = {"ADMIN", "SUPERVISOR", "AGENT"})
class ReplyWindowViewTest extends SpringBrowserlessTest {

    /** Meta's documented answer to GET /{waba-id}/message_templates, one approved and one rejected template. */
    private static final String TEMPLATES = """
            {"data":[
              {"name":"order_update","language":"en_US","status":"APPROVED","category":"UTILITY","id":"594425479261596",
               "components":[{"type":"BODY","text":"Hi {{1}}, your order {{2}} has shipped."}]},
              {"name":"promo","language":"en_US","status":"REJECTED","category":"MARKETING","id":"594425479261597",
               "components":[{"type":"BODY","text":"Sale!"}]}],
             "paging":{"cursors":{"before":"MAZDZD","after":"MjQZD"}}}""";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PortalTest.Properties.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    PublicUrlProperties urls;

    @Autowired
    ReplyService replies;

    @Autowired
    OutboundDispatcher dispatcher;

    @Autowired
    ConversationQueries queries;

    @Autowired
    DataSource dataSource;

    ProviderStub provider = ProviderStub.start();

    @AfterEach
    void stopProvider() {
        provider.close();
    }

    @Test
    void outside_the_window_free_text_is_refused_and_an_approved_template_is_sent() throws Exception {
        WhatsappScenario whatsapp = new WhatsappScenario();
        String accountId = accounts.create("WhatsApp " + UUID.randomUUID(), "whatsapp",
                whatsapp.config(provider.baseUrl())).id();
        URI webhookUrl = urls.webhookUrl(accountId);
        String providerId = "wamid.window" + UUID.randomUUID().toString().replace("-", "");
        var response = new org.switchboard.portal.channels.ScenarioDelivery(port).deliver(accountId,
                whatsapp.inboundText(webhookUrl, providerId, whatsapp.sampleSender(), "Is my order on its way?"));
        assertThat(response.statusCode()).isEqualTo(200);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        long conversationId = jdbc.queryForObject("select conversation_id from message where external_id = ?",
                Long.class, providerId);
        // The customer wrote 25 hours ago.
        jdbc.update("update message set created_at = date_sub(created_at, interval 25 hour) where external_id = ?",
                providerId);
        provider.always("GET", "/", ProviderStub.Answer.json(200, TEMPLATES));

        assertThatThrownBy(() -> replies.reply(conversationId, null, "Agent", "Free text", null))
                .isInstanceOf(ReplyNotPossibleException.class).hasMessageContaining("24 hours");

        ConversationView view = navigate(ConversationView.class, conversationId);
        assertThat(view.templates.isVisible()).isTrue();
        assertThat(view.replyBox.isVisible() && view.replyBox.getParent().orElseThrow().isVisible()).isFalse();
        assertThat(view.templates.notice.getText()).contains("24 hours").contains("template");
        assertThat(view.templates.template.getListDataView().getItems().map(t -> t.name()).toList())
                .containsExactly("order_update");

        whatsapp.arrangeSend(provider, SendOutcome.ACCEPTED);
        test(view.templates.template).selectItem("order_update (en_US)");
        test(view.templates.values.get(0)).setValue("Sheena");
        test(view.templates.values.get(1)).setValue("A-1042");
        assertThat(view.templates.preview.getText()).isEqualTo("Hi Sheena, your order A-1042 has shipped.");
        test(view.templates.send).click();

        MessageView sent = queries.detail(conversationId).orElseThrow().messages().getLast();
        assertThat(sent.text()).isEqualTo("Hi Sheena, your order A-1042 has shipped.");
        dispatcher.deliverDue();
        Await.until("the template is sent", () -> queries.message(sent.id()).orElseThrow().deliveryStatus()
                == DeliveryStatus.SENT);
        RecordedRequest request = provider.requests().stream().filter(r -> r.method().equals("POST"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(request.bodyAsString()).contains("\"type\":\"template\"").contains("\"order_update\"")
                .contains("\"Sheena\"").contains("\"A-1042\"");
    }
}
