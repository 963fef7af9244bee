package org.switchboard.plugins.smstwilio;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.switchboard.plugin.api.channel.WebhookRequest;

/**
 * The public URLs Twilio calls for one account, which are what it signs.
 *
 * <p>The base is {@code publicBaseUrl} when configured, else the portal's webhook URL for the account
 * ({@code https://<public-url>/hooks/<account-id>}); a trailing slash is dropped. A request's signed URL is the base,
 * then the request's sub-path ({@code ""} for messages, {@code /status} for status callbacks), then its query, if
 * any. The host hands the query over decoded and unordered, so it is rebuilt as {@code name=value} pairs sorted by
 * name and form-encoded ({@code +} for a space); a webhook URL configured at Twilio with a query string therefore
 * verifies only if it is written that way. The plugin never needs one.
 */
final class WebhookUrls {

    static final String STATUS_PATH = "/status";

    private final String base;

    WebhookUrls(URI webhookUrl, URI publicBaseUrl) {
        String chosen = (publicBaseUrl != null ? publicBaseUrl : webhookUrl).toString();
        while (chosen.endsWith("/")) {
            chosen = chosen.substring(0, chosen.length() - 1);
        }
        this.base = chosen;
    }

    /** The URL Twilio called, as it signed it. */
    String signedUrl(WebhookRequest request) {
        StringBuilder url = new StringBuilder(base).append(request.subPath());
        Map<String, List<String>> query = new TreeMap<>(request.query());
        char separator = '?';
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            for (String value : parameter.getValue()) {
                url.append(separator).append(encode(parameter.getKey())).append('=').append(encode(value));
                separator = '&';
            }
        }
        return url.toString();
    }

    /** Where Twilio posts the delivery status of what this account sends. */
    String statusCallback() {
        return base + STATUS_PATH;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
