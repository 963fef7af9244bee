package org.switchboard.plugins.email;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.switchboard.plugin.api.channel.Attachment;

/**
 * Walks a message's MIME tree and collects the body a reader should see and the files it carries.
 *
 * <ul>
 *   <li>{@code multipart/alternative}: the last plain-text version is the text, the last HTML version the html
 *       (the standard orders alternatives from plainest to richest);</li>
 *   <li>{@code multipart/related}: the first part (or the {@code start} part) is the body, the others are inline
 *       resources kept with their Content-ID;</li>
 *   <li>{@code multipart/mixed} and unknown multiparts: inline text parts form the body, everything else is an
 *       attachment;</li>
 *   <li>a forwarded {@code message/rfc822} becomes an {@code .eml} attachment.</li>
 * </ul>
 *
 * Parts are read through {@link MimeMultipart#MimeMultipart(jakarta.activation.DataSource)} and raw input streams
 * rather than {@code getContent()}, which needs Jakarta Activation's content handlers found through a class
 * loader.
 */
final class MimeWalker {

    /** A mail bomb of nested multiparts must not exhaust the stack. */
    private static final int MAX_DEPTH = 20;

    private final StringBuilder text = new StringBuilder();
    private final StringBuilder html = new StringBuilder();
    private final List<Attachment> attachments = new ArrayList<>();
    private boolean hasText;
    private boolean hasHtml;

    private MimeWalker() {
    }

    static MailBody walk(MimeMessage message) throws MessagingException, IOException {
        MimeWalker walker = new MimeWalker();
        walker.visit(message, 0, false);
        return new MailBody(walker.hasText ? walker.text.toString() : null,
                walker.hasHtml ? walker.html.toString() : null, walker.attachments);
    }

    private void visit(Part part, int depth, boolean inRelated) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            return;
        }
        String type = baseType(part);
        if (type.startsWith("multipart/")) {
            MimeMultipart multipart = new MimeMultipart(part.getDataHandler().getDataSource());
            switch (type) {
                case "multipart/alternative" -> visitAlternative(multipart, depth);
                case "multipart/related" -> visitRelated(multipart, depth, part);
                default -> {
                    for (int i = 0; i < multipart.getCount(); i++) {
                        visit(multipart.getBodyPart(i), depth + 1, false);
                    }
                }
            }
        } else if (isBodyText(part, type)) {
            appendBody(part, type);
        } else {
            attachments.add(attachment(part, type, inRelated));
        }
    }

    private void visitAlternative(MimeMultipart alternative, int depth) throws MessagingException, IOException {
        Part plain = null;
        Part rich = null;
        for (int i = 0; i < alternative.getCount(); i++) {
            BodyPart candidate = alternative.getBodyPart(i);
            String type = baseType(candidate);
            if (type.equals("text/plain")) {
                plain = candidate;
            } else if (type.equals("text/html") || type.startsWith("multipart/")) {
                rich = candidate;
            }
        }
        if (plain != null) {
            appendBody(plain, "text/plain");
        }
        if (rich != null) {
            visit(rich, depth + 1, false);
        }
    }

    private void visitRelated(MimeMultipart related, int depth, Part container)
            throws MessagingException, IOException {
        int root = rootIndex(related, container);
        for (int i = 0; i < related.getCount(); i++) {
            visit(related.getBodyPart(i), depth + 1, i != root);
        }
    }

    private static int rootIndex(MimeMultipart related, Part container) throws MessagingException {
        String start = parameter(container.getContentType(), "start");
        if (start != null) {
            for (int i = 0; i < related.getCount(); i++) {
                if (related.getBodyPart(i) instanceof MimePart mime && start.equals(mime.getContentID())) {
                    return i;
                }
            }
        }
        return 0;
    }

    private static boolean isBodyText(Part part, String type) throws MessagingException {
        if (!type.equals("text/plain") && !type.equals("text/html")) {
            return false;
        }
        return !Part.ATTACHMENT.equalsIgnoreCase(disposition(part)) && fileName(part) == null;
    }

    private void appendBody(Part part, String type) throws MessagingException, IOException {
        String content = TextDecoder.text(part);
        if (type.equals("text/html")) {
            html.append(content);
            hasHtml = true;
        } else {
            if (hasText && !content.isEmpty()) {
                text.append("\n\n");
            }
            text.append(content);
            hasText = true;
        }
    }

    private static Attachment attachment(Part part, String type, boolean inRelated)
            throws MessagingException, IOException {
        String contentId = part instanceof MimePart mime ? stripBrackets(mime.getContentID()) : null;
        String name = fileName(part);
        if (name == null) {
            name = type.equals("message/rfc822") ? forwardedName(part) : defaultName(type, contentId);
        }
        boolean inline = contentId != null
                && (inRelated || Part.INLINE.equalsIgnoreCase(disposition(part)));
        return new Attachment(name, type, TextDecoder.bytes(part), inline, contentId);
    }

    private static String forwardedName(Part part) {
        return "forwarded.eml";
    }

    private static String defaultName(String type, String contentId) {
        String base = contentId != null ? contentId.replaceAll("[^A-Za-z0-9._-]", "_") : "attachment";
        int slash = type.indexOf('/');
        String extension = slash < 0 ? "bin" : type.substring(slash + 1).replaceAll("[^a-z0-9]", "");
        return base.contains(".") ? base : base + "." + (extension.isEmpty() ? "bin" : extension);
    }

    /** The file name, RFC 2231 and (non-standard but common) RFC 2047 encodings undone. */
    private static String fileName(Part part) throws MessagingException {
        String name;
        try {
            name = part.getFileName();
        } catch (MessagingException | RuntimeException e) {
            name = null;
        }
        if (name == null || name.isBlank()) {
            return null;
        }
        if (name.contains("=?")) {
            try {
                name = MimeUtility.decodeText(name);
            } catch (UnsupportedEncodingException e) {
                // keep it as it came
            }
        }
        // A file name is not a path: never let "../" or a directory through.
        name = name.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        return name.isEmpty() ? null : name;
    }

    private static String disposition(Part part) {
        try {
            String header = part instanceof MimePart mime ? mime.getHeader("Content-Disposition", null) : null;
            return header == null ? null : new ContentDisposition(header).getDisposition();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    static String baseType(Part part) throws MessagingException {
        String type = part.getContentType();
        if (type == null) {
            return "text/plain";
        }
        try {
            return new ContentType(type).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            int semicolon = type.indexOf(';');
            return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        }
    }

    private static String parameter(String contentType, String name) {
        try {
            return contentType == null ? null : new ContentType(contentType).getParameter(name);
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    static String stripBrackets(String id) {
        if (id == null) {
            return null;
        }
        String trimmed = id.strip();
        if (trimmed.startsWith("<") && trimmed.endsWith(">")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1).strip();
        }
        return trimmed.isEmpty() ? null : trimmed;
    }
}
