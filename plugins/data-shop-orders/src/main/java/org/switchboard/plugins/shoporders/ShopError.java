package org.switchboard.plugins.shoporders;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import java.nio.charset.StandardCharsets;

/**
 * The sentence agents see when the shop answers with an error status: the status, what it usually means, and the
 * shop's own short message when it sent one as JSON (Shopify {@code {"errors": "..."}}, WooCommerce
 * {@code {"message": "..."}}). An HTML error page is not quoted, and the credential is masked should a shop echo it.
 */
final class ShopError {

    private static final int MAX_QUOTE = 200;

    private ShopError() {
    }

    static String describe(int status, byte[] body, String secret) {
        String quote = quote(body, secret);
        String what = switch (status) {
            case 401, 403 -> "the shop refused the credentials (HTTP " + status + ")";
            case 404 -> "the shop answered HTTP 404 (not found): check the base URL and the orders path";
            case 429 -> "the shop is limiting requests (HTTP 429): try again in a moment";
            default -> status >= 500 ? "the shop failed to answer (HTTP " + status + ")"
                    : status >= 300 && status < 400 ? "the shop answered HTTP " + status + " (a redirect): check "
                            + "the base URL"
                    : "the shop answered HTTP " + status;
        };
        String hint = status == 401 || status == 403 ? ": check the token and the header it is sent in" : "";
        return what + (quote == null ? "" : ": " + quote) + hint;
    }

    private static String quote(byte[] body, String secret) {
        if (body == null || body.length == 0) {
            return null;
        }
        String text;
        try {
            JsonValue json = Json.parse(new String(body, StandardCharsets.UTF_8));
            text = json.isObject() ? message(json.asObject()) : null;
        } catch (RuntimeException notJson) {
            return null;
        }
        if (text == null || text.isBlank()) {
            return null;
        }
        text = text.strip().replaceAll("\\s+", " ");
        if (secret != null && !secret.isEmpty()) {
            text = text.replace(secret, "***");
        }
        return text.length() > MAX_QUOTE ? text.substring(0, MAX_QUOTE) + "…" : text;
    }

    private static String message(JsonObject object) {
        for (String name : new String[] {"message", "error_description", "error", "errors", "detail", "title"}) {
            JsonValue value = object.get(name);
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isString()) {
                return value.asString();
            }
            if (value.isObject()) {
                String nested = message(value.asObject());
                // Shopify validation errors: {"errors": {"email": ["is invalid"]}}
                return nested != null ? nested : value.toString();
            }
            if (value.isArray() && !value.asArray().isEmpty()) {
                JsonValue first = value.asArray().get(0);
                return first.isString() ? first.asString()
                        : first.isObject() ? message(first.asObject()) : first.toString();
            }
        }
        return null;
    }
}
