package org.switchboard.plugin.api.channel;

import java.util.List;
import org.pf4j.ExtensionPoint;
import org.switchboard.plugin.api.config.ConfigField;
import org.switchboard.plugin.api.config.ConfigProblem;
import org.switchboard.plugin.api.config.ChannelConfig;

/**
 * A channel type, contributed by a plugin as a PF4J {@code @Extension}.
 *
 * <p>Connectors are stateless and may be called from any thread. The host looks them up by
 * {@link ChannelDescriptor#id()}, never by class, so the id is a stable contract: never rename it.
 *
 * @since 0.1.0
 */
public interface ChannelConnector extends ExtensionPoint {

    /** What this channel is and can do. */
    ChannelDescriptor descriptor();

    /** The configuration an admin fills in for one account; drives a generated form. */
    List<ConfigField> configSchema();

    /**
     * Checks a configuration beyond what the schema expresses (formats, combinations). Called before an account
     * is saved; an empty list means valid.
     */
    default List<ConfigProblem> validate(ChannelConfig config) {
        return List.of();
    }

    /**
     * Opens the connection for one configured account. Called once per account when the account is first used
     * and again after the plugin is restarted or the configuration changes.
     *
     * @throws ChannelException when the configuration cannot be used (the host shows the message to the admin)
     */
    ChannelConnection open(ConnectionContext context) throws ChannelException;
}
