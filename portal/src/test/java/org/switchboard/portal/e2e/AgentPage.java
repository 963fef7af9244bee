package org.switchboard.portal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The agent UI as a page object: sign in, watch the inbox, open a conversation, reply. */
final class AgentPage {

    private final Page page;
    private final String baseUrl;

    AgentPage(Page page, String baseUrl) {
        this.page = page;
        this.baseUrl = baseUrl;
    }

    AgentPage signIn(String email, String password) {
        page.navigate(baseUrl + "/login");
        page.locator("vaadin-login-form input[name='username']").fill(email);
        page.locator("vaadin-login-form input[name='password']").fill(password);
        page.locator("vaadin-login-form vaadin-button[slot='submit'], vaadin-login-form [part='submit']")
                .first().click();
        assertThat(page.locator("#inbox-grid")).isVisible();
        return this;
    }

    /** Waits, without reloading, until a conversation showing the text appears in the inbox. */
    Locator inboxRowWith(String text) {
        Locator cell = page.locator("#inbox-grid vaadin-grid-cell-content").filter(
                new Locator.FilterOptions().setHasText(text)).first();
        assertThat(cell).isVisible();
        return cell;
    }

    AgentPage openConversationWith(String text) {
        inboxRowWith(text).click();
        assertThat(page.locator("#conversation-history")).containsText(text);
        return this;
    }

    AgentPage reply(String text) {
        page.locator("#reply-box textarea").fill(text);
        page.locator("#reply-send").click();
        assertThat(page.locator("#conversation-history [data-direction='out']").last()).containsText(text);
        return this;
    }

    Page page() {
        return page;
    }
}
