package org.switchboard.plugins.shoporders;

import java.util.List;
import org.pf4j.Extension;
import org.switchboard.plugin.api.config.ChannelConfig;
import org.switchboard.plugin.api.config.ConfigField;
import org.switchboard.plugin.api.config.ConfigProblem;
import org.switchboard.plugin.api.config.FieldType;
import org.switchboard.plugin.api.customer.CustomerDataException;
import org.switchboard.plugin.api.customer.CustomerDataProvider;
import org.switchboard.plugin.api.customer.CustomerDataSource;
import org.switchboard.plugin.api.customer.DataSourceContext;

/**
 * "Shop orders over REST": a customer's orders from any shop endpoint that answers a GET with JSON. Public because
 * PF4J instantiates it.
 */
@Extension
public class ShopOrdersProvider implements CustomerDataProvider {

    static final String ID = "shop-orders";

    private static final List<ConfigField> SCHEMA = List.of(
            new ConfigField(ShopSettings.BASE_URL, "Shop API base URL", FieldType.URL, true, false, null,
                    "The address the orders path is appended to, e.g. https://shop.example.com/api or "
                            + "https://shop.example.com/wp-json/wc/v3."),
            new ConfigField(ShopSettings.ORDERS_PATH, "Orders path", FieldType.TEXT, false, false,
                    ShopSettings.DEFAULT_ORDERS_PATH,
                    "GET path answering with the customer's orders as JSON. Placeholders (URL-encoded): {email}, "
                            + "{phone} (E.164), {customerId}, {limit}. A parameter whose placeholder is unknown for "
                            + "a customer is left out; with no identity at all the shop is not asked."),
            new ConfigField(ShopSettings.AUTH_HEADER, "Credential header", FieldType.TEXT, false, false,
                    ShopSettings.DEFAULT_AUTH_HEADER,
                    "The header that carries the token, e.g. Authorization or X-Shopify-Access-Token."),
            ConfigField.secret(ShopSettings.AUTH_TOKEN, "Access token", false,
                    "Sent as 'Bearer <token>' in Authorization (unless it already starts with a scheme such as "
                            + "'Basic '), as is in any other header. Leave empty for an open endpoint."),
            new ConfigField(ShopSettings.MAX_ORDERS, "Orders shown", FieldType.INTEGER, false, false,
                    Integer.toString(ShopSettings.DEFAULT_MAX_ORDERS),
                    "The newest this many orders (1–" + ShopSettings.MAX_MAX_ORDERS + ")."),
            new ConfigField(ShopSettings.TIMEOUT_SECONDS, "Timeout (seconds)", FieldType.INTEGER, false, false,
                    Integer.toString(ShopSettings.DEFAULT_TIMEOUT_SECONDS),
                    "How long an agent waits for the shop at most (1–" + ShopSettings.MAX_TIMEOUT_SECONDS + ")."),
            new ConfigField(ShopSettings.ORDER_LINK_TEMPLATE, "Order link", FieldType.TEXT, false, false, null,
                    "Where an order opens in the shop's back office, e.g. "
                            + "https://shop.example.com/admin/orders/{id}; also {number}, {reference}."));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Shop orders (REST/JSON)";
    }

    @Override
    public List<ConfigField> configSchema() {
        return SCHEMA;
    }

    @Override
    public List<ConfigProblem> validate(ChannelConfig config) {
        return ShopSettings.problems(config);
    }

    @Override
    public CustomerDataSource open(DataSourceContext context) throws CustomerDataException {
        ShopSettings settings;
        try {
            settings = ShopSettings.from(context.config());
        } catch (IllegalArgumentException e) {
            throw new CustomerDataException("Shop orders cannot start: " + e.getMessage(), e);
        }
        return new ShopOrdersSource(settings, new ShopClient(context.plugin().httpClient(), settings),
                context.plugin().logger());
    }
}
