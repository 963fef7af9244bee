package org.switchboard.plugins.webchat;

import org.switchboard.plugin.api.PluginContext;
import org.switchboard.plugin.api.SwitchboardPlugin;

/**
 * The plugin's main class. The channel needs no lifecycle work of its own: connections are opened per account by
 * {@link WebchatConnector}, and nothing runs in the background.
 */
public class WebchatPlugin extends SwitchboardPlugin {

    public WebchatPlugin(PluginContext context) {
        super(context);
    }
}
