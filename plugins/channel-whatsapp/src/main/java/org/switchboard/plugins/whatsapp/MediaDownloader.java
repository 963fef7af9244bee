package org.switchboard.plugins.whatsapp;

import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.switchboard.plugin.api.channel.Attachment;

/**
 * Fetches the file of an inbound media message in Meta's two steps: {@code GET /{media-id}} answers a short-lived
 * URL, and that URL answers the bytes to the same Bearer token. A failure is an answer, not an exception: the
 * message is kept with a note instead of the file.
 */
final class MediaDownloader {

    /**
     * The largest file taken into the store. WhatsApp allows documents up to 100 MB, but every byte travels
     * through memory and the database; 25 MB covers images (5 MB), audio and video (16 MB) and most documents.
     */
    static final long MAX_BYTES = 25L * 1024 * 1024;

    /**
     * The outcome of one download.
     *
     * @param attachment the file, or {@code null} when it could not be fetched
     * @param problem    why it could not be fetched (for metadata and the log), or {@code null}
     */
    record Result(Attachment attachment, String problem) {
        static Result failed(String problem) {
            return new Result(null, problem);
        }
    }

    private final GraphApi graph;
    private final System.Logger log;

    MediaDownloader(GraphApi graph, System.Logger log) {
        this.graph = graph;
        this.log = log;
    }

    /**
     * Downloads one media object.
     *
     * @param mediaId  the id in the notification
     * @param mimeType the MIME type the notification gave, or {@code null}
     * @param sha256   the hash the notification gave (hex or base64), or {@code null}
     * @param fileName the name the sender gave (documents), or {@code null} to make one up
     * @param kind     the message type (image, document, ...), used in a made-up name
     */
    Result download(String mediaId, String mimeType, String sha256, String fileName, String kind) {
        try {
            GraphResponse info = graph.get(graph.url(encode(mediaId)), GraphApi.DEFAULT_TIMEOUT);
            if (!info.isSuccess()) {
                return failed(mediaId, "WhatsApp did not describe the media: " + info.error().describe());
            }
            JsonObject json = info.json().orElse(null);
            String url = json == null ? null : stringOrNull(json.get("url"));
            if (url == null || url.isBlank()) {
                return failed(mediaId, "WhatsApp's media description has no url");
            }
            String type = firstNonBlank(mimeType, json == null ? null : stringOrNull(json.get("mime_type")),
                    "application/octet-stream");
            long declaredSize = json == null || json.get("file_size") == null ? -1 : parseSize(json.get("file_size"));
            if (declaredSize > MAX_BYTES) {
                return failed(mediaId, "larger than " + MAX_BYTES / (1024 * 1024) + " MB");
            }
            GraphResponse file = graph.download(URI.create(url), MAX_BYTES, GraphApi.DEFAULT_TIMEOUT);
            if (!file.isSuccess()) {
                return failed(mediaId, "the media URL answered HTTP " + file.status());
            }
            String expectedHash = firstNonBlank(sha256, json == null ? null : stringOrNull(json.get("sha256")), null);
            if (expectedHash != null && !hashMatches(file.body(), expectedHash)) {
                return failed(mediaId, "the downloaded file does not match WhatsApp's SHA-256");
            }
            String name = fileName == null || fileName.isBlank()
                    ? MediaTypes.fileName(kind, mediaId, type) : fileName;
            return new Result(new Attachment(name, type, file.body(), false, null), null);
        } catch (GraphApi.TooLarge e) {
            return failed(mediaId, e.getMessage());
        } catch (HttpTimeoutException e) {
            return failed(mediaId, "timed out: " + e.getMessage());
        } catch (IOException | IllegalArgumentException e) {
            return failed(mediaId, "could not be fetched: " + e.getClass().getSimpleName());
        }
    }

    private Result failed(String mediaId, String problem) {
        log.log(Level.WARNING, "WhatsApp media {0} was not downloaded: {1}", mediaId, problem);
        return Result.failed(problem);
    }

    /** Meta documents the hash as hex in newer versions and as base64 in older ones; accept either. */
    private static boolean hashMatches(byte[] content, String expected) {
        byte[] actual;
        try {
            actual = MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        String trimmed = expected.strip();
        if (trimmed.matches("[0-9a-fA-F]{64}")) {
            return HexFormat.of().formatHex(actual).equals(trimmed.toLowerCase(Locale.ROOT));
        }
        try {
            return MessageDigest.isEqual(actual, Base64.getDecoder().decode(trimmed));
        } catch (IllegalArgumentException e) {
            return true; // a hash we cannot read proves nothing either way; the download itself succeeded
        }
    }

    private static long parseSize(JsonValue value) {
        try {
            return value.isNumber() ? value.asLong() : value.isString() ? Long.parseLong(value.asString()) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String encode(String mediaId) {
        return java.net.URLEncoder.encode(mediaId, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String stringOrNull(JsonValue value) {
        return value != null && value.isString() ? value.asString() : null;
    }

    private static String firstNonBlank(String first, String second, String fallback) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second != null && !second.isBlank() ? second : fallback;
    }
}
