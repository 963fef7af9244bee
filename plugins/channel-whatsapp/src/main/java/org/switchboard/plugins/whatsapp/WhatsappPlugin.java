package org.switchboard.plugins.whatsapp;

import org.switchboard.plugin.api.PluginContext;
import org.switchboard.plugin.api.SwitchboardPlugin;

/**
 * The plugin's main class. The channel needs no lifecycle work of its own: connections are opened per account by
 * {@link WhatsappConnector}, and nothing runs in the background.
 */
public class WhatsappPlugin extends SwitchboardPlugin {

    public WhatsappPlugin(PluginContext context) {
        super(context);
    }
}
