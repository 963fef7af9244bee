package org.switchboard.plugin.api.channel;

import java.util.Objects;

/**
 * A template an account may send, as offered to agents when free text is not allowed.
 *
 * @param name           the template's name at the provider
 * @param language       its language code at the provider
 * @param body           its body text with numbered placeholders ({@code {{1}}}, {@code {{2}}}, ...)
 * @param parameterCount how many placeholders the body has
 * @since 0.2.0
 */
public record MessageTemplate(String name, String language, String body, int parameterCount) {

    public MessageTemplate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(language, "language");
        body = body == null ? "" : body;
        if (parameterCount < 0) {
            throw new IllegalArgumentException("parameterCount must not be negative");
        }
    }

    /**
     * The body with the placeholders filled in, for the agent's history.
     *
     * @param parameters the values, in order; missing ones leave their placeholder
     * @return the rendered text
     */
    public String render(java.util.List<String> parameters) {
        String text = body;
        for (int i = 0; i < parameters.size(); i++) {
            text = text.replace("{{" + (i + 1) + "}}", parameters.get(i));
        }
        return text;
    }
}
