package org.switchboard.plugins.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.switchboard.plugin.api.channel.WebhookRequest;

/**
 * The signature both directions carry: {@code X-Switchboard-Timestamp: <unix seconds>} and
 * {@code X-Switchboard-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>}.
 *
 * <p>The timestamp is signed with the body and must be within {@link #TOLERANCE} of our clock, so a captured
 * request cannot be replayed later; within the window a replay is harmless because message ids are deduplicated.
 */
final class Signature {

    static final String TIMESTAMP_HEADER = "X-Switchboard-Timestamp";
    static final String SIGNATURE_HEADER = "X-Switchboard-Signature";
    static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String PREFIX = "sha256=";

    private final SecretKeySpec key;

    Signature(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The header value for a body sent at {@code timestamp} (unix seconds). */
    String sign(long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256"); // not thread-safe, and cheap enough to create per request
            mac.init(key);
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }

    /**
     * Checks a request's signature over its raw body.
     *
     * @throws InvalidRequest 401 when a header is missing, the timestamp is not within the window, or the
     *                        signature does not match
     */
    void verify(WebhookRequest request, Instant now) throws InvalidRequest {
        String timestamp = request.header(TIMESTAMP_HEADER).orElse("").strip();
        String presented = request.header(SIGNATURE_HEADER).orElse("").strip();
        if (timestamp.isEmpty() || presented.isEmpty()) {
            throw InvalidRequest.unauthorized("the " + TIMESTAMP_HEADER + " and " + SIGNATURE_HEADER
                    + " headers are required");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw InvalidRequest.unauthorized(TIMESTAMP_HEADER + " must be unix seconds");
        }
        long skew = Math.abs(now.getEpochSecond() - seconds);
        if (skew > TOLERANCE.toSeconds()) {
            throw InvalidRequest.unauthorized(TIMESTAMP_HEADER + " is " + skew + " s away from our clock (at most "
                    + TOLERANCE.toSeconds() + " s allowed): sign with the current time");
        }
        byte[] expected = sign(seconds, request.body()).getBytes(StandardCharsets.US_ASCII);
        // Constant-time, so response timing tells nothing about how much of a forged signature was right.
        if (!MessageDigest.isEqual(expected, presented.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8))) {
            throw InvalidRequest.unauthorized("the signature does not match: expected " + SIGNATURE_HEADER
                    + ": sha256=<hex HMAC-SHA256(signingSecret, timestamp + \".\" + raw body)>");
        }
    }
}
