package org.switchboard.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.testkit.ProviderStub;
import org.switchboard.plugin.testkit.RecordedRequest;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.TestData;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.customerdata.CustomerDataSources;
import org.switchboard.portal.ingest.InboundPipeline;

/**
 * The customer 360 page: identities on every channel, the conversations, orders from the shop (the real
 * shop-orders plugin against a local shop server), and one timeline across channels, newest first, paged.
 */
@PortalTest
@WithMockUser(username = TestData.ADMIN_EMAIL, roles = {"ADMIN", "SUPERVISOR", "AGENT"})
class CustomerViewTest extends SpringBrowserlessTest {

    static final String ORDERS = """
            [{"number":"4827","status":"shipped","updated_at":"2026-11-22T18:00:00Z","total":"59.90","currency":"EUR",
              "items":[{"name":"Blender","quantity":1}],"tracking_number":"1Z999","carrier":"UPS"},
             {"number":"4711","status":"delivered","updated_at":"2026-10-01T10:00:00Z","total":"12.00","currency":"EUR"}]
            """;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PortalTest.Properties.register(registry);
    }

    @Autowired
    InboundPipeline pipeline;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    CustomerDataSources dataSources;

    @Autowired
    DataSource dataSource;

    ProviderStub shop = ProviderStub.start();

    @AfterEach
    void closeShop() {
        dataSources.list().forEach(s -> dataSources.setEnabled(s.id(), false));
        shop.close();
    }

    @Test
    void one_page_shows_every_identity_the_orders_and_one_timeline_across_channels_newest_first() {
        String email = "robin." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String chat = accountOf("webchat");
        String visitor = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
        Instant night = Instant.now().minus(10, ChronoUnit.HOURS);
        // Web chat at night with the pre-chat email, then 35 more messages so the timeline pages.
        pipeline.ingest(chat, List.of(new InboundMessage("n1-" + visitor, new Identity(IdentityKind.WEBCHAT_VISITOR,
                visitor), "Robin Night", List.of(Identity.email(email)), "Hi, where is order 4827?", null, List.of(),
                night, null, Map.of())));
        for (int i = 0; i < 35; i++) {
            pipeline.ingest(chat, List.of(InboundMessage.text("n" + (i + 2) + "-" + visitor,
                    new Identity(IdentityKind.WEBCHAT_VISITOR, visitor), "Robin Night", "follow-up " + i, Instant.now())));
        }
        long customerId = new JdbcTemplate(dataSource).queryForObject("select c.customer_id from message m join"
                + " conversation c on c.id = m.conversation_id where m.external_id = ?", Long.class, "n1-" + visitor);
        shop.always("GET", "/api/orders", ProviderStub.Answer.json(200, ORDERS));
        dataSources.create("Shop " + UUID.randomUUID(), "shop-orders", Map.of(
                "baseUrl", shop.baseUrl() + "/api", "authToken", "shop-token-123456"));

        CustomerView view = navigate(CustomerView.class, customerId);

        assertThat(view.panel.name.getText()).isEqualTo("Robin Night");
        assertThat(texts(view.panel.identities)).anySatisfy(t -> assertThat(t).contains(email))
                .anySatisfy(t -> assertThat(t).contains(visitor));
        assertThat(texts(view.panel.records)).anySatisfy(t -> assertThat(t).contains("4827").contains("shipped")
                .contains("1Z999"));
        RecordedRequest asked = shop.takeRequest(5);
        assertThat(asked.query()).contains("email=" + email.replace("@", "%40"));
        assertThat(asked.header("Authorization")).contains("Bearer shop-token-123456");

        List<String> firstPage = texts(view.panel.timeline);
        assertThat(firstPage).hasSize(CustomerPanel.TIMELINE_PAGE);
        assertThat(firstPage.getFirst()).contains("follow-up 34");
        assertThat(view.panel.more.isVisible()).isTrue();
        test(view.panel.more).click();
        List<String> all = texts(view.panel.timeline);
        assertThat(all).hasSize(36);
        assertThat(all.getLast()).contains("Hi, where is order 4827?");
        assertThat(view.panel.more.isVisible()).isFalse();
    }

    @Test
    void a_shop_that_fails_is_shown_as_a_problem_not_as_no_orders() {
        String email = "ash." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String chat = accountOf("webchat");
        String visitor = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
        pipeline.ingest(chat, List.of(new InboundMessage("f1-" + visitor, new Identity(IdentityKind.WEBCHAT_VISITOR,
                visitor), "Ash Fail", List.of(Identity.email(email)), "Hello", null, List.of(), Instant.now(), null,
                Map.of())));
        long customerId = new JdbcTemplate(dataSource).queryForObject("select c.customer_id from message m join"
                + " conversation c on c.id = m.conversation_id where m.external_id = ?", Long.class, "f1-" + visitor);
        shop.always("GET", "/api/orders", ProviderStub.Answer.text(500, "<html>boom</html>"));
        dataSources.create("Broken shop " + UUID.randomUUID(), "shop-orders", Map.of("baseUrl",
                shop.baseUrl() + "/api"));

        CustomerView view = navigate(CustomerView.class, customerId);

        assertThat(texts(view.panel.records)).anySatisfy(t -> assertThat(t).contains("Broken shop")
                .contains("500"));
    }

    private String accountOf(String connector) {
        return accounts.listByConnector(connector).stream().findFirst()
                .orElseGet(() -> accounts.create("Chat", connector, Map.of())).id();
    }

    private static List<String> texts(Component container) {
        return container.getChildren().map(c -> c.getElement().getTextRecursively()).toList();
    }
}
