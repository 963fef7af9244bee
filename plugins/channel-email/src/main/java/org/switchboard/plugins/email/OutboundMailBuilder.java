package org.switchboard.plugins.email;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.switchboard.plugin.api.channel.Attachment;
import org.switchboard.plugin.api.channel.OutboundMessage;
import org.switchboard.plugin.api.channel.ThreadingHints;

/**
 * Builds the MIME message for an agent's reply.
 *
 * <p>The Message-ID is derived from the host's message id ({@code <messageId@domain of the From address>}), so a
 * retried send carries the same id and the customer's answer (In-Reply-To) names the stored outbound message.
 * Text and files are given as bytes with an explicit charset, so nothing depends on the platform's encoding.
 */
final class OutboundMailBuilder {

    private static final String UTF_8 = "UTF-8";

    private final EmailSettings settings;
    private final Clock clock;

    OutboundMailBuilder(EmailSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The Message-ID (without brackets) the message for {@code messageId} carries. */
    String messageIdFor(String messageId) {
        String local = messageId.replaceAll("[^A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]", "-");
        return local + "@" + settings.fromDomain();
    }

    MimeMessage build(Session session, OutboundMessage outbound, InternetAddress recipient)
            throws MessagingException {
        String messageId = messageIdFor(outbound.messageId());
        MimeMessage message = new FixedIdMessage(session, MessageIds.bracketed(messageId));
        message.setFrom(from());
        message.setRecipient(MimeMessage.RecipientType.TO, recipient);
        message.setSubject(subject(outbound), UTF_8);
        message.setSentDate(Date.from(clock.instant()));
        ThreadingHints threading = outbound.threading();
        if (threading.inReplyTo() != null && !threading.inReplyTo().isBlank()) {
            message.setHeader("In-Reply-To", MessageIds.bracketed(threading.inReplyTo()));
        }
        List<String> references = references(threading);
        if (!references.isEmpty()) {
            message.setHeader("References", MimeUtility.fold(12, String.join(" ", references)));
        }
        fill(message, outbound);
        message.saveChanges();
        return message;
    }

    private InternetAddress from() throws MessagingException {
        try {
            return settings.fromName().isEmpty() ? new InternetAddress(settings.fromAddress())
                    : new InternetAddress(settings.fromAddress(), settings.fromName(), UTF_8);
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is always supported", e);
        }
    }

    /** "Re: " + the conversation's subject (once) when answering, and the conversation token. */
    String subject(OutboundMessage outbound) {
        ThreadingHints threading = outbound.threading();
        String subject = threading.subject() == null ? "" : threading.subject().strip();
        if (subject.isEmpty()) {
            subject = "Message from " + (settings.fromName().isEmpty() ? settings.fromAddress() : settings.fromName());
        } else if (threading.inReplyTo() != null && !isReply(subject)) {
            subject = "Re: " + subject;
        }
        return SubjectToken.withToken(subject, outbound.conversationId());
    }

    private static boolean isReply(String subject) {
        String lower = subject.toLowerCase(Locale.ROOT);
        return lower.startsWith("re:") || lower.startsWith("re :") || lower.startsWith("aw:")
                || lower.startsWith("sv:") || lower.startsWith("antw:");
    }

    private static List<String> references(ThreadingHints threading) {
        List<String> ids = new ArrayList<>();
        for (String id : threading.references()) {
            addOnce(ids, id);
        }
        if (threading.inReplyTo() != null) {
            addOnce(ids, threading.inReplyTo());
        }
        return ids;
    }

    private static void addOnce(List<String> ids, String id) {
        if (id != null && !id.isBlank() && !ids.contains(MessageIds.bracketed(id))) {
            ids.add(MessageIds.bracketed(id));
        }
    }

    /** text/plain, or alternative(text, html) with inline images related to the html; files make it mixed. */
    private static void fill(MimeMessage message, OutboundMessage outbound) throws MessagingException {
        List<Attachment> inline = new ArrayList<>();
        List<Attachment> files = new ArrayList<>();
        boolean hasHtml = outbound.html() != null && !outbound.html().isBlank();
        for (Attachment attachment : outbound.attachments()) {
            if (hasHtml && attachment.inline() && attachment.contentId() != null) {
                inline.add(attachment);
            } else {
                files.add(attachment);
            }
        }
        MimeBodyPart text = textPart(outbound.text(), "text/plain");
        MimeMultipart alternative = null;
        if (hasHtml) {
            MimeBodyPart html = textPart(outbound.html(), "text/html");
            if (!inline.isEmpty()) {
                MimeMultipart related = new MimeMultipart("related");
                related.addBodyPart(html);
                for (Attachment attachment : inline) {
                    related.addBodyPart(filePart(attachment));
                }
                html = wrap(related);
            }
            alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
        }
        if (files.isEmpty()) {
            if (alternative != null) {
                message.setContent(alternative);
            } else {
                message.setDataHandler(text.getDataHandler());
                message.setHeader("Content-Type", text.getContentType());
                message.setHeader("Content-Transfer-Encoding", "quoted-printable");
            }
            return;
        }
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(alternative != null ? wrap(alternative) : text);
        for (Attachment attachment : files) {
            mixed.addBodyPart(filePart(attachment));
        }
        message.setContent(mixed);
    }

    private static MimeBodyPart textPart(String content, String type) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        String contentType = type + "; charset=" + UTF_8;
        part.setDataHandler(new DataHandler(
                new ByteArrayDataSource(content.getBytes(StandardCharsets.UTF_8), contentType)));
        part.setHeader("Content-Type", contentType);
        part.setHeader("Content-Transfer-Encoding", "quoted-printable");
        return part;
    }

    private static MimeBodyPart filePart(Attachment attachment) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
        part.setHeader("Content-Type", attachment.contentType());
        // Non-ASCII names are written as RFC 2231 parameters (Jakarta Mail's default), which clients read.
        part.setFileName(attachment.fileName());
        part.setDisposition(attachment.inline() ? MimeBodyPart.INLINE : MimeBodyPart.ATTACHMENT);
        if (attachment.contentId() != null) {
            part.setContentID(MessageIds.bracketed(attachment.contentId()));
        }
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
    }

    private static MimeBodyPart wrap(MimeMultipart multipart) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(multipart);
        return part;
    }

    /** Keeps the Message-ID we chose; {@code saveChanges()} would otherwise invent one. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
