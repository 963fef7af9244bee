package com.example.switchboard.channel;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.plugin.api.config.ChannelConfig;
import org.switchboard.plugin.api.config.ConfigProblem;

/**
 * One account's configuration. The keys are stored with the account: never rename one.
 *
 * @param outboundUrl where replies are POSTed
 * @param secret      the HMAC key for both directions
 */
record ExampleSettings(URI outboundUrl, String secret) {

    static final String OUTBOUND_URL = "outboundUrl";
    static final String SECRET = "secret";
    static final int MIN_SECRET_LENGTH = 16;

    /** Reads valid settings; call {@link #problems} first. */
    static ExampleSettings from(ChannelConfig config) {
        return new ExampleSettings(URI.create(config.require(OUTBOUND_URL).strip()), config.require(SECRET));
    }

    /** What is wrong with a configuration, by key, in words an admin understands; empty when it is usable. */
    static List<ConfigProblem> problems(ChannelConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        String url = config.get(OUTBOUND_URL).map(String::strip).orElse("");
        if (url.isEmpty()) {
            problems.add(new ConfigProblem(OUTBOUND_URL, "is required"));
        } else if (!isHttpUrl(url)) {
            problems.add(new ConfigProblem(OUTBOUND_URL, "must be an http(s) URL such as https://app.example.com/replies"));
        }
        String secret = config.get(SECRET).orElse("");
        if (secret.isEmpty()) {
            problems.add(new ConfigProblem(SECRET, "is required"));
        } else if (secret.length() < MIN_SECRET_LENGTH) {
            problems.add(new ConfigProblem(SECRET, "must be at least " + MIN_SECRET_LENGTH + " characters"));
        }
        return problems;
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Never prints the secret (records print every component by default). */
    @Override
    public String toString() {
        return "ExampleSettings[outboundHost=" + outboundUrl.getHost() + "]";
    }
}
