package org.switchboard.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.TestData;
import org.switchboard.portal.inbox.InboxSearch;

/**
 * The foundation's critical path in a real headless Chromium: a visitor writes in the website-chat widget, an agent
 * signed in elsewhere sees it arrive without reloading, answers, and the visitor's open widget shows the answer.
 */
@PortalTest
class WebchatEndToEndTest extends BrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    InboxSearch search;

    @Test
    void a_visitor_message_reaches_the_agent_live_and_the_reply_reaches_the_widget() {
        String baseUrl = "http://localhost:" + port;
        String marker = "parcel" + UUID.randomUUID().toString().substring(0, 8);
        String question = "Hello, where is my " + marker + "? Order 4711.";
        String answer = "It left our warehouse today, tracking follows by email.";

        try (BrowserContext agentContext = browser.newContext();
                BrowserContext visitorContext = browser.newContext()) {
            AgentPage agent = new AgentPage(agentContext.newPage(), baseUrl)
                    .signIn(TestData.ADMIN_EMAIL, TestData.ADMIN_PASSWORD);

            VisitorPage visitor = new VisitorPage(visitorContext.newPage(), baseUrl)
                    .openChat("Dana Visitor", "dana." + marker + "@example.com")
                    .send(question);

            // Arrives in the already open inbox through server push: no navigation happened on this page.
            String inboxUrl = agent.page().url();
            agent.inboxRowWith(marker);
            assertThat(agent.page().url()).isEqualTo(inboxUrl);
            screenshot(agent.page(), "agent-inbox");

            agent.openConversationWith(question).reply(answer);
            screenshot(agent.page(), "agent-conversation");

            visitor.seesReply(answer);
            screenshot(visitor.page(), "visitor-widget");
        }

        // The same message is findable through the inbox search, by any of its words.
        assertThat(search.conversations(marker, 10)).hasSize(1);
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "e2e-screenshots", name + ".png")));
    }
}
