package org.switchboard.plugins.telegram;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.switchboard.plugin.api.config.ChannelConfig;
import org.switchboard.plugin.api.config.ConfigProblem;

/**
 * One account's configuration, read once when its connection opens. The keys are a stable contract with stored
 * accounts: never rename one.
 *
 * @param botToken      the token BotFather issued, {@code <bot id>:<secret>}
 * @param webhookSecret the secret Telegram echoes in {@value #SECRET_HEADER} of every delivery
 * @param apiBaseUrl    the Bot API's base URL, without a trailing slash
 */
record TelegramSettings(String botToken, String webhookSecret, URI apiBaseUrl) {

    static final String BOT_TOKEN = "botToken";
    static final String WEBHOOK_SECRET = "webhookSecret";
    static final String API_BASE_URL = "apiBaseUrl";

    static final String DEFAULT_API_BASE_URL = "https://api.telegram.org";
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    /** BotFather's format; checked so a pasted chat link or bot name is caught before the first send. */
    private static final Pattern TOKEN = Pattern.compile("\\d{1,20}:[A-Za-z0-9_-]{20,100}");
    /** What setWebhook accepts as secret_token; anything else makes every registration fail. */
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    TelegramSettings {
        Objects.requireNonNull(botToken, "botToken");
        Objects.requireNonNull(webhookSecret, "webhookSecret");
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
    }

    /**
     * Reads the settings.
     *
     * @throws IllegalArgumentException naming the key of the first unusable value (never the value itself)
     */
    static TelegramSettings from(ChannelConfig config) {
        List<ConfigProblem> problems = problems(config);
        if (!problems.isEmpty()) {
            ConfigProblem first = problems.getFirst();
            throw new IllegalArgumentException(first.key() + ": " + first.message());
        }
        return new TelegramSettings(config.require(BOT_TOKEN).strip(), config.require(WEBHOOK_SECRET).strip(),
                baseUrl(config.get(API_BASE_URL).orElse(DEFAULT_API_BASE_URL)));
    }

    /** What is wrong with the values; messages describe the expected form and never repeat a secret. */
    static List<ConfigProblem> problems(ChannelConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        config.get(BOT_TOKEN).ifPresentOrElse(token -> {
            if (!TOKEN.matcher(token.strip()).matches()) {
                problems.add(new ConfigProblem(BOT_TOKEN,
                        "is not a bot token; BotFather issues it as <digits>:<letters, digits, - and _>"));
            }
        }, () -> problems.add(new ConfigProblem(BOT_TOKEN, "is required: the token BotFather gave the bot")));
        config.get(WEBHOOK_SECRET).ifPresentOrElse(secret -> {
            if (!SECRET.matcher(secret.strip()).matches()) {
                problems.add(new ConfigProblem(WEBHOOK_SECRET,
                        "must be 1 to 256 letters, digits, - or _ (what Telegram accepts as a secret token)"));
            }
        }, () -> problems.add(new ConfigProblem(WEBHOOK_SECRET, "is required; leave it empty to have one generated")));
        config.get(API_BASE_URL).ifPresent(url -> {
            try {
                baseUrl(url);
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(API_BASE_URL, e.getMessage()));
            }
        });
        return problems;
    }

    private static URI baseUrl(String value) {
        String trimmed = value.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
                throw new IllegalArgumentException("must be an http(s) URL such as " + DEFAULT_API_BASE_URL);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("must be an http(s) URL such as " + DEFAULT_API_BASE_URL);
        }
    }

    /** Never prints the token or the webhook secret. */
    @Override
    public String toString() {
        return "TelegramSettings[apiBaseUrl=" + apiBaseUrl + "]";
    }
}
