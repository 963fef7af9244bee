package org.switchboard.portal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.FileChooser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;

/**
 * The admin pages a plugin is installed and configured on, as a page object: Plugins (upload, enable with the
 * password, uninstall) and Channel accounts (a form generated from the connector's schema).
 */
final class AdminPages {

    private final Page page;
    private final String baseUrl;

    AdminPages(Page page, String baseUrl) {
        this.page = page;
        this.baseUrl = baseUrl;
    }

    /** Uploads a plugin JAR on the Plugins page, as an admin picks it in the file dialog. */
    AdminPages uploadPlugin(Path jar, String pluginId) {
        page.navigate(baseUrl + "/admin/plugins");
        assertThat(page.locator("#plugins-grid")).isVisible();
        FileChooser chooser = page.waitForFileChooser(() -> page.locator("#plugin-upload vaadin-button").first()
                .click());
        chooser.setFiles(jar);
        // New plugins are installed disabled: nothing of the plugin runs yet.
        assertThat(page.locator("#plugin-upload-result")).containsText("Installed " + pluginId);
        assertThat(page.locator("#enable-" + pluginId)).isVisible();
        return this;
    }

    /** Enables an installed plugin, re-entering the admin's password. */
    AdminPages enablePlugin(String pluginId, String password) {
        page.locator("#enable-" + pluginId).click();
        page.locator("#plugin-password input").fill(password);
        page.locator("#plugin-password-confirm").click();
        assertThat(page.locator("#plugin-upload-result")).containsText("Enabled " + pluginId);
        // Only a running plugin offers "Stop".
        assertThat(page.locator("#stop-" + pluginId)).isVisible();
        return this;
    }

    /** Uninstalls a plugin, confirming the question. */
    AdminPages uninstallPlugin(String pluginId) {
        page.navigate(baseUrl + "/admin/plugins");
        page.locator("#uninstall-" + pluginId).click();
        page.locator("vaadin-confirm-dialog vaadin-button[slot='confirm-button'], "
                + "vaadin-confirm-dialog-overlay vaadin-button[slot='confirm-button']").first().click();
        assertThat(page.locator("#plugin-upload-result")).containsText("Uninstalled " + pluginId);
        assertThat(page.locator("#uninstall-" + pluginId)).hasCount(0);
        return this;
    }

    /**
     * Creates a channel account in the form generated from the connector's config schema.
     *
     * @param connectorLabel the connector as the channel list shows it, e.g. "Example channel (example)"
     * @param config         values by config key, typed into the fields {@code #config-<key>}
     */
    AdminPages createChannelAccount(String connectorLabel, String name, java.util.Map<String, String> config) {
        page.navigate(baseUrl + "/admin/channels");
        page.locator("#new-channel-account").click();
        Locator connector = page.locator("#connector input");
        connector.fill(connectorLabel.substring(0, connectorLabel.indexOf(' ')));
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(connectorLabel)).first()
                .click();
        page.locator("#account-name input").fill(name);
        config.forEach((key, value) -> page.locator("#config-" + key + " input").fill(value));
        page.locator("#save-channel-account").click();
        assertThat(page.locator("#channel-accounts vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(name)).first()).isVisible();
        return this;
    }

    /** Waits until the channel accounts page shows a webhook URL ending in {@code path}. */
    AdminPages showsWebhookUrl(String path) {
        assertThat(page.locator(".webhook-url").filter(new Locator.FilterOptions().setHasText(path)).first())
                .isVisible();
        return this;
    }

    Page page() {
        return page;
    }
}
