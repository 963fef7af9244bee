package org.switchboard.plugins.textclassifier;

import java.util.Objects;

/**
 * What a classifier plugin tells the engine about itself.
 *
 * @param modelId        the stable model id recorded with every decision (e.g. {@code intent-mlp})
 * @param resourceAnchor a class of the plugin; the shipped model is looked up next to it
 * @param resourcePath   the shipped model's folder, relative to the anchor (holds {@code model.properties} and
 *                       {@code weights.params})
 * @param settings       how retraining trains
 */
public record ClassifierSpec(String modelId, Class<?> resourceAnchor, String resourcePath,
        TrainingSettings settings) {

    public ClassifierSpec {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(resourceAnchor, "resourceAnchor");
        Objects.requireNonNull(resourcePath, "resourcePath");
        Objects.requireNonNull(settings, "settings");
        if (!resourcePath.endsWith("/")) {
            resourcePath = resourcePath + "/";
        }
    }
}
