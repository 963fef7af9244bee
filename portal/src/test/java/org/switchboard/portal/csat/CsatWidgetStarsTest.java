package org.switchboard.portal.csat;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.portal.Await;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.TestData;
import org.switchboard.portal.agent.AgentDirectory;
import org.switchboard.portal.channel.ChannelAccountView;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.conversation.ConversationStatus;
import org.switchboard.portal.conversation.ConversationStore;

/**
 * The web-chat widget in a real headless Chromium on the demo page: after the agent resolves, the survey arrives as
 * five stars instead of a link, and a click rates the conversation. The widget script comes from this source tree
 * (the portal's bundled plugin JAR is the installed build), so this checks the script as written here.
 *
 * <p>The portal runs on a fixed free port with its public URL on that port, because the widget draws stars only
 * for a rating link of the portal it was loaded from.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@WithMockUser(username = TestData.ADMIN_EMAIL, roles = {"ADMIN", "SUPERVISOR", "AGENT"})
class CsatWidgetStarsTest {

    private static final int PORT = freePort();
    private static final Path WIDGET = Path.of("..", "plugins", "channel-webchat", "src", "main", "resources", "org",
            "switchboard", "plugins", "webchat", "widget.js");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PortalTest.Properties.register(registry);
        registry.add("server.port", () -> PORT);
        registry.add("switchboard.public-url", () -> "http://localhost:" + PORT);
    }

    private static Playwright playwright;
    private static Browser browser;

    @Autowired
    ChannelAccounts accounts;

    @Autowired
    CsatSettings settings;

    @Autowired
    ConversationStore store;

    @Autowired
    CsatTriggers triggers;

    @Autowired
    AgentDirectory agents;

    @Autowired
    DataSource dataSource;

    @BeforeAll
    static void launchBrowser() {
        playwright = Playwright.create();
        String configured = System.getenv("SWITCHBOARD_TEST_CHROMIUM");
        Path chromium = Path.of(configured != null && !configured.isBlank() ? configured : "/usr/bin/chromium");
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--disable-dev-shm-usage")));
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void the_widget_shows_stars_for_the_survey_and_a_click_rates_the_conversation() throws IOException {
        ChannelAccountView demo = accounts.listByConnector("webchat").stream().filter(ChannelAccountView::enabled)
                .findFirst().orElseThrow();
        settings.save(settings.forAccount(demo.id()).with(true, Duration.ZERO, 0, null));
        String widget = Files.readString(WIDGET);
        String question = "Is my tent in stock " + UUID.randomUUID().toString().substring(0, 8);

        try (BrowserContext visitor = browser.newContext()) {
            visitor.route("**/hooks/*/widget.js", route -> route.fulfill(new Route.FulfillOptions()
                    .setStatus(200).setContentType("application/javascript").setBody(widget)));
            Page page = visitor.newPage();
            page.navigate("http://localhost:" + PORT + "/demo");
            page.locator("[data-testid='sb-chat-launcher']").click();
            // The pre-chat form or the composer, once the widget has loaded its configuration.
            page.locator("[data-testid='sb-chat-name']:visible, [data-testid='sb-chat-input']:visible").first()
                    .waitFor();
            Locator name = page.locator("[data-testid='sb-chat-name']");
            if (name.isVisible()) {
                name.fill("Sam Stars");
                page.locator("[data-testid='sb-chat-start']").click();
            }
            page.locator("[data-testid='sb-chat-input']").fill(question);
            page.locator("[data-testid='sb-chat-send']").click();

            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            Await.until("the visitor's message is stored", () -> jdbc.queryForObject("select count(*) from message"
                    + " where body_text = ?", Integer.class, question) == 1);
            long conversation = jdbc.queryForObject("select conversation_id from message where body_text = ?",
                    Long.class, question);
            store.changeStatus(conversation, ConversationStatus.RESOLVED,
                    agents.findByEmail(TestData.ADMIN_EMAIL).orElseThrow().id());
            triggers.awaitIdle();

            Locator stars = page.locator("[data-testid='sb-chat-stars']");
            assertThat(stars).isVisible();
            Locator survey = page.locator("[data-testid='sb-chat-message'][data-direction='out']").last();
            assertThat(survey).containsText("How would you rate our help?");
            assertThat(survey).not().containsText("/csat/");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "e2e-screenshots",
                    "csat-widget-stars.png")));
            stars.locator("[data-stars='4']").click();
            assertThat(page.locator("[data-testid='sb-chat-rated']")).containsText("You rated 4 of 5");

            Map<String, Object> rated = jdbc.queryForMap("select status, rating, answered_via from csat_survey where"
                    + " conversation_id = ?", conversation);
            assertThat(rated).containsEntry("status", "RATED").containsEntry("rating", 4)
                    .containsEntry("answered_via", "WIDGET");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
