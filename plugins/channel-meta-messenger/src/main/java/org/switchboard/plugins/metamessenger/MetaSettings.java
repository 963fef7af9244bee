package org.switchboard.plugins.metamessenger;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.switchboard.plugin.api.config.ChannelConfig;
import org.switchboard.plugin.api.config.ConfigField;
import org.switchboard.plugin.api.config.ConfigProblem;
import org.switchboard.plugin.api.config.FieldType;

/**
 * One account's configuration, read once when its connection opens.
 *
 * @param network       Messenger or Instagram
 * @param accountId     our id at Meta: the Page ID or the Instagram professional account ID
 * @param accessToken   the Page access token or Instagram user access token
 * @param appSecret     the app secret that signs webhooks
 * @param verifyToken   the token Meta echoes in the subscription handshake
 * @param apiBaseUrl    the Graph API's base URL, without trailing slash
 * @param apiVersion    the Graph API version, e.g. {@code v21.0}
 * @param fetchProfiles whether to look up customers' names
 */
record MetaSettings(MetaNetwork network, String accountId, String accessToken, String appSecret,
        String verifyToken, URI apiBaseUrl, String apiVersion, boolean fetchProfiles) {

    MetaSettings {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(appSecret, "appSecret");
        Objects.requireNonNull(verifyToken, "verifyToken");
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        Objects.requireNonNull(apiVersion, "apiVersion");
    }

    /** The admin form of one network's accounts. */
    static List<ConfigField> schema(MetaNetwork network) {
        boolean messenger = network == MetaNetwork.MESSENGER;
        return List.of(
                ConfigField.text(network.accountIdKey(), network.accountIdLabel(), true, messenger
                        ? "The numeric ID of the Facebook Page (Page → About → Page transparency, or the App "
                                + "Dashboard's Messenger settings)."
                        : "The numeric ID of the Instagram professional account: the user_id that "
                                + "GET https://graph.instagram.com/me?fields=user_id returns for the token (webhooks "
                                + "carry it as entry.id)."),
                ConfigField.secret(network.tokenKey(), network.tokenLabel(), true, messenger
                        ? "A Page access token with pages_messaging (App Dashboard → Messenger → Messenger API "
                                + "Settings → Generate token)."
                        : "A long-lived Instagram user access token with instagram_business_manage_messages "
                                + "(App Dashboard → Instagram → API setup with Instagram login). It lasts 60 days."),
                ConfigField.secret(MetaNetwork.APP_SECRET, "App secret", true, messenger
                        ? "App Dashboard → App settings → Basic → App secret; Meta signs every webhook with it."
                        : "App Dashboard → Instagram → API setup with Instagram login → Instagram app secret; "
                                + "Meta signs every webhook with it."),
                ConfigField.generatedSecret(MetaNetwork.VERIFY_TOKEN, "Webhook verify token",
                        "Paste it as the 'Verify token' next to the callback URL in the App Dashboard's webhook "
                                + "settings."),
                new ConfigField(MetaNetwork.API_BASE_URL, "Graph API base URL", FieldType.URL, false, false,
                        network.defaultApiBaseUrl(), "Change only for a proxy or a test server."),
                new ConfigField(MetaNetwork.API_VERSION, "Graph API version", FieldType.TEXT, false, false,
                        MetaNetwork.DEFAULT_API_VERSION, "The Graph API version to call, such as v21.0."),
                new ConfigField(MetaNetwork.FETCH_PROFILES, "Look up customers' names", FieldType.BOOLEAN, false,
                        false, "true", "Asks Meta for the name of each new sender. Needs the profile permission "
                                + "of your app; without it names stay empty and messages still arrive."));
    }

    /**
     * Reads the settings.
     *
     * @throws IllegalArgumentException naming the key of the first unusable or missing value
     */
    static MetaSettings from(MetaNetwork network, ChannelConfig config) {
        List<ConfigProblem> problems = problems(network, config);
        if (!problems.isEmpty()) {
            ConfigProblem first = problems.getFirst();
            throw new IllegalArgumentException(first.key() + ": " + first.message());
        }
        String verifyToken = config.get(MetaNetwork.VERIFY_TOKEN).orElseThrow(() -> new IllegalArgumentException(
                MetaNetwork.VERIFY_TOKEN + ": missing; it should have been generated"));
        String base = config.get(MetaNetwork.API_BASE_URL).orElse(network.defaultApiBaseUrl()).strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return new MetaSettings(network,
                config.require(network.accountIdKey()).strip(),
                config.require(network.tokenKey()).strip(),
                config.require(MetaNetwork.APP_SECRET).strip(),
                verifyToken,
                URI.create(base),
                config.get(MetaNetwork.API_VERSION).orElse(MetaNetwork.DEFAULT_API_VERSION).strip(),
                config.get(MetaNetwork.FETCH_PROFILES).map(MetaSettings::parseBoolean).orElse(true));
    }

    /** What is wrong with the values the admin entered; the generated verify token is not the admin's concern. */
    static List<ConfigProblem> problems(MetaNetwork network, ChannelConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (String key : List.of(network.accountIdKey(), network.tokenKey(), MetaNetwork.APP_SECRET)) {
            if (config.get(key).isEmpty()) {
                problems.add(new ConfigProblem(key, "is required"));
            }
        }
        config.get(network.accountIdKey()).map(String::strip).filter(id -> !id.matches("[0-9]{1,30}"))
                .ifPresent(id -> problems.add(new ConfigProblem(network.accountIdKey(),
                        "must be the numeric ID, not '" + abbreviate(id) + "'")));
        config.get(MetaNetwork.API_BASE_URL).map(String::strip).ifPresent(url -> {
            if (!isHttpUrl(url)) {
                problems.add(new ConfigProblem(MetaNetwork.API_BASE_URL,
                        "must be an absolute http(s) URL, not '" + abbreviate(url) + "'"));
            }
        });
        config.get(MetaNetwork.API_VERSION).map(String::strip).filter(v -> !v.matches("v[0-9]{1,3}\\.[0-9]{1,3}"))
                .ifPresent(v -> problems.add(new ConfigProblem(MetaNetwork.API_VERSION,
                        "must look like v21.0, not '" + abbreviate(v) + "'")));
        config.get(MetaNetwork.FETCH_PROFILES).ifPresent(value -> {
            try {
                parseBoolean(value);
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(MetaNetwork.FETCH_PROFILES, e.getMessage()));
            }
        });
        return problems;
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getQuery() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static boolean parseBoolean(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false, not '" + abbreviate(value) + "'");
        };
    }

    private static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "…";
    }

    /** Never prints the token or the secrets. */
    @Override
    public String toString() {
        return "MetaSettings[" + network.descriptor().id() + ", " + network.accountIdKey() + "=" + accountId
                + ", apiBaseUrl=" + apiBaseUrl + ", apiVersion=" + apiVersion + ", fetchProfiles=" + fetchProfiles
                + "]";
    }
}
