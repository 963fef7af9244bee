package org.switchboard.plugins.telegram;

import org.switchboard.plugin.api.PluginContext;
import org.switchboard.plugin.api.SwitchboardPlugin;

/**
 * The plugin's main class. The channel needs no plugin-wide lifecycle work: each account's connection registers
 * its own webhook and cancels its own retries when closed.
 */
public class TelegramPlugin extends SwitchboardPlugin {

    public TelegramPlugin(PluginContext context) {
        super(context);
    }
}
