package org.switchboard.plugins.email;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * How far the portal has stored a mailbox: the folder's UIDVALIDITY and the highest UID stored, in a small file
 * per account under the plugin's data directory ({@code <dataDirectory>/<accountId>/imap-cursor}).
 *
 * <p>The file is replaced atomically, so a crash leaves the old or the new position, never a torn one. A UID is
 * only written after the portal accepted the mail; a crash between the two fetches that mail again, and the portal
 * stores it once (it deduplicates on the Message-ID).
 */
final class MailboxCursor {

    /** A position in one folder. */
    record Position(long uidValidity, long lastUid) {
    }

    private final Path file;

    MailboxCursor(Path directory) {
        this.file = directory.resolve("imap-cursor");
    }

    Optional<Position> read() {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            String[] parts = Files.readString(file, StandardCharsets.US_ASCII).strip().split("\\s+");
            return Optional.of(new Position(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
        } catch (IOException | RuntimeException e) {
            // An unreadable cursor is treated as a first start: unseen mail is fetched again, and deduplicated.
            return Optional.empty();
        }
    }

    void write(Position position) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temp, position.uidValidity() + " " + position.lastUid() + "\n",
                    StandardCharsets.US_ASCII);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the mailbox position in " + file, e);
        }
    }
}
