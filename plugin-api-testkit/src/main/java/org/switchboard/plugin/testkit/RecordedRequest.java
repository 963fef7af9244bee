package org.switchboard.plugin.testkit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request the {@link ProviderStub} received.
 *
 * @param method  HTTP method
 * @param path    path without the query
 * @param query   raw query string, or {@code null}
 * @param headers headers, names in lower case
 * @param body    raw body
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
        byte[] body) {

    /** A header's first value. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** The body as UTF-8 text. */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
