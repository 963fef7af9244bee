package com.example.switchboard.channel;

import org.switchboard.plugin.api.PluginContext;
import org.switchboard.plugin.api.SwitchboardPlugin;

/**
 * The plugin's main class ({@code Plugin-Class} in the manifest). Optional: a plugin without background work can
 * leave {@code Plugin-Class} out. Public with a {@code (PluginContext)} constructor because the portal creates it.
 */
public class ExamplePlugin extends SwitchboardPlugin {

    public ExamplePlugin(PluginContext context) {
        super(context);
    }

    @Override
    public void start() {
        // Must return promptly; start timers on context().scheduler() rather than threads of your own.
        context().logger().log(System.Logger.Level.INFO, "Example channel {0} started", context().pluginVersion());
    }

    @Override
    public void stop() {
        context().logger().log(System.Logger.Level.INFO, "Example channel stopped");
    }
}
