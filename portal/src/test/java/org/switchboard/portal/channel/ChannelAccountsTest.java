package org.switchboard.portal.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.switchboard.portal.PortalTest;

/** Channel accounts against the real web-chat connector: schema validation, generated and masked secrets. */
@PortalTest
class ChannelAccountsTest extends PortalTest.Base {

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    DataSource dataSource;

    @Test
    void a_generated_secret_is_encrypted_at_rest_and_masked_in_every_view() {
        ChannelAccountView created = accounts.create("Shop " + UUID.randomUUID(), "webchat", Map.of());

        assertThat(created.config()).containsEntry("signingKey", ChannelAccountView.MASK);
        assertThat(accounts.find(created.id()).orElseThrow().config())
                .containsEntry("signingKey", ChannelAccountView.MASK);
        String stored = new JdbcTemplate(dataSource).queryForObject("select config from channel_account where id = ?",
                String.class, created.id());
        assertThat(stored).contains("\"signingKey\":\"enc:v1:");
        assertThat(accounts.decryptedConfig(created.id()).require("signingKey")).hasSizeGreaterThan(30)
                .doesNotStartWith("enc:");
    }

    @Test
    void invalid_configuration_is_refused_with_the_field_and_nothing_is_saved() {
        int before = accounts.list().size();

        assertThatThrownBy(() -> accounts.create("Bad", "webchat", Map.of("preChatForm", "maybe")))
                .isInstanceOf(InvalidConfigurationException.class)
                .satisfies(e -> assertThat(((InvalidConfigurationException) e).problems())
                        .anySatisfy(p -> assertThat(p.key()).isEqualTo("preChatForm")));
        assertThatThrownBy(() -> accounts.create("Bad", "webchat", Map.of("allowedOrigins", "ftp://x")))
                .isInstanceOf(InvalidConfigurationException.class);
        assertThatThrownBy(() -> accounts.create("Nope", "no-such-connector", Map.of()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("no-such-connector");
        assertThat(accounts.list()).hasSize(before);
    }
}
