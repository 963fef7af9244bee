package org.switchboard.plugins.telegram;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import java.io.IOException;
import org.switchboard.plugin.api.channel.Attachment;

/**
 * Turns a Telegram {@code file_id} into an attachment: {@code getFile} names the file's path on Telegram's
 * servers, then the file is downloaded. Telegram lets bots download files of at most 20 MB.
 */
final class MediaFetcher {

    /** The Bot API's download limit for bots. */
    static final long MAX_DOWNLOAD_BYTES = 20L * 1024 * 1024;

    private final BotApi api;

    MediaFetcher(BotApi api) {
        this.api = api;
    }

    /**
     * Downloads one file.
     *
     * @param fileId      Telegram's file id
     * @param fileName    the name to give it, or {@code null} to use the last segment of Telegram's path
     * @param contentType its MIME type
     * @throws MediaUnavailable with a reason fit to show an agent (the token masked)
     */
    Attachment fetch(String fileId, String fileName, String contentType) throws MediaUnavailable {
        try {
            ApiAnswer answer = api.call("getFile", Json.object().add("file_id", fileId));
            if (!answer.ok()) {
                throw new MediaUnavailable("getFile failed: " + answer.description());
            }
            JsonObject file = answer.result() != null && answer.result().isObject() ? answer.result().asObject() : null;
            String path = file == null ? null : file.getString("file_path", null);
            if (path == null || path.isBlank()) {
                // Telegram omits the path for files bots may not download (over 20 MB).
                throw new MediaUnavailable("Telegram gave no download path (files over 20 MB cannot be fetched)");
            }
            if (file.getLong("file_size", 0) > MAX_DOWNLOAD_BYTES) {
                throw new MediaUnavailable("the file is larger than 20 MB");
            }
            byte[] content = api.download(path, MAX_DOWNLOAD_BYTES);
            String name = fileName != null && !fileName.isBlank() ? fileName
                    : path.substring(path.lastIndexOf('/') + 1);
            return new Attachment(name.isBlank() ? "file" : name, contentType, content, false, null);
        } catch (IOException e) {
            throw new MediaUnavailable(api.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaUnavailable("interrupted while downloading");
        }
    }

    /** Why a file could not be fetched. */
    static final class MediaUnavailable extends Exception {
        MediaUnavailable(String reason) {
            super(reason, null, false, false);
        }
    }
}
