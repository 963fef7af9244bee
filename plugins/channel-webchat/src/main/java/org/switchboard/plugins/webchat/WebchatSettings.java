package org.switchboard.plugins.webchat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.switchboard.plugin.api.config.ChannelConfig;
import org.switchboard.plugin.api.config.ConfigProblem;

/**
 * One account's configuration, read once when its connection opens. The keys are a stable contract with stored
 * accounts: never rename one.
 *
 * @param title          the panel's title
 * @param greeting       shown above the conversation; empty for none
 * @param preChatForm    whether to ask name and email before the first message
 * @param allowedOrigins the pages that may embed the widget
 * @param signingKey     the key visitor tokens are signed with
 */
record WebchatSettings(
        String title, String greeting, boolean preChatForm, AllowedOrigins allowedOrigins, String signingKey) {

    static final String WIDGET_TITLE = "widgetTitle";
    static final String GREETING = "greeting";
    static final String PRE_CHAT_FORM = "preChatForm";
    static final String ALLOWED_ORIGINS = "allowedOrigins";
    static final String SIGNING_KEY = "signingKey";

    static final String DEFAULT_TITLE = "Chat with us";
    static final String DEFAULT_GREETING = "Hi! How can we help?";

    WebchatSettings {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(greeting, "greeting");
        Objects.requireNonNull(allowedOrigins, "allowedOrigins");
        Objects.requireNonNull(signingKey, "signingKey");
    }

    /**
     * Reads the settings; absent optional values take their defaults.
     *
     * @throws IllegalArgumentException naming the key of the first unusable value
     */
    static WebchatSettings from(ChannelConfig config) {
        List<ConfigProblem> problems = problems(config);
        if (!problems.isEmpty()) {
            ConfigProblem first = problems.getFirst();
            throw new IllegalArgumentException(first.key() + ": " + first.message());
        }
        String signingKey = config.get(SIGNING_KEY).orElseThrow(
                () -> new IllegalArgumentException(SIGNING_KEY + ": missing; it should have been generated"));
        // A greeting the admin cleared on purpose is blank, not absent: keep it empty, don't restore the default.
        String greeting = config.values().getOrDefault(GREETING, DEFAULT_GREETING).strip();
        return new WebchatSettings(
                config.get(WIDGET_TITLE).map(String::strip).orElse(DEFAULT_TITLE),
                greeting,
                config.get(PRE_CHAT_FORM).map(WebchatSettings::parseBoolean).orElse(true),
                AllowedOrigins.parse(config.get(ALLOWED_ORIGINS).orElse(AllowedOrigins.ANY)),
                signingKey);
    }

    /** What is wrong with the values the admin entered; the generated signing key is not the admin's concern. */
    static List<ConfigProblem> problems(ChannelConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        config.get(ALLOWED_ORIGINS).ifPresent(value -> {
            try {
                AllowedOrigins.parse(value);
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(ALLOWED_ORIGINS, e.getMessage()));
            }
        });
        config.get(PRE_CHAT_FORM).ifPresent(value -> {
            try {
                parseBoolean(value);
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(PRE_CHAT_FORM, e.getMessage()));
            }
        });
        return problems;
    }

    private static boolean parseBoolean(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false, not '" + value + "'");
        };
    }

    /** Never prints the signing key. */
    @Override
    public String toString() {
        return "WebchatSettings[title=" + title + ", preChatForm=" + preChatForm + ", allowedOrigins="
                + allowedOrigins + "]";
    }
}
