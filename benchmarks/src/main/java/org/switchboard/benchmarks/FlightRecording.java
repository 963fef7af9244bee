package org.switchboard.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.ParseException;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * A Java Flight Recording of the measured phase only (not startup or warm-up), with the JDK's "profile" settings;
 * open it with JDK Mission Control or {@code jfr print}.
 */
final class FlightRecording implements AutoCloseable {

    private final Recording recording;
    private final Path file;

    private FlightRecording(Recording recording, Path file) {
        this.recording = recording;
        this.file = file;
    }

    /** Starts recording when {@code file} is given; otherwise returns a recording that does nothing. */
    static FlightRecording startIfAsked(Path file) throws IOException, ParseException {
        if (file == null) {
            return new FlightRecording(null, null);
        }
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.setName("switchboard-ingest");
        recording.start();
        return new FlightRecording(recording, file);
    }

    @Override
    public void close() {
        if (recording == null) {
            return;
        }
        try (recording) {
            recording.stop();
            recording.dump(file);
            System.out.println("  flight recording of the measured phase: " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the flight recording to " + file, e);
        }
    }
}
