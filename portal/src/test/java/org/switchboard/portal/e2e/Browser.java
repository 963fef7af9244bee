package org.switchboard.portal.e2e;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Launches the system's headless Chromium through Playwright (no browser download: Playwright's own browsers cannot
 * be fetched here, Debian's chromium is used instead). The binary comes from {@code SWITCHBOARD_TEST_CHROMIUM}, else
 * the usual Debian path; {@code .ci/run} installs it.
 */
final class Browser {

    private Browser() {
    }

    static com.microsoft.playwright.Browser launch(Playwright playwright) {
        Path chromium = chromium();
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage")));
    }

    private static Path chromium() {
        String configured = System.getenv("SWITCHBOARD_TEST_CHROMIUM");
        for (String candidate : new String[] {configured, "/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
            if (candidate != null && !candidate.isBlank() && Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException("Browser tests need Chromium: install Debian's 'chromium' package or set "
                + "SWITCHBOARD_TEST_CHROMIUM to a Chromium binary (.ci/run does this)");
    }
}
