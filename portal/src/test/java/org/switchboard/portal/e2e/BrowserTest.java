package org.switchboard.portal.e2e;

import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.switchboard.portal.PortalTest;

/** A portal test with one headless Chromium for the whole class (see {@link Browser}). */
abstract class BrowserTest extends PortalTest.Base {

    static Playwright playwright;
    static com.microsoft.playwright.Browser browser;

    @BeforeAll
    static void launchBrowser() {
        playwright = Playwright.create();
        browser = Browser.launch(playwright);
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
}
