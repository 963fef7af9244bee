package org.switchboard.plugins.api;

import org.switchboard.plugin.api.PluginContext;
import org.switchboard.plugin.api.SwitchboardPlugin;

/** The plugin's main class. Nothing runs in the background: connections are opened per account. */
public class ApiPlugin extends SwitchboardPlugin {

    public ApiPlugin(PluginContext context) {
        super(context);
    }
}
