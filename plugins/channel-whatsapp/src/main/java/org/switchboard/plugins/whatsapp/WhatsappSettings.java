package org.switchboard.plugins.whatsapp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.switchboard.plugin.api.config.ChannelConfig;
import org.switchboard.plugin.api.config.ConfigProblem;

/**
 * One account's configuration, read once when its connection opens. The keys are a stable contract with stored
 * accounts: never rename one.
 *
 * @param phoneNumberId     the business phone number's id at Meta (not the number itself)
 * @param businessAccountId the WhatsApp Business Account (WABA) id, which owns the templates
 * @param accessToken       a system-user access token with whatsapp_business_messaging and _management
 * @param appSecret         the Meta app's secret, which signs webhook deliveries
 * @param verifyToken       the token Meta echoes in the subscription handshake
 * @param apiBaseUrl        the Graph API's base URL, without a trailing slash
 * @param apiVersion        the Graph API version, e.g. {@code v21.0}
 */
record WhatsappSettings(String phoneNumberId, String businessAccountId, String accessToken, String appSecret,
        String verifyToken, URI apiBaseUrl, String apiVersion) {

    static final String PHONE_NUMBER_ID = "phoneNumberId";
    static final String BUSINESS_ACCOUNT_ID = "businessAccountId";
    static final String ACCESS_TOKEN = "accessToken";
    static final String APP_SECRET = "appSecret";
    static final String VERIFY_TOKEN = "verifyToken";
    static final String API_BASE_URL = "apiBaseUrl";
    static final String API_VERSION = "apiVersion";

    static final String DEFAULT_API_BASE_URL = "https://graph.facebook.com";
    static final String DEFAULT_API_VERSION = "v21.0";

    WhatsappSettings {
        Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        Objects.requireNonNull(businessAccountId, "businessAccountId");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(appSecret, "appSecret");
        Objects.requireNonNull(verifyToken, "verifyToken");
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        Objects.requireNonNull(apiVersion, "apiVersion");
    }

    /**
     * Reads the settings; absent optional values take their defaults.
     *
     * @throws IllegalArgumentException naming the key of the first unusable value
     */
    static WhatsappSettings from(ChannelConfig config) {
        List<ConfigProblem> problems = problems(config);
        if (!problems.isEmpty()) {
            ConfigProblem first = problems.getFirst();
            throw new IllegalArgumentException(first.key() + ": " + first.message());
        }
        String base = config.get(API_BASE_URL).map(String::strip).orElse(DEFAULT_API_BASE_URL);
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return new WhatsappSettings(
                config.require(PHONE_NUMBER_ID).strip(),
                config.require(BUSINESS_ACCOUNT_ID).strip(),
                config.require(ACCESS_TOKEN).strip(),
                config.require(APP_SECRET).strip(),
                config.require(VERIFY_TOKEN),
                URI.create(base),
                config.get(API_VERSION).map(String::strip).orElse(DEFAULT_API_VERSION));
    }

    /** What is wrong with the values the admin entered. */
    static List<ConfigProblem> problems(ChannelConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        requireDigits(config, PHONE_NUMBER_ID, "the phone number ID from WhatsApp Manager › API Setup (digits only, "
                + "not the phone number)", problems);
        requireDigits(config, BUSINESS_ACCOUNT_ID, "the WhatsApp Business Account ID (digits only)", problems);
        require(config, ACCESS_TOKEN, problems);
        require(config, APP_SECRET, problems);
        require(config, VERIFY_TOKEN, problems);
        config.get(API_BASE_URL).ifPresent(value -> {
            String problem = urlProblem(value.strip());
            if (problem != null) {
                problems.add(new ConfigProblem(API_BASE_URL, problem));
            }
        });
        config.get(API_VERSION).ifPresent(value -> {
            if (!value.strip().matches("v\\d+\\.\\d+")) {
                problems.add(new ConfigProblem(API_VERSION, "must look like v21.0, not '" + value + "'"));
            }
        });
        return problems;
    }

    private static void require(ChannelConfig config, String key, List<ConfigProblem> problems) {
        if (config.get(key).isEmpty()) {
            problems.add(new ConfigProblem(key, "is required"));
        }
    }

    private static void requireDigits(ChannelConfig config, String key, String what, List<ConfigProblem> problems) {
        String value = config.get(key).map(String::strip).orElse("");
        if (value.isEmpty()) {
            problems.add(new ConfigProblem(key, "is required: " + what));
        } else if (!value.matches("\\d+")) {
            problems.add(new ConfigProblem(key, "must be " + what));
        }
    }

    private static String urlProblem(String value) {
        try {
            URI uri = new URI(value);
            if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                return "must be an absolute http(s) URL such as " + DEFAULT_API_BASE_URL;
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return "must not have a query or fragment";
            }
            return null;
        } catch (URISyntaxException e) {
            return "is not a URL: " + e.getReason();
        }
    }

    /** Never prints the access token, the app secret or the verify token. */
    @Override
    public String toString() {
        return "WhatsappSettings[phoneNumberId=" + phoneNumberId + ", businessAccountId=" + businessAccountId
                + ", apiBaseUrl=" + apiBaseUrl + ", apiVersion=" + apiVersion + "]";
    }
}
