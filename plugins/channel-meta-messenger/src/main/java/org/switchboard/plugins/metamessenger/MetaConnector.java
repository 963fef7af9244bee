package org.switchboard.plugins.metamessenger;

import java.util.List;
import org.switchboard.plugin.api.channel.ChannelConnection;
import org.switchboard.plugin.api.channel.ChannelConnector;
import org.switchboard.plugin.api.channel.ChannelDescriptor;
import org.switchboard.plugin.api.channel.ChannelException;
import org.switchboard.plugin.api.channel.ConnectionContext;
import org.switchboard.plugin.api.config.ChannelConfig;
import org.switchboard.plugin.api.config.ConfigField;
import org.switchboard.plugin.api.config.ConfigProblem;

/** The shared body of the two connectors; they differ only in their {@link MetaNetwork}. */
abstract class MetaConnector implements ChannelConnector {

    private final MetaNetwork network;
    private final List<ConfigField> schema;

    MetaConnector(MetaNetwork network) {
        this.network = network;
        this.schema = MetaSettings.schema(network);
    }

    @Override
    public ChannelDescriptor descriptor() {
        return network.descriptor();
    }

    @Override
    public List<ConfigField> configSchema() {
        return schema;
    }

    @Override
    public List<ConfigProblem> validate(ChannelConfig config) {
        return MetaSettings.problems(network, config);
    }

    @Override
    public ChannelConnection open(ConnectionContext context) throws ChannelException {
        MetaSettings settings;
        try {
            settings = MetaSettings.from(network, context.config());
        } catch (IllegalArgumentException e) {
            throw new ChannelException(network.displayName() + " cannot start: " + e.getMessage(), e);
        }
        return new MetaConnection(settings, context.plugin());
    }
}
