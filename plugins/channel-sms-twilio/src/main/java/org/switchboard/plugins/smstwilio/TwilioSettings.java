package org.switchboard.plugins.smstwilio;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.switchboard.plugin.api.config.ChannelConfig;
import org.switchboard.plugin.api.config.ConfigProblem;

/**
 * One account's configuration, read once when its connection opens. The keys are a stable contract with stored
 * accounts: never rename one.
 *
 * @param accountSid          the Twilio account ({@code AC…}); also the user name of every API call
 * @param authToken           the account's auth token: API password and webhook signing key
 * @param fromNumber          the Twilio number replies come from (E.164), or {@code null}
 * @param messagingServiceSid the Messaging Service that picks the sender ({@code MG…}), or {@code null}; wins
 *                            over {@code fromNumber}
 * @param publicBaseUrl       the URL Twilio calls for this account when it differs from the portal's own idea of
 *                            it (a proxy in between), or {@code null}
 * @param apiBaseUrl          where Twilio's REST API is, without a trailing slash
 * @param maxSegments         the most SMS parts one outbound text may take
 */
record TwilioSettings(String accountSid, String authToken, String fromNumber, String messagingServiceSid,
        URI publicBaseUrl, URI apiBaseUrl, int maxSegments) {

    static final String ACCOUNT_SID = "accountSid";
    static final String AUTH_TOKEN = "authToken";
    static final String FROM_NUMBER = "fromNumber";
    static final String MESSAGING_SERVICE_SID = "messagingServiceSid";
    static final String PUBLIC_BASE_URL = "publicBaseUrl";
    static final String API_BASE_URL = "apiBaseUrl";
    static final String MAX_SEGMENTS = "maxSegments";

    static final String DEFAULT_API_BASE_URL = "https://api.twilio.com";
    static final int DEFAULT_MAX_SEGMENTS = 10;
    /** Twilio refuses bodies over 1,600 characters: at most 24 UCS-2 parts, so more could never be used. */
    static final int MAX_MAX_SEGMENTS = 24;

    private static final Pattern ACCOUNT_SID_FORMAT = Pattern.compile("AC[0-9a-fA-F]{32}");
    private static final Pattern SERVICE_SID_FORMAT = Pattern.compile("MG[0-9a-fA-F]{32}");

    TwilioSettings {
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(authToken, "authToken");
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        if (fromNumber == null && messagingServiceSid == null) {
            throw new IllegalArgumentException("a sender (fromNumber or messagingServiceSid) is needed");
        }
    }

    /**
     * Reads the settings; absent optional values take their defaults.
     *
     * @throws IllegalArgumentException naming the key of the first unusable value
     */
    static TwilioSettings from(ChannelConfig config) {
        List<ConfigProblem> problems = problems(config);
        if (!problems.isEmpty()) {
            ConfigProblem first = problems.getFirst();
            throw new IllegalArgumentException((first.key() == null ? "" : first.key() + ": ") + first.message());
        }
        return new TwilioSettings(
                config.require(ACCOUNT_SID).strip(),
                config.require(AUTH_TOKEN).strip(),
                config.get(FROM_NUMBER).flatMap(PhoneNumbers::e164).orElse(null),
                config.get(MESSAGING_SERVICE_SID).map(String::strip).orElse(null),
                config.get(PUBLIC_BASE_URL).map(TwilioSettings::withoutTrailingSlash).map(URI::create).orElse(null),
                URI.create(withoutTrailingSlash(config.get(API_BASE_URL).orElse(DEFAULT_API_BASE_URL))),
                config.get(MAX_SEGMENTS).map(v -> Integer.parseInt(v.strip())).orElse(DEFAULT_MAX_SEGMENTS));
    }

    /** What is wrong with the values the admin entered. Never quotes the auth token. */
    static List<ConfigProblem> problems(ChannelConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        config.get(ACCOUNT_SID).map(String::strip).ifPresentOrElse(sid -> {
            if (!ACCOUNT_SID_FORMAT.matcher(sid).matches()) {
                problems.add(new ConfigProblem(ACCOUNT_SID,
                        "must be the Account SID from the Twilio console: AC followed by 32 hexadecimal digits"));
            }
        }, () -> problems.add(new ConfigProblem(ACCOUNT_SID, "is required")));
        if (config.get(AUTH_TOKEN).isEmpty()) {
            problems.add(new ConfigProblem(AUTH_TOKEN, "is required"));
        }
        config.get(FROM_NUMBER).ifPresent(number -> {
            if (PhoneNumbers.e164(number).isEmpty()) {
                problems.add(new ConfigProblem(FROM_NUMBER,
                        "must be a number in international E.164 format, such as +15551234567"));
            }
        });
        config.get(MESSAGING_SERVICE_SID).map(String::strip).ifPresent(sid -> {
            if (!SERVICE_SID_FORMAT.matcher(sid).matches()) {
                problems.add(new ConfigProblem(MESSAGING_SERVICE_SID,
                        "must be a Messaging Service SID: MG followed by 32 hexadecimal digits"));
            }
        });
        if (config.get(FROM_NUMBER).isEmpty() && config.get(MESSAGING_SERVICE_SID).isEmpty()) {
            problems.add(new ConfigProblem(FROM_NUMBER,
                    "a sender is required: give the Twilio number to send from, or a Messaging Service SID"));
        }
        config.get(PUBLIC_BASE_URL).ifPresent(url -> urlProblem(url, true)
                .ifPresent(message -> problems.add(new ConfigProblem(PUBLIC_BASE_URL, message))));
        config.get(API_BASE_URL).ifPresent(url -> urlProblem(url, false)
                .ifPresent(message -> problems.add(new ConfigProblem(API_BASE_URL, message))));
        config.get(MAX_SEGMENTS).ifPresent(value -> {
            try {
                int segments = Integer.parseInt(value.strip());
                if (segments < 1 || segments > MAX_MAX_SEGMENTS) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                problems.add(new ConfigProblem(MAX_SEGMENTS,
                        "must be a whole number from 1 to " + MAX_MAX_SEGMENTS));
            }
        });
        return problems;
    }

    private static Optional<String> urlProblem(String value, boolean webhook) {
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                return Optional.of("must be an absolute http(s) URL");
            }
            if (uri.getRawUserInfo() != null) {
                return Optional.of("must not contain a user name or password");
            }
            if (uri.getRawFragment() != null || (webhook && uri.getRawQuery() != null)) {
                return Optional.of(webhook ? "must not have a query string or fragment"
                        : "must not have a fragment");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL: " + e.getReason());
        }
    }

    private static String withoutTrailingSlash(String url) {
        String value = url.strip();
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        return value;
    }

    /** Never prints the auth token. */
    @Override
    public String toString() {
        return "TwilioSettings[accountSid=" + accountSid + ", fromNumber=" + fromNumber + ", messagingServiceSid="
                + messagingServiceSid + ", publicBaseUrl=" + publicBaseUrl + ", apiBaseUrl=" + apiBaseUrl
                + ", maxSegments=" + maxSegments + "]";
    }
}
