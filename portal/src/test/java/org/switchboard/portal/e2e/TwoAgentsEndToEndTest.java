package org.switchboard.portal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.IdentityKind;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.TestData;
import org.switchboard.portal.agent.AgentDirectory;
import org.switchboard.portal.agent.Role;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.customer.Inbound;
import org.switchboard.portal.ingest.InboundPipeline;

/**
 * Two agents in two real headless Chromium sessions on the same conversation: each sees the other viewing and
 * typing, both see the customer's new message arrive without reloading, and the one who sends second is warned that
 * the other replied meanwhile before the reply goes out.
 */
@PortalTest
class TwoAgentsEndToEndTest extends BrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    AgentDirectory agents;
    @Autowired
    InboundPipeline pipeline;
    @Autowired
    ChannelAccounts accounts;
    @Autowired
    DataSource dataSource;

    @Test
    void two_agents_see_each_other_and_the_customer_live_and_the_second_sender_is_warned() {
        String baseUrl = "http://localhost:" + port;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String benEmail = "ben." + suffix + "@example.test";
        String benPassword = "ben-has-a-long-password-" + suffix;
        agents.create(benEmail, "Ben " + suffix, benPassword, Set.of(Role.AGENT));
        String account = accounts.listByConnector("webchat").stream().findFirst()
                .orElseGet(() -> accounts.create("Chat", "webchat", Map.of())).id();
        String visitor = "visitor-" + UUID.randomUUID();
        long conversation = customerWrites(account, visitor, "My order " + suffix + " is missing");

        try (BrowserContext anaContext = browser.newContext(); BrowserContext benContext = browser.newContext()) {
            Page ana = new AgentPage(anaContext.newPage(), baseUrl).signIn(TestData.ADMIN_EMAIL,
                    TestData.ADMIN_PASSWORD).page();
            Page ben = new AgentPage(benContext.newPage(), baseUrl).signIn(benEmail, benPassword).page();
            ana.navigate(baseUrl + "/conversations/" + conversation);
            ben.navigate(baseUrl + "/conversations/" + conversation);

            // Who else is here, and who is typing.
            assertThat(ana.locator("#conversation-presence")).containsText("Ben " + suffix);
            ben.locator("#reply-box textarea").pressSequentially("Let me check", new Locator.PressSequentiallyOptions()
                    .setDelay(50));
            assertThat(ana.locator("#conversation-presence")).containsText("typing");

            // The customer writes again: both open pages show it without a reload.
            String anaUrl = ana.url();
            String followUp = "Any news on " + suffix + "?";
            customerWrites(account, visitor, followUp);
            assertThat(ana.locator("#conversation-history")).containsText(followUp);
            assertThat(ben.locator("#conversation-history")).containsText(followUp);
            org.assertj.core.api.Assertions.assertThat(ana.url()).isEqualTo(anaUrl);

            // Ana starts her answer, Ben sends his first: Ana is asked before hers goes out.
            ana.locator("#reply-box textarea").fill("We are on it.");
            ben.locator("#reply-box textarea").fill("It ships today " + suffix + ".");
            ben.locator("#reply-send").click();
            assertThat(ben.locator("#conversation-history [data-direction='out']").last())
                    .containsText("It ships today " + suffix);
            assertThat(ana.locator("#conversation-history")).containsText("It ships today " + suffix);
            ana.locator("#reply-send").click();
            assertThat(ana.getByText("Someone replied meanwhile")).isVisible();
            ana.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Send anyway")).click();
            assertThat(ana.locator("#conversation-history [data-direction='out']").last())
                    .containsText("We are on it.");
        }
        org.assertj.core.api.Assertions.assertThat(new JdbcTemplate(dataSource).queryForObject(
                "select count(*) from message where conversation_id = ? and direction = 'OUT'", Integer.class,
                conversation)).isEqualTo(2);
    }

    private long customerWrites(String account, String visitor, String text) {
        return new Inbound(pipeline, accounts, new JdbcTemplate(dataSource)).writes(account,
                new Identity(IdentityKind.WEBCHAT_VISITOR, visitor), "Pat Twoagents", text).conversationId();
    }
}
