package org.switchboard.plugins.smstwilio;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's {@code X-Twilio-Signature}: Base64 of HMAC-SHA1, keyed with the account's auth token, over the full URL
 * Twilio called (query included, exactly as configured) followed by every POST parameter sorted by name, each
 * name immediately followed by its decoded value, no separators.
 *
 * <p>Like Twilio's own helper libraries, a repeated parameter contributes each distinct value, sorted, with its
 * name; and a signature is accepted over the URL as given, without its port, or with the scheme's default port,
 * because Twilio does not sign those consistently.
 */
final class TwilioSignature {

    private static final String HMAC_SHA1 = "HmacSHA1";

    private final byte[] key;

    TwilioSignature(String authToken) {
        this.key = authToken.getBytes(StandardCharsets.UTF_8);
    }

    /** The signature Twilio would send for {@code params} posted to {@code url}. */
    String sign(String url, Map<String, List<String>> params) {
        StringBuilder data = new StringBuilder(url);
        for (Map.Entry<String, List<String>> param : new TreeMap<>(params).entrySet()) {
            for (String value : new TreeSet<>(param.getValue())) {
                data.append(param.getKey()).append(value);
            }
        }
        try {
            Mac mac = Mac.getInstance(HMAC_SHA1);
            mac.init(new SecretKeySpec(key, HMAC_SHA1));
            byte[] digest = mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8));
            return java.util.Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is not available in this JVM", e);
        }
    }

    /** Whether {@code signature} is Twilio's for {@code params} posted to {@code url}; compared in constant time. */
    boolean verify(String signature, String url, Map<String, List<String>> params) {
        byte[] given = signature.strip().getBytes(StandardCharsets.UTF_8);
        boolean valid = false;
        for (String candidate : urlVariants(url)) {
            // No early exit: every variant is computed, so timing does not tell which one matched.
            valid |= MessageDigest.isEqual(given, sign(candidate, params).getBytes(StandardCharsets.UTF_8));
        }
        return valid;
    }

    /** The URL as given, without its port, and with the scheme's default port. */
    static List<String> urlVariants(String url) {
        Set<String> variants = new LinkedHashSet<>();
        variants.add(url);
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return List.copyOf(variants);
        }
        String authority = uri.getRawAuthority();
        String host = uri.getHost();
        if (authority == null || host == null || uri.getScheme() == null) {
            return List.copyOf(variants);
        }
        String userInfo = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@";
        String prefix = uri.getScheme() + "://";
        String rest = url.substring(prefix.length() + authority.length());
        variants.add(prefix + userInfo + host + rest);
        if (uri.getPort() < 0) {
            int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            variants.add(prefix + userInfo + host + ":" + defaultPort + rest);
        }
        return new ArrayList<>(variants);
    }
}
