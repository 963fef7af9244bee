package org.switchboard.plugin.api.customer;

import org.switchboard.plugin.api.PluginContext;
import org.switchboard.plugin.api.config.ChannelConfig;

/**
 * What the host gives a data source when opening it.
 *
 * @since 0.3.0 (incubating)
 */
public interface DataSourceContext {

    /**
     * The host's id of this data source.
     *
     * @return the id
     */
    String dataSourceId();

    /**
     * The configuration, secrets decrypted.
     *
     * @return the configuration
     */
    ChannelConfig config();

    /**
     * The plugin's context (HTTP client, clock, logger).
     *
     * @return the plugin context
     */
    PluginContext plugin();
}
