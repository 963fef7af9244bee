package org.switchboard.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.plugin.api.channel.ChannelConnector;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.TestData;
import org.switchboard.portal.audit.AuditLog;
import org.switchboard.portal.channel.ChannelAccountView;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.channel.SecretCipher;

/** Admins configure channel accounts with forms generated from the connector's schema; secrets stay hidden. */
@PortalTest
@WithMockUser(username = TestData.ADMIN_EMAIL, roles = {"ADMIN", "SUPERVISOR", "AGENT"})
class ChannelAccountsViewTest extends SpringBrowserlessTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PortalTest.Properties.register(registry);
    }

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    AuditLog audit;

    @Autowired
    SecretCipher cipher;

    @Autowired
    DataSource dataSource;

    @Test
    void an_admin_creates_an_account_from_the_generated_form_and_its_secret_is_generated_encrypted_and_masked() {
        String name = "Shop chat " + UUID.randomUUID();
        ChannelAccountsView view = navigate(ChannelAccountsView.class);

        test(view.create).click();
        roundTrip();
        test(view.connectorChoice).selectItem(webchat(view));
        roundTrip();
        assertThat(view.openForm.field("signingKey")).isInstanceOf(PasswordField.class);
        assertThat(((PasswordField) view.openForm.field("signingKey")).getValue()).isEmpty();
        test(view.openForm.name).setValue(name);
        test((TextField) view.openForm.field("allowedOrigins")).setValue("https://shop.example.com");
        test(view.openSave).click();

        ChannelAccountView created = accounts.list().stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow();
        assertThat(created.config()).containsEntry("allowedOrigins", "https://shop.example.com")
                .containsEntry("signingKey", ChannelAccountView.MASK);
        assertThat(storedConfig(created.id())).contains("\"signingKey\":\"enc:")
                .doesNotContain("shop.example.com\",\"signingKey\":\"\"");
        assertThat(view.accounts.getListDataView().getItems().map(ChannelAccountView::name)).contains(name);
        assertThat(audit.latest(AuditLog.CHANNEL_ACCOUNT_CREATED, 10))
                .anySatisfy(e -> assertThat(e.getTarget()).isEqualTo("channel-account:" + created.id()));
    }

    @Test
    void editing_without_retyping_a_secret_keeps_it_and_the_form_never_holds_it() {
        ChannelAccountView account = accounts.create("Edit me " + UUID.randomUUID(), "webchat", Map.of());
        String secretBefore = cipher.decrypt(secretOf(storedConfig(account.id())));
        ChannelAccountsView view = navigate(ChannelAccountsView.class);

        assertThat(rowOf(view, account.id())).isNotNegative();
        view.openEdit(account);
        roundTrip();
        assertThat(((PasswordField) view.openForm.field("signingKey")).getValue()).isEmpty();
        test((TextField) view.openForm.field("widgetTitle")).setValue("Talk to us");
        test(view.openSave).click();

        ChannelAccountView updated = accounts.find(account.id()).orElseThrow();
        assertThat(updated.config()).containsEntry("widgetTitle", "Talk to us");
        String sealedAfter = secretOf(storedConfig(account.id()));
        assertThat(sealedAfter).startsWith("enc:");
        assertThat(cipher.decrypt(sealedAfter)).isEqualTo(secretBefore);
    }

    @Test
    void a_value_the_connector_refuses_is_shown_on_its_field_and_nothing_is_stored() {
        int before = accounts.list().size();
        ChannelAccountsView view = navigate(ChannelAccountsView.class);

        test(view.create).click();
        roundTrip();
        test(view.connectorChoice).selectItem(webchat(view));
        roundTrip();
        test(view.openForm.name).setValue("Broken");
        test((TextField) view.openForm.field("allowedOrigins")).setValue("not a url at all");
        test(view.openSave).click();

        AbstractField<?, ?> origins = view.openForm.field("allowedOrigins");
        assertThat(((HasValidation) origins).isInvalid()).isTrue();
        assertThat(((HasValidation) origins).getErrorMessage()).isNotBlank();
        assertThat(accounts.list()).hasSize(before);
    }

    private static String webchat(ChannelAccountsView view) {
        List<ChannelConnector> connectors = view.connectorChoice.getListDataView().getItems().toList();
        ChannelConnector webchat = connectors.stream().filter(c -> c.descriptor().id().equals("webchat"))
                .findFirst().orElseThrow();
        return view.connectorChoice.getItemLabelGenerator().apply(webchat);
    }

    private static int rowOf(ChannelAccountsView view, String accountId) {
        List<ChannelAccountView> rows = view.accounts.getListDataView().getItems().toList();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id().equals(accountId)) {
                return i;
            }
        }
        throw new AssertionError("account not listed: " + accountId);
    }

    private String storedConfig(String accountId) {
        return new JdbcTemplate(dataSource).queryForObject("select config from channel_account where id = ?",
                String.class, accountId);
    }

    private static String secretOf(String json) {
        int start = json.indexOf("\"signingKey\":\"") + 14;
        return json.substring(start, json.indexOf('"', start));
    }
}
