package org.switchboard.plugins.assistant;

import java.util.Optional;
import org.switchboard.plugin.api.PluginContext;
import org.switchboard.plugin.api.SwitchboardPlugin;

/**
 * The plugin's main class. It only hands its {@link PluginContext} to the assistant: PF4J builds extensions with
 * their no-argument constructor, and {@code ReplyAssistant.reply} gets no context, so the shared HTTP client
 * reaches {@link GroundedAssistant} through here. Each plugin has its own class loader, so this static field is
 * this plugin's alone (and a reloaded plugin gets a fresh one).
 */
public class AssistantPlugin extends SwitchboardPlugin {

    private static volatile PluginContext current;

    public AssistantPlugin(PluginContext context) {
        super(context);
        current = context;
    }

    /** The context of the running plugin; empty when the assistant is used outside a host (tests, evaluation). */
    static Optional<PluginContext> current() {
        return Optional.ofNullable(current);
    }
}
