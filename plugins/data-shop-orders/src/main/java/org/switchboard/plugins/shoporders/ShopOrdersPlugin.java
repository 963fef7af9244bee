package org.switchboard.plugins.shoporders;

import org.switchboard.plugin.api.PluginContext;
import org.switchboard.plugin.api.SwitchboardPlugin;

/**
 * The plugin's main class. It needs no lifecycle work of its own: data sources are opened per configuration by
 * {@link ShopOrdersProvider}, and nothing runs in the background.
 */
public class ShopOrdersPlugin extends SwitchboardPlugin {

    public ShopOrdersPlugin(PluginContext context) {
        super(context);
    }
}
