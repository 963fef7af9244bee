package org.switchboard.plugins.metamessenger;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's webhook signature: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body under the app
 * secret>}. Checked over the raw bytes before anything is parsed, so strangers learn nothing about the format.
 */
final class WebhookSignature {

    static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";

    private final SecretKeySpec key;

    WebhookSignature(String appSecret) {
        this.key = new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /**
     * Checks the header against the body.
     *
     * @throws WebhookRefused 401 when the header is missing, malformed or does not match
     */
    void verify(Optional<String> header, byte[] body) throws WebhookRefused {
        String value = header.map(String::strip).orElseThrow(
                () -> new WebhookRefused(401, "missing " + HEADER + " header"));
        if (!value.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            throw new WebhookRefused(401, HEADER + " must start with sha256=");
        }
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new WebhookRefused(401, HEADER + " is not a hex digest");
        }
        if (!MessageDigest.isEqual(presented, sign(body))) {
            throw new WebhookRefused(401, HEADER + " does not match the body; check the app secret");
        }
    }

    private byte[] sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
