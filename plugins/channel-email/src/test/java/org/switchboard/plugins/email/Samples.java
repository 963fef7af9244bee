package org.switchboard.plugins.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Raw mail samples under {@code src/test/resources/mail}. */
final class Samples {

    private Samples() {
    }

    static byte[] raw(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/mail/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
