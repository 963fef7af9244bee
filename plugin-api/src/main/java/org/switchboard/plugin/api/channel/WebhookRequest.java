package org.switchboard.plugin.api.channel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request to {@code /hooks/{accountId}/...}, as raw as the provider sent it (signatures are computed over
 * the raw body).
 *
 * @param method        HTTP method, upper case
 * @param subPath       the path after the account id, starting with {@code /}, or empty
 * @param query         query parameters
 * @param headers       headers, names in lower case
 * @param body          the raw body
 * @param remoteAddress the client's address
 * @since 0.1.0
 */
public record WebhookRequest(
        String method,
        String subPath,
        Map<String, List<String>> query,
        Map<String, List<String>> headers,
        byte[] body,
        String remoteAddress) {

    public WebhookRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** The first value of a header (case-insensitive name). */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** The first value of a query parameter. */
    public Optional<String> queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** The body decoded as UTF-8. */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
