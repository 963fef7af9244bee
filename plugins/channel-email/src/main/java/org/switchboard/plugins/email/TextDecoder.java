package org.switchboard.plugins.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns a text part into a string without Jakarta Mail's content handlers, with the charset mistakes real mail
 * makes in mind.
 */
final class TextDecoder {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoder() {
    }

    /** The part's bytes (transfer encoding undone) decoded with its declared charset. */
    static String text(Part part) throws MessagingException, IOException {
        return decode(bytes(part), charsetName(part));
    }

    /** The part's bytes with the transfer encoding (base64, quoted-printable) undone. */
    static byte[] bytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    static String decode(byte[] bytes, String declared) {
        Charset charset = charset(declared);
        if (charset != null) {
            return new String(bytes, charset);
        }
        // Undeclared or unknown: UTF-8 if the bytes are valid UTF-8, else what Windows mail clients write.
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, WINDOWS_1252);
        }
    }

    private static Charset charset(String declared) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        String name = MimeUtility.javaCharset(declared.trim());
        // Mail labelled ISO-8859-1 is very often windows-1252 (curly quotes, euro sign); 1252 is a superset of
        // ISO-8859-1's printable characters, so decoding with it is never worse. Browsers do the same.
        if (name.equalsIgnoreCase("ISO-8859-1") || name.equalsIgnoreCase("ISO8859_1")
                || name.equalsIgnoreCase("us-ascii") || name.equalsIgnoreCase("ascii")) {
            return WINDOWS_1252;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String charsetName(Part part) throws MessagingException {
        String type = part.getContentType();
        if (type == null) {
            return null;
        }
        try {
            return new ContentType(type).getParameter("charset");
        } catch (MessagingException | RuntimeException e) {
            String lower = type.toLowerCase(Locale.ROOT);
            int at = lower.indexOf("charset=");
            if (at < 0) {
                return null;
            }
            String value = type.substring(at + 8).trim();
            value = value.startsWith("\"") ? value.substring(1) : value;
            return value.replaceAll("[\";\\s].*$", "");
        }
    }
}
