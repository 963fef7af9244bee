package org.switchboard.portal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** A website visitor using the chat widget on the portal's demo page. */
final class VisitorPage {

    private final Page page;

    VisitorPage(Page page, String baseUrl) {
        this.page = page;
        page.navigate(baseUrl + "/demo");
    }

    VisitorPage openChat(String name, String email) {
        page.locator("[data-testid='sb-chat-launcher']").click();
        assertThat(page.locator("[data-testid='sb-chat-panel']")).isVisible();
        Locator nameField = page.locator("[data-testid='sb-chat-name']");
        if (nameField.isVisible()) {
            nameField.fill(name);
            page.locator("[data-testid='sb-chat-email']").fill(email);
            page.locator("[data-testid='sb-chat-start']").click();
        }
        assertThat(page.locator("[data-testid='sb-chat-input']")).isVisible();
        return this;
    }

    VisitorPage send(String text) {
        page.locator("[data-testid='sb-chat-input']").fill(text);
        page.locator("[data-testid='sb-chat-send']").click();
        assertThat(messages("in").last()).containsText(text);
        return this;
    }

    /** Waits, without reloading, for an agent's reply. */
    void seesReply(String text) {
        assertThat(messages("out").filter(new Locator.FilterOptions().setHasText(text))).hasCount(1);
    }

    private Locator messages(String direction) {
        return page.locator("[data-testid='sb-chat-message'][data-direction='" + direction + "']");
    }

    Page page() {
        return page;
    }
}
