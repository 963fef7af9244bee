package org.switchboard.plugin.api.customer;

import java.util.List;
import org.pf4j.ExtensionPoint;
import org.switchboard.plugin.api.config.ChannelConfig;
import org.switchboard.plugin.api.config.ConfigField;
import org.switchboard.plugin.api.config.ConfigProblem;

/**
 * A kind of external customer-data source (e.g. "Shop orders over REST"). Stateless, like a channel connector:
 * the host keeps one configured <em>data source</em> per admin setup and opens it with its configuration.
 *
 * @since 0.3.0 (incubating)
 */
public interface CustomerDataProvider extends ExtensionPoint {

    /**
     * A stable id (lower-case letters, digits, dashes), never renamed.
     *
     * @return the id
     */
    String id();

    /**
     * The name admins see.
     *
     * @return the name
     */
    String name();

    /**
     * The configuration a data source of this kind needs (secrets marked secret).
     *
     * @return the fields
     */
    List<ConfigField> configSchema();

    /**
     * Problems with a configuration beyond required fields and types, which the host checks itself.
     *
     * @param config the values
     * @return the problems, empty when valid
     */
    default List<ConfigProblem> validate(ChannelConfig config) {
        return List.of();
    }

    /**
     * Opens a data source with its configuration.
     *
     * @param context the configuration and the plugin's context
     * @return the open source; the host closes it when the configuration changes or the plugin stops
     * @throws CustomerDataException when it cannot be opened with this configuration
     */
    CustomerDataSource open(DataSourceContext context) throws CustomerDataException;
}
