package org.switchboard.plugins.assistant;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.switchboard.plugin.api.config.ChannelConfig;
import org.switchboard.plugin.api.config.ConfigField;
import org.switchboard.plugin.api.config.FieldType;

/**
 * The optional LLM connector's configuration. Keys are a stable contract. {@link #toString()} never shows the key.
 *
 * @param endpoint the chat-completions URL ({@code <llmUrl>/chat/completions})
 * @param model    the model name sent to the server
 * @param apiKey   the bearer token, or {@code null} for servers without one (Ollama, llama.cpp)
 * @param timeout  the deadline for the whole exchange
 */
record LlmSettings(URI endpoint, String model, String apiKey, Duration timeout) {

    static final String URL = "llmUrl";
    static final String MODEL = "llmModel";
    static final String API_KEY = "llmApiKey";
    static final String TIMEOUT = "llmTimeoutSeconds";
    static final int DEFAULT_TIMEOUT = 15;
    static final int MAX_TIMEOUT = 120;

    static final List<ConfigField> SCHEMA = List.of(
            new ConfigField(URL, "LLM base URL", FieldType.URL, false, false, null,
                    "Optional. An OpenAI-compatible API base, e.g. http://localhost:11434/v1 for Ollama or "
                            + "http://localhost:8080/v1 for llama.cpp; answers are then phrased by the model from "
                            + "the same facts. Leave empty to answer from templates."),
            ConfigField.text(MODEL, "LLM model", false, "The model name the server knows, e.g. llama3.1:8b. "
                    + "Needed when a base URL is set."),
            ConfigField.secret(API_KEY, "LLM API key", false, "Sent as a bearer token; leave empty for local "
                    + "servers that need none."),
            new ConfigField(TIMEOUT, "LLM timeout (seconds)", FieldType.INTEGER, false, false,
                    String.valueOf(DEFAULT_TIMEOUT), "After this the template answer is used instead (1–"
                            + MAX_TIMEOUT + ")."));

    /**
     * The settings, or why the LLM is not used (not configured, or configured wrongly: then the reason is recorded
     * in the reply and the templates answer).
     */
    static Optional<LlmSettings> from(ChannelConfig config, StringBuilder problem) {
        Optional<String> url = config.get(URL);
        if (url.isEmpty()) {
            return Optional.empty();
        }
        URI base;
        try {
            base = URI.create(url.get().strip());
        } catch (IllegalArgumentException e) {
            problem.append(URL).append(" is not a URL");
            return Optional.empty();
        }
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || base.getHost() == null) {
            problem.append(URL).append(" must be an http(s) URL");
            return Optional.empty();
        }
        Optional<String> model = config.get(MODEL);
        if (model.isEmpty()) {
            problem.append(MODEL).append(" is not set");
            return Optional.empty();
        }
        String path = base.toString().replaceAll("/+$", "");
        URI endpoint = URI.create(path + "/chat/completions");
        return Optional.of(new LlmSettings(endpoint, model.get().strip(), config.get(API_KEY).orElse(null),
                Duration.ofSeconds(timeoutSeconds(config))));
    }

    private static int timeoutSeconds(ChannelConfig config) {
        try {
            int seconds = Integer.parseInt(config.get(TIMEOUT).orElse(String.valueOf(DEFAULT_TIMEOUT)).strip());
            return seconds >= 1 && seconds <= MAX_TIMEOUT ? seconds : DEFAULT_TIMEOUT;
        } catch (NumberFormatException e) {
            return DEFAULT_TIMEOUT;
        }
    }

    @Override
    public String toString() {
        return "LlmSettings[endpoint=" + endpoint + ", model=" + model + ", apiKey=" + (apiKey == null ? "none"
                : "***") + ", timeout=" + timeout + "]";
    }
}
