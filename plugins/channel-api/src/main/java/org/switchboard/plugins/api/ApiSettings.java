package org.switchboard.plugins.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.switchboard.plugin.api.config.ChannelConfig;
import org.switchboard.plugin.api.config.ConfigProblem;

/**
 * One account's configuration. The keys are a stable contract with stored accounts: never rename one.
 *
 * @param signingSecret the HMAC key for both directions
 * @param callbackUrl   where outbound messages are POSTed
 */
record ApiSettings(String signingSecret, URI callbackUrl) {

    static final String SIGNING_SECRET = "signingSecret";
    static final String CALLBACK_URL = "callbackUrl";

    ApiSettings {
        Objects.requireNonNull(signingSecret, "signingSecret");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
    }

    /**
     * Reads the settings.
     *
     * @throws IllegalArgumentException naming the key of the first unusable value (never a secret)
     */
    static ApiSettings from(ChannelConfig config) {
        List<ConfigProblem> problems = problems(config);
        if (!problems.isEmpty()) {
            ConfigProblem first = problems.getFirst();
            throw new IllegalArgumentException(first.key() + ": " + first.message());
        }
        return new ApiSettings(config.require(SIGNING_SECRET), callbackUrl(config.require(CALLBACK_URL)));
    }

    static List<ConfigProblem> problems(ChannelConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        config.get(SIGNING_SECRET).ifPresentOrElse(secret -> {
            if (secret.length() < 16) {
                problems.add(new ConfigProblem(SIGNING_SECRET, "must be at least 16 characters"));
            }
        }, () -> problems.add(new ConfigProblem(SIGNING_SECRET, "is required; leave it empty to have one generated")));
        config.get(CALLBACK_URL).ifPresentOrElse(url -> {
            try {
                callbackUrl(url);
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(CALLBACK_URL, e.getMessage()));
            }
        }, () -> problems.add(new ConfigProblem(CALLBACK_URL,
                "is required: the URL of your system that receives outbound messages")));
        return problems;
    }

    private static URI callbackUrl(String value) {
        try {
            URI uri = new URI(value.strip());
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw notAUrl();
            }
            return uri;
        } catch (URISyntaxException e) {
            throw notAUrl();
        }
    }

    private static IllegalArgumentException notAUrl() {
        return new IllegalArgumentException("must be an http(s) URL such as https://crm.example.com/switchboard");
    }

    /** Prints neither the secret nor the callback URL, which may carry a credential in its query. */
    @Override
    public String toString() {
        return "ApiSettings[callbackHost=" + callbackUrl.getHost() + "]";
    }
}
