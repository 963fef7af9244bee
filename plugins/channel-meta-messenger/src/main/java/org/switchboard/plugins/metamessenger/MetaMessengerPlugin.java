package org.switchboard.plugins.metamessenger;

import org.switchboard.plugin.api.PluginContext;
import org.switchboard.plugin.api.SwitchboardPlugin;

/**
 * The plugin's main class. Nothing runs in the background: connections are opened per account by
 * {@link MessengerConnector} and {@link InstagramConnector}.
 */
public class MetaMessengerPlugin extends SwitchboardPlugin {

    public MetaMessengerPlugin(PluginContext context) {
        super(context);
    }
}
