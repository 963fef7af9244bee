package org.switchboard.plugins.email;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.switchboard.plugin.api.channel.Attachment;
import org.switchboard.plugin.api.channel.Identity;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.api.channel.ThreadingHints;

/**
 * Turns one raw RFC 5322 message into the portal's canonical message.
 *
 * <p>The identity is the From address; the external id is the Message-ID without angle brackets (or, when a
 * message has none, {@code generated:} and a SHA-256 of From, Date, Subject and the body), so a mail fetched twice
 * is stored once. The text is the newest part of the mail ({@link QuotedText}); the full mail travels along as
 * {@code original.eml}.
 */
final class InboundMailReader {

    static final String ORIGINAL_NAME = "original.eml";
    static final String ORIGINAL_TYPE = "message/rfc822";
    private static final int MAX_ID_LENGTH = 255;
    private static final int MAX_METADATA_LENGTH = 512;

    private final String ownAddress;

    InboundMailReader(String ownAddress) {
        this.ownAddress = ownAddress;
    }

    /**
     * Reads a raw message.
     *
     * @param raw        the message as the server stores it
     * @param receivedAt when the server received it, used when the Date header is missing or unreadable
     */
    ReadMail read(byte[] raw, Instant receivedAt) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(MailSessions.offline(), new ByteArrayInputStream(raw));
        InternetAddress from = from(message);
        Optional<String> skip = AutoReplyDetector.reasonToSkip(message, from, ownAddress);
        if (skip.isPresent()) {
            return new ReadMail.Skipped(skip.get());
        }
        if (from == null) {
            return new ReadMail.Skipped("no readable From address");
        }
        String subject = subject(message);
        MailBody body = MimeWalker.walk(message);
        String text = displayText(body);
        String html = body.html() == null ? null : HtmlContent.sanitise(body.html());

        List<Attachment> attachments = new ArrayList<>(body.attachments());
        attachments.add(new Attachment(ORIGINAL_NAME, ORIGINAL_TYPE, raw, false, null));

        String messageId = MimeWalker.stripBrackets(message.getHeader("Message-ID", null));
        ThreadingHints threading = new ThreadingHints(subject, messageId,
                MessageIds.parse(message.getHeader("In-Reply-To", " ")).stream().findFirst().orElse(null),
                MessageIds.parse(message.getHeader("References", " ")),
                SubjectToken.conversationId(subject).orElse(null));

        Instant sentAt = sentAt(message, receivedAt);
        String externalId = externalId(messageId, from, message, subject, raw);
        return new ReadMail.Message(new InboundMessage(externalId, Identity.email(from.getAddress()),
                blankToNull(from.getPersonal()), List.of(), text, html, attachments, sentAt, threading,
                metadata(message)));
    }

    private static String displayText(MailBody body) {
        if (body.text() != null && !body.text().isBlank()) {
            return QuotedText.newest(body.text());
        }
        if (body.html() != null) {
            return QuotedText.newest(HtmlContent.newestText(body.html()));
        }
        return "";
    }

    private static InternetAddress from(MimeMessage message) {
        for (String header : List.of("From", "Sender", "Reply-To")) {
            try {
                String value = message.getHeader(header, ",");
                if (value == null) {
                    continue;
                }
                InternetAddress[] addresses = InternetAddress.parseHeader(value, false);
                for (InternetAddress address : addresses) {
                    if (address.getAddress() != null && address.getAddress().contains("@")) {
                        return address;
                    }
                }
            } catch (AddressException | RuntimeException e) {
                // try the next header
            } catch (MessagingException e) {
                return null;
            }
        }
        return null;
    }

    private static String subject(MimeMessage message) throws MessagingException {
        String raw = message.getHeader("Subject", null);
        if (raw == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(raw)).strip();
        } catch (UnsupportedEncodingException e) {
            return raw.strip();
        }
    }

    private static Instant sentAt(MimeMessage message, Instant receivedAt) {
        try {
            var date = message.getSentDate();
            if (date != null) {
                return date.toInstant();
            }
        } catch (MessagingException | RuntimeException e) {
            // an unreadable Date header: use the server's time
        }
        return receivedAt;
    }

    private static String externalId(String messageId, InternetAddress from, MimeMessage message, String subject,
            byte[] raw) throws MessagingException {
        if (messageId != null && messageId.length() <= MAX_ID_LENGTH) {
            return messageId;
        }
        String date = message.getHeader("Date", null);
        String material = String.join("\n", from.getAddress(), String.valueOf(date), String.valueOf(subject),
                HexFormat.of().formatHex(sha256(body(raw))), messageId == null ? "" : messageId);
        return "generated:" + HexFormat.of().formatHex(sha256(material.getBytes(StandardCharsets.UTF_8)));
    }

    /** The bytes after the header block; servers may add headers, the body stays as sent. */
    private static byte[] body(byte[] raw) {
        for (int i = 0; i + 1 < raw.length; i++) {
            if (raw[i] == '\n' && (raw[i + 1] == '\n' || raw[i + 1] == '\r' && i + 2 < raw.length
                    && raw[i + 2] == '\n')) {
                return Arrays.copyOfRange(raw, i + 1, raw.length);
            }
        }
        return raw;
    }

    private static Map<String, String> metadata(MimeMessage message) {
        Map<String, String> metadata = new LinkedHashMap<>();
        for (String header : List.of("To", "Cc")) {
            try {
                Address[] addresses = header.equals("To")
                        ? message.getRecipients(MimeMessage.RecipientType.TO)
                        : message.getRecipients(MimeMessage.RecipientType.CC);
                if (addresses != null && addresses.length > 0) {
                    String joined = String.join(", ", Arrays.stream(addresses).map(Address::toString).toList());
                    metadata.put(header.toLowerCase(java.util.Locale.ROOT), truncate(decode(joined)));
                }
            } catch (MessagingException | RuntimeException e) {
                // metadata is optional
            }
        }
        return metadata;
    }

    private static String decode(String text) {
        try {
            return MimeUtility.decodeText(text);
        } catch (UnsupportedEncodingException e) {
            return text;
        }
    }

    private static String truncate(String value) {
        return value.length() <= MAX_METADATA_LENGTH ? value : value.substring(0, MAX_METADATA_LENGTH - 1) + "…";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
