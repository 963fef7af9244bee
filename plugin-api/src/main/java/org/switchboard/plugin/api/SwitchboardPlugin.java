package org.switchboard.plugin.api;

import org.pf4j.Plugin;

/**
 * Optional base class for a plugin's main class ({@code Plugin-Class}) that wants its {@link PluginContext}.
 *
 * <p>The host instantiates subclasses through their {@code (PluginContext)} constructor. A plugin that needs no
 * lifecycle hooks can omit {@code Plugin-Class} altogether. {@link #start()} and {@link #stop()} must return
 * promptly; a start that throws marks only this plugin as failed.
 *
 * @since 0.1.0
 */
public abstract class SwitchboardPlugin extends Plugin {

    private final PluginContext context;

    protected SwitchboardPlugin(PluginContext context) {
        this.context = context;
    }

    /** The context the host created for this plugin. */
    protected PluginContext context() {
        return context;
    }
}
