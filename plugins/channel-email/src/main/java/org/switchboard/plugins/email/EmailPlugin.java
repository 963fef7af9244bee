package org.switchboard.plugins.email;

import org.switchboard.plugin.api.PluginContext;
import org.switchboard.plugin.api.SwitchboardPlugin;

/**
 * The plugin's main class. Background work belongs to connections: each opened account runs its own mailbox
 * loop, stopped when the host closes the connection.
 */
public class EmailPlugin extends SwitchboardPlugin {

    public EmailPlugin(PluginContext context) {
        super(context);
    }
}
