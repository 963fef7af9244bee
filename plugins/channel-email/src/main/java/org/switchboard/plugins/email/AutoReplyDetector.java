package org.switchboard.plugins.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises mail no human wrote to us (RFC 3834 auto-replies, bulk mail, bounces), so that an out-of-office
 * answer to an agent's reply does not open a conversation, and two auto-responders cannot ping-pong.
 */
final class AutoReplyDetector {

    private AutoReplyDetector() {
    }

    /** Why the message should be skipped, or empty when a person wrote it. */
    static Optional<String> reasonToSkip(MimeMessage message, InternetAddress from, String ownAddress)
            throws MessagingException {
        String autoSubmitted = firstValue(message, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.equals("no")) {
            return Optional.of("Auto-Submitted: " + autoSubmitted);
        }
        String precedence = firstValue(message, "Precedence");
        if (precedence != null && (precedence.equals("bulk") || precedence.equals("junk")
                || precedence.equals("list"))) {
            return Optional.of("Precedence: " + precedence);
        }
        // Out-of-office markers of responders that omit Auto-Submitted.
        String autoreply = firstValue(message, "X-Autoreply");
        if ("yes".equals(autoreply) || firstValue(message, "X-Autorespond") != null) {
            return Optional.of("X-Autoreply/X-Autorespond");
        }
        if (MimeWalker.baseType(message).equals("multipart/report")) {
            return Optional.of("delivery or disposition report");
        }
        if (from != null) {
            String address = from.getAddress() == null ? "" : from.getAddress().toLowerCase(Locale.ROOT);
            String local = address.contains("@") ? address.substring(0, address.indexOf('@')) : address;
            if (local.equals("mailer-daemon") || local.equals("postmaster")) {
                return Optional.of("from " + local);
            }
            if (address.equalsIgnoreCase(ownAddress)) {
                return Optional.of("from our own address");
            }
        }
        return Optional.empty();
    }

    /** The header's first value, lower case, without comments or parameters. */
    private static String firstValue(MimeMessage message, String name) throws MessagingException {
        String value = message.getHeader(name, null);
        if (value == null) {
            return null;
        }
        value = value.replaceAll("\\(.*?\\)", "");
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
