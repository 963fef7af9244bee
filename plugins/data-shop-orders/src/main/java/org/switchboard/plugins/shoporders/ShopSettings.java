package org.switchboard.plugins.shoporders;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.switchboard.plugin.api.config.ChannelConfig;
import org.switchboard.plugin.api.config.ConfigProblem;

/**
 * One data source's configuration, read once when it opens. The keys are a stable contract with stored
 * configurations: never rename one.
 *
 * @param ordersUrl  the orders request (base URL and path template)
 * @param authHeader the header that carries the credential, e.g. {@code Authorization}
 * @param authToken  the credential, or {@code null} for an open endpoint
 * @param maxOrders  how many orders (and subscriptions) to show at most
 * @param timeout    the deadline for the whole exchange with the shop
 * @param orderLink  where an order opens in the shop's back office, or {@code null}
 */
record ShopSettings(OrdersUrl ordersUrl, String authHeader, String authToken, int maxOrders, Duration timeout,
        OrderLink orderLink) {

    static final String BASE_URL = "baseUrl";
    static final String ORDERS_PATH = "ordersPath";
    static final String AUTH_HEADER = "authHeader";
    static final String AUTH_TOKEN = "authToken";
    static final String MAX_ORDERS = "maxOrders";
    static final String TIMEOUT_SECONDS = "timeoutSeconds";
    static final String ORDER_LINK_TEMPLATE = "orderLinkTemplate";

    static final String DEFAULT_ORDERS_PATH = "/orders?email={email}&phone={phone}";
    static final String DEFAULT_AUTH_HEADER = "Authorization";
    static final int DEFAULT_MAX_ORDERS = 10;
    static final int DEFAULT_TIMEOUT_SECONDS = 5;
    /** An agent looks at the customer while the lookup runs: more than this is never "a few seconds". */
    static final int MAX_TIMEOUT_SECONDS = 30;
    static final int MAX_MAX_ORDERS = 100;

    /** Headers Java's HTTP client refuses to let a caller set. */
    private static final Set<String> RESTRICTED_HEADERS =
            Set.of("connection", "content-length", "expect", "host", "upgrade");
    /** RFC 9110 token characters. */
    private static final String HEADER_NAME = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";

    /**
     * Reads the settings; absent optional values take their defaults.
     *
     * @throws IllegalArgumentException naming the key of the first unusable value (never the value itself)
     */
    static ShopSettings from(ChannelConfig config) {
        List<ConfigProblem> problems = problems(config);
        if (!problems.isEmpty()) {
            ConfigProblem first = problems.getFirst();
            throw new IllegalArgumentException(first.key() + " " + first.message());
        }
        String base = config.require(BASE_URL).strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return new ShopSettings(
                new OrdersUrl(base, config.get(ORDERS_PATH).map(String::strip).orElse(DEFAULT_ORDERS_PATH)),
                config.get(AUTH_HEADER).map(String::strip).orElse(DEFAULT_AUTH_HEADER),
                config.get(AUTH_TOKEN).map(String::strip).orElse(null),
                integer(config, MAX_ORDERS, DEFAULT_MAX_ORDERS),
                Duration.ofSeconds(integer(config, TIMEOUT_SECONDS, DEFAULT_TIMEOUT_SECONDS)),
                config.get(ORDER_LINK_TEMPLATE).map(String::strip).map(OrderLink::new).orElse(null));
    }

    /** What is wrong with the values the admin entered. */
    static List<ConfigProblem> problems(ChannelConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        String base = config.get(BASE_URL).map(String::strip).orElse("");
        if (base.isEmpty()) {
            problems.add(new ConfigProblem(BASE_URL, "is required: the shop's API address, e.g. "
                    + "https://shop.example.com/api"));
        } else {
            String problem = baseUrlProblem(base);
            if (problem != null) {
                problems.add(new ConfigProblem(BASE_URL, problem));
            }
        }
        config.get(ORDERS_PATH).map(String::strip).map(OrdersUrl::problem)
                .ifPresent(problem -> problems.add(new ConfigProblem(ORDERS_PATH, problem)));
        config.get(AUTH_HEADER).map(String::strip).ifPresent(header -> {
            if (!header.matches(HEADER_NAME)) {
                problems.add(new ConfigProblem(AUTH_HEADER, "must be a header name such as Authorization or "
                        + "X-Shopify-Access-Token"));
            } else if (RESTRICTED_HEADERS.contains(header.toLowerCase(Locale.ROOT))) {
                problems.add(new ConfigProblem(AUTH_HEADER, "cannot carry a credential: choose another header"));
            }
        });
        config.get(AUTH_TOKEN).ifPresent(token -> {
            if (token.strip().chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                // never echo the value: it is a secret
                problems.add(new ConfigProblem(AUTH_TOKEN, "must be one line without control characters"));
            }
        });
        rangeProblem(config, MAX_ORDERS, 1, MAX_MAX_ORDERS, problems);
        rangeProblem(config, TIMEOUT_SECONDS, 1, MAX_TIMEOUT_SECONDS, problems);
        config.get(ORDER_LINK_TEMPLATE).map(String::strip).map(OrderLink::problem)
                .ifPresent(problem -> problems.add(new ConfigProblem(ORDER_LINK_TEMPLATE, problem)));
        return problems;
    }

    /** The header value: a bare token becomes {@code Bearer <token>} on Authorization, else it is sent as is. */
    String authValue() {
        if (authToken == null) {
            return null;
        }
        // "Basic dXNlcjpwYXNz" (WooCommerce keys) or "Token abc" already names its scheme
        boolean namesScheme = authToken.indexOf(' ') > 0;
        return authHeader.equalsIgnoreCase("Authorization") && !namesScheme ? "Bearer " + authToken : authToken;
    }

    private static int integer(ChannelConfig config, String key, int defaultValue) {
        return config.get(key).map(String::strip).map(Integer::parseInt).orElse(defaultValue);
    }

    private static void rangeProblem(ChannelConfig config, String key, int min, int max,
            List<ConfigProblem> problems) {
        config.get(key).map(String::strip).ifPresent(value -> {
            try {
                int number = Integer.parseInt(value);
                if (number < min || number > max) {
                    problems.add(new ConfigProblem(key, "must be between " + min + " and " + max));
                }
            } catch (NumberFormatException e) {
                problems.add(new ConfigProblem(key, "must be a whole number between " + min + " and " + max));
            }
        });
    }

    static String baseUrlProblem(String value) {
        try {
            URI uri = new URI(value);
            if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                return "must be an absolute http(s) URL such as https://shop.example.com/api";
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return "must not have a query or fragment: put the query into " + ORDERS_PATH;
            }
            return null;
        } catch (URISyntaxException e) {
            return "is not a URL: " + e.getReason();
        }
    }

    /** Never prints the credential. */
    @Override
    public String toString() {
        return "ShopSettings[ordersUrl=" + ordersUrl + ", authHeader=" + authHeader + ", authToken="
                + (authToken == null ? "none" : "***") + ", maxOrders=" + maxOrders + ", timeout=" + timeout
                + ", orderLink=" + orderLink + "]";
    }
}
