package org.switchboard.plugins.webchat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The web pages allowed to talk to this account's chat (the {@code allowedOrigins} setting), as CORS sees them.
 *
 * <p>Entries are kept in the form browsers send in the {@code Origin} header (lower case, no default port, no
 * path), so checking a request is a set lookup.
 *
 * @param anyOrigin whether {@code *} was given: every page may embed the widget
 * @param origins   the allowed origins, normalised
 */
record AllowedOrigins(boolean anyOrigin, Set<String> origins) {

    static final String ANY = "*";

    AllowedOrigins {
        origins = Set.copyOf(origins);
    }

    /**
     * Parses the comma-separated setting.
     *
     * @throws IllegalArgumentException naming the first entry that is neither {@code *} nor an http(s) origin
     */
    static AllowedOrigins parse(String setting) {
        boolean any = false;
        Set<String> origins = new LinkedHashSet<>();
        for (String entry : setting.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue; // a trailing comma is a typo, not an error worth stopping the admin for
            }
            if (trimmed.equals(ANY)) {
                any = true;
            } else {
                origins.add(normalise(trimmed));
            }
        }
        if (!any && origins.isEmpty()) {
            throw new IllegalArgumentException("give * or at least one origin such as https://www.example.com");
        }
        return new AllowedOrigins(any, origins);
    }

    /** Whether a page with this {@code Origin} header may use the chat. */
    boolean allows(String origin) {
        return anyOrigin || origins.contains(origin.toLowerCase(Locale.ROOT));
    }

    private static String normalise(String entry) {
        URI uri;
        try {
            uri = new URI(entry);
        } catch (URISyntaxException e) {
            throw notAnOrigin(entry);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean http = scheme.equals("http") || scheme.equals("https");
        boolean pathless = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
        if (!http || uri.getHost() == null || uri.getRawUserInfo() != null || !pathless
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw notAnOrigin(entry);
        }
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static IllegalArgumentException notAnOrigin(String entry) {
        return new IllegalArgumentException(
                "'" + entry + "' is neither * nor an http(s) origin such as https://www.example.com (no path)");
    }
}
