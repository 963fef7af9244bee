package org.switchboard.portal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.switchboard.portal.PortalTest;
import org.switchboard.portal.TestData;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.customer.Inbound;
import org.switchboard.portal.ingest.InboundPipeline;

/**
 * The supervisors' Overview in a real Chromium: a live tile follows a new conversation without a reload (Push), and a
 * chart downloads as a PNG image and its data as CSV — the parts that run in the browser, which the browserless
 * dashboard tests cannot reach.
 */
@PortalTest
class DashboardEndToEndTest extends BrowserTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @LocalServerPort
    int port;
    @Autowired
    InboundPipeline pipeline;
    @Autowired
    ChannelAccounts accounts;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_open_tile_is_live_and_a_chart_downloads_as_png_and_csv() throws IOException {
        String baseUrl = "http://localhost:" + port;
        try (BrowserContext context = browser.newContext()) {
            Page page = new AgentPage(context.newPage(), baseUrl).signIn(TestData.ADMIN_EMAIL, TestData.ADMIN_PASSWORD)
                    .page();
            page.navigate(baseUrl + "/dashboards");
            assertThat(page.locator("#tile-open")).containsText(java.util.regex.Pattern.compile("\\d"));
            int openBefore = Integer.parseInt(page.locator("#tile-open").textContent().trim());

            customerWritesFromANewVisitor();
            page.waitForCondition(() -> Integer.parseInt(page.locator("#tile-open").textContent().trim())
                    > openBefore, new Page.WaitForConditionOptions().setTimeout(20_000));

            Download png = page.waitForDownload(() -> page.locator("#volume-by-channel-png").click());
            assertThat(png.suggestedFilename()).isEqualTo("volume-by-channel.png");
            byte[] image = Files.readAllBytes(png.path());
            assertThat(Arrays.copyOf(image, PNG_SIGNATURE.length)).isEqualTo(PNG_SIGNATURE);
            // IHDR follows the signature: width and height, drawn at twice the SVG's size.
            int width = ByteBuffer.wrap(image, 16, 4).getInt();
            int height = ByteBuffer.wrap(image, 20, 4).getInt();
            assertThat(width).isGreaterThan(100);
            assertThat(height).isGreaterThan(50);

            page.locator("#volume-by-channel vaadin-details").click();
            Download csv = page.waitForDownload(() -> page.locator("#volume-by-channel-csv").click());
            String table = new String(Files.readAllBytes(csv.path()), StandardCharsets.UTF_8);
            assertThat(table.lines().count()).isGreaterThanOrEqualTo(2);
            assertThat(table.lines().findFirst().orElseThrow()).contains(",");
        }
    }

    private void customerWritesFromANewVisitor() {
        Inbound inbound = new Inbound(pipeline, accounts, jdbc);
        inbound.writes(inbound.anyWebchatAccount(), Inbound.newVisitor(), "Dora Dashboard",
                "This is a complaint, I want to talk to a person");
    }
}
