package org.switchboard.plugins.shoporders;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.plugin.api.PluginContext;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.config.ChannelConfig;
import org.switchboard.plugin.api.customer.CustomerDataException;
import org.switchboard.plugin.api.customer.CustomerDataSource;
import org.switchboard.plugin.api.customer.CustomerLookup;
import org.switchboard.plugin.api.customer.DataSourceContext;
import org.switchboard.plugin.testkit.ProviderStub;
import org.switchboard.plugin.testkit.TestPluginContext;

/** A shop played by a real local HTTP server, and data sources opened against it the way the host opens them. */
final class ShopFixture implements AutoCloseable {

    /** Looks like a Shopify Admin API access token; must never show up in a message. */
    static final String TOKEN = "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";

    final ProviderStub shop = ProviderStub.start();
    final TestPluginContext plugin = new TestPluginContext("data-shop-orders");
    final ShopOrdersProvider provider = new ShopOrdersProvider();

    /** The configuration an admin would enter, base URL pointing at the stub, plus {@code overrides}. */
    Map<String, String> config(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        values.put(ShopSettings.BASE_URL, shop.baseUrl() + "/api");
        values.put(ShopSettings.AUTH_TOKEN, TOKEN);
        values.putAll(overrides);
        values.values().removeIf(v -> v == null);
        return values;
    }

    CustomerDataSource open() throws CustomerDataException {
        return open(Map.of());
    }

    CustomerDataSource open(Map<String, String> overrides) throws CustomerDataException {
        return provider.open(new Context("ds-1", new ChannelConfig(config(overrides)), plugin));
    }

    static CustomerLookup customer(String email, String phone) {
        List<Identity> identities = new java.util.ArrayList<>();
        if (email != null) {
            identities.add(Identity.email(email));
        }
        if (phone != null) {
            identities.add(Identity.phone(phone));
        }
        return new CustomerLookup("cust-42", "Bob Norman", identities);
    }

    @Override
    public void close() {
        shop.close();
        plugin.close();
    }

    record Context(String dataSourceId, ChannelConfig config, PluginContext plugin) implements DataSourceContext {
    }
}
