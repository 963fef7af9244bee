package org.switchboard.plugins.telegram;

/**
 * Hides the bot token in text that leaves the connection. The Bot API puts the token in every URL path
 * ({@code /bot<token>/sendMessage}, {@code /file/bot<token>/...}), so any error that mentions a URL, and any
 * provider page that echoes the path, would otherwise leak it.
 */
final class TokenMask {

    static final String PLACEHOLDER = "<bot-token>";

    private final String token;

    TokenMask(String token) {
        this.token = token;
    }

    /** The text with every occurrence of the token replaced; {@code null} stays {@code null}. */
    String mask(String text) {
        if (text == null || token.isEmpty()) {
            return text;
        }
        return text.replace(token, PLACEHOLDER);
    }
}
