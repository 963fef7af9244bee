package org.switchboard.plugin.api.ai;

import java.util.Objects;

/**
 * One training example.
 *
 * @param text  the text
 * @param label its label
 * @since 0.4.0 (incubating)
 */
public record LabelledText(String text, String label) {

    public LabelledText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
    }
}
