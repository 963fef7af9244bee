package com.example.switchboard.channel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@value #HEADER}: {@code sha256=<hex HMAC-SHA256(secret, raw body)>}, used in both directions.
 *
 * <p>Always verify over the raw bytes before parsing: a parser must never see an unauthenticated body. The
 * comparison takes the same time however many characters match, so the signature cannot be guessed byte by byte.
 * Without a timestamp a captured request can be replayed; that is harmless here because the portal stores each
 * message {@code id} only once (a channel whose messages have no stable id should sign a timestamp too).
 */
final class WebhookSignature {

    static final String HEADER = "X-Example-Signature";
    private static final String PREFIX = "sha256=";

    private final SecretKeySpec key;

    WebhookSignature(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The header value for {@code body}. */
    String sign(byte[] body) {
        return PREFIX + HexFormat.of().formatHex(mac(body));
    }

    /** Whether {@code header} is the signature of {@code body}; {@code false} for a missing or garbled header. */
    boolean verify(String header, byte[] body) {
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(PREFIX.length()).strip());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(given, mac(body));
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "WebhookSignature";
    }
}
