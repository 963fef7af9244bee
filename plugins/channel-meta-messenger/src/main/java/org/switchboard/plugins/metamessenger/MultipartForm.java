package org.switchboard.plugins.metamessenger;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body as the Send API takes a file: text fields plus one {@code filedata} part.
 * The JDK's HTTP client has no multipart support, and a library for this one use is not worth its weight.
 */
final class MultipartForm {

    private final String boundary = "switchboard-" + UUID.randomUUID();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private boolean finished;

    /** Adds a text field. */
    MultipartForm field(String name, String value) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quote(name) + "\"\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n");
        write(value);
        write("\r\n");
        return this;
    }

    /** Adds a file. */
    MultipartForm file(String name, String fileName, String contentType, byte[] content) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quote(name) + "\"; filename=\""
                + quote(fileName) + "\"\r\nContent-Type: " + contentType.replaceAll("[\r\n]", "") + "\r\n\r\n");
        body.writeBytes(content);
        write("\r\n");
        return this;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The finished body; no parts can be added afterwards. */
    byte[] body() {
        if (!finished) {
            write("--" + boundary + "--\r\n");
            finished = true;
        }
        return body.toByteArray();
    }

    private void write(String text) {
        if (finished) {
            throw new IllegalStateException("the form is finished");
        }
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Keeps a name from breaking out of its quotes or its header line. */
    private static String quote(String value) {
        return value.replaceAll("[\r\n\"]", "_");
    }
}
