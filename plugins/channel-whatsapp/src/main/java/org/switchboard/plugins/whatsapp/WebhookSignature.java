package org.switchboard.plugins.whatsapp;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's webhook signature: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>}, keyed with the
 * app secret. Checked over the raw bytes before anything is parsed, so strangers learn nothing about the parser.
 */
final class WebhookSignature {

    static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";

    private final SecretKeySpec key;

    WebhookSignature(String appSecret) {
        this.key = new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** Whether {@code header} is the signature of {@code body}; compared in constant time. */
    boolean matches(byte[] body, String header) {
        if (header == null) {
            return false;
        }
        byte[] presented = header.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = (PREFIX + HexFormat.of().formatHex(hmac(body))).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(presented, expected);
    }

    private byte[] hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
