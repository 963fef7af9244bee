package org.switchboard.plugin.api.ai;

import java.util.Objects;

/**
 * Which model made a decision, recorded with every AI decision.
 *
 * @param id      a stable model id (e.g. {@code intent-mlp})
 * @param version the version of its weights (e.g. {@code default-2026-11-23} or a retraining's id)
 * @since 0.4.0 (incubating)
 */
public record ModelInfo(String id, String version) {

    public ModelInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
    }
}
