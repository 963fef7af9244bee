package org.switchboard.portal.csat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.portal.channel.PublicUrlProperties;
import org.switchboard.portal.channel.SecretCipher;

/**
 * Signed rating links: {@code <public-url>/csat/<survey id>.<expiry, epoch seconds>.<signature>}, the signature an
 * HMAC-SHA256 (cut to 128 bits, to keep SMS short) over id and expiry with a key generated on first use and stored
 * encrypted like channel secrets. A link names its survey and nothing else; it works until its expiry for whoever
 * holds it, like any emailed survey link.
 */
@Component
class RatingLinks {

    /** The outcome of checking a token. */
    enum Outcome {
        VALID, EXPIRED, INVALID
    }

    /**
     * A checked token.
     *
     * @param outcome  valid, expired, or not ours
     * @param surveyId the survey it names (when valid or expired)
     */
    record Check(Outcome outcome, long surveyId) {
    }

    private static final int SIGNATURE_BYTES = 16;
    private static final String PATH = "/csat/";

    private final JdbcTemplate jdbc;
    private final SecretCipher cipher;
    private final PublicUrlProperties urls;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private volatile byte[] key;

    RatingLinks(JdbcTemplate jdbc, SecretCipher cipher, PublicUrlProperties urls, Clock clock,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.urls = urls;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The rating page of a survey, valid until {@code expiresAt}. */
    String url(long surveyId, Instant expiresAt) {
        return base() + PATH + token(surveyId, expiresAt);
    }

    /** A URL as long as any this portal makes, to check that a question with its link fits a channel. */
    String longestUrl() {
        return base() + PATH + Long.MAX_VALUE + "." + Long.MAX_VALUE + "." + "x".repeat(22);
    }

    String token(long surveyId, Instant expiresAt) {
        String payload = surveyId + "." + expiresAt.getEpochSecond();
        return payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature(payload));
    }

    /** Checks a token from a URL: the signature first, so a forged one is never told it expired. */
    Check check(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("\\d{1,18}")
                || !parts[2].matches("[A-Za-z0-9_-]{22}")) {
            return new Check(Outcome.INVALID, 0);
        }
        // Compared as text: the last character has bits the decoder ignores, and a link has one spelling only.
        byte[] expected = Base64.getUrlEncoder().withoutPadding().encode(signature(parts[0] + "." + parts[1]));
        if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return new Check(Outcome.INVALID, 0);
        }
        long surveyId = Long.parseLong(parts[0]);
        boolean expired = !clock.instant().isBefore(Instant.ofEpochSecond(Long.parseLong(parts[1])));
        return new Check(expired ? Outcome.EXPIRED : Outcome.VALID, surveyId);
    }

    private String base() {
        return urls.publicUrl().toString().replaceAll("/+$", "");
    }

    private byte[] signature(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] full = mac.doFinal(("csat-link:v1:" + payload).getBytes(StandardCharsets.US_ASCII));
            return Arrays.copyOf(full, SIGNATURE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /* Made once per installation; INSERT IGNORE lets two nodes starting together agree on one key. */
    private byte[] key() {
        byte[] known = key;
        if (known != null) {
            return known;
        }
        String sealed = ownTransaction.execute(status -> {
            List<String> stored = jdbc.queryForList("select sealed_key from csat_signing_key where id = 1",
                    String.class);
            if (!stored.isEmpty()) {
                return stored.getFirst();
            }
            jdbc.update("insert ignore into csat_signing_key (id, sealed_key, created_at) values (1, ?, ?)",
                    cipher.encrypt(cipher.randomSecret()), Timestamp.from(clock.instant()));
            return jdbc.queryForObject("select sealed_key from csat_signing_key where id = 1", String.class);
        });
        known = cipher.decrypt(sealed).getBytes(StandardCharsets.UTF_8);
        key = known;
        return known;
    }
}
