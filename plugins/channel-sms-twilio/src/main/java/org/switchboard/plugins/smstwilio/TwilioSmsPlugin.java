package org.switchboard.plugins.smstwilio;

import org.switchboard.plugin.api.PluginContext;
import org.switchboard.plugin.api.SwitchboardPlugin;

/**
 * The plugin's main class. The channel needs no lifecycle work of its own: connections are opened per account by
 * {@link TwilioSmsConnector}, and nothing runs in the background.
 */
public class TwilioSmsPlugin extends SwitchboardPlugin {

    public TwilioSmsPlugin(PluginContext context) {
        super(context);
    }
}
