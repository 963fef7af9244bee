package org.switchboard.plugins.whatsapp;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** WhatsApp's media kinds and MIME types, both ways. */
final class MediaTypes {

    /** What WhatsApp shows as a picture; other images (webp, gif) only travel as documents. */
    private static final Set<String> IMAGES = Set.of("image/jpeg", "image/png");
    private static final Set<String> VIDEOS = Set.of("video/mp4", "video/3gpp");
    private static final Set<String> AUDIO = Set.of("audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg");

    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("image/jpeg", "jpg"), Map.entry("image/png", "png"), Map.entry("image/webp", "webp"),
            Map.entry("image/gif", "gif"), Map.entry("video/mp4", "mp4"), Map.entry("video/3gpp", "3gp"),
            Map.entry("audio/aac", "aac"), Map.entry("audio/amr", "amr"), Map.entry("audio/mpeg", "mp3"),
            Map.entry("audio/mp4", "m4a"), Map.entry("audio/ogg", "ogg"), Map.entry("application/pdf", "pdf"),
            Map.entry("text/plain", "txt"), Map.entry("application/msword", "doc"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
            Map.entry("application/vnd.ms-excel", "xls"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
            Map.entry("application/vnd.ms-powerpoint", "ppt"),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"));

    private MediaTypes() {
    }

    /** The bare type: {@code audio/ogg; codecs=opus} → {@code audio/ogg}. */
    static String bare(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** The message type an outbound file is sent as: image, video, audio or document. */
    static String outboundKind(String contentType) {
        String type = bare(contentType);
        if (IMAGES.contains(type)) {
            return "image";
        }
        if (VIDEOS.contains(type)) {
            return "video";
        }
        if (AUDIO.contains(type)) {
            return "audio";
        }
        return "document";
    }

    /** Whether WhatsApp shows a caption under this kind (audio has none). */
    static boolean takesCaption(String kind) {
        return !kind.equals("audio");
    }

    /** A file name for media that came without one, e.g. {@code image-1234.jpg}. */
    static String fileName(String kind, String mediaId, String contentType) {
        String extension = EXTENSIONS.get(bare(contentType));
        String safeId = mediaId.replaceAll("[^A-Za-z0-9_.-]", "_");
        return kind + "-" + safeId + (extension == null ? "" : "." + extension);
    }
}
