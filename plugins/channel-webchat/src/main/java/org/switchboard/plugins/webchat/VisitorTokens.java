package org.switchboard.plugins.webchat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.switchboard.plugin.api.channel.WebhookRequest;

/**
 * Issues and checks visitor credentials without a session table: the visitor id is 128 random bits and the token
 * is an HMAC of the id under the account's signing key, so any node can check a token and nothing needs storing.
 * Rotating the signing key logs every visitor out (their next session starts a new conversation identity).
 */
final class VisitorTokens {

    static final String VISITOR_ID_HEADER = "X-Visitor-Id";
    static final String VISITOR_TOKEN_HEADER = "X-Visitor-Token";

    /** 16 bytes in unpadded base64url are exactly 22 characters. */
    private static final int VISITOR_ID_LENGTH = 22;
    private static final String HMAC = "HmacSHA256";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    /** Keyed Macs not in use; never more than the requests that ran at once. */
    private final Queue<Mac> idleMacs = new ConcurrentLinkedQueue<>();

    VisitorTokens(String signingKey) {
        this.key = new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), HMAC);
    }

    /** 22 base64url characters (checked by hand: a regex match was a third of the token check on every webhook). */
    static boolean isVisitorId(String value) {
        if (value.length() != VISITOR_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < VISITOR_ID_LENGTH; i++) {
            char c = value.charAt(i);
            boolean base64url = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-'
                    || c == '_';
            if (!base64url) {
                return false;
            }
        }
        return true;
    }

    /** A fresh visitor id: 128 random bits, base64url. */
    String newVisitorId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    /** The token that proves possession of a visitor id: base64url of HMAC-SHA256(signing key, visitor id). */
    String tokenFor(String visitorId) {
        // A Mac is not thread-safe, and creating and keying one (a provider look-up and two hashed key pads) cost
        // a tenth of a webhook's handling; doFinal leaves it keyed and ready for the next token.
        Mac mac = idleMacs.poll();
        if (mac == null) {
            mac = newMac();
        }
        String token = BASE64URL.encodeToString(mac.doFinal(visitorId.getBytes(StandardCharsets.UTF_8)));
        idleMacs.offer(mac);
        return token;
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }

    /** Whether the token was issued for this visitor id under the current signing key. */
    boolean isValid(String visitorId, String token) {
        // Constant-time, so response timing tells nothing about how much of a forged token was right.
        return isVisitorId(visitorId) && MessageDigest.isEqual(
                tokenFor(visitorId).getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The visitor id of a request whose visitor headers carry a valid token.
     *
     * @throws RequestRefused 401 when a header is missing or the token does not match
     */
    String authenticate(WebhookRequest request) throws RequestRefused {
        String visitorId = request.header(VISITOR_ID_HEADER).orElse("");
        String token = request.header(VISITOR_TOKEN_HEADER).orElse("");
        if (visitorId.isEmpty() || token.isEmpty()) {
            throw RequestRefused.unauthorized("the " + VISITOR_ID_HEADER + " and " + VISITOR_TOKEN_HEADER
                    + " headers are required; start a session with POST /session");
        }
        if (!isValid(visitorId, token)) {
            throw RequestRefused.unauthorized("invalid visitor token; start a new session with POST /session");
        }
        return visitorId;
    }
}
