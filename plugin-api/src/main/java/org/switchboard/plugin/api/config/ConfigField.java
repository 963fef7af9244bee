package org.switchboard.plugin.api.config;

import java.util.Objects;

/**
 * One configuration field of a channel account. Keys are a stable contract: never rename one.
 *
 * @param key          the key, e.g. {@code imapHost}
 * @param label        the label in the admin form
 * @param type         how the value is entered and checked
 * @param required     whether a value must be given
 * @param secret       whether the value is a secret: encrypted at rest, masked in the UI, never sent back to a
 *                     browser
 * @param defaultValue the default, or {@code null}
 * @param help         a sentence shown under the field, or {@code null}
 * @since 0.1.0
 */
public record ConfigField(
        String key, String label, FieldType type, boolean required, boolean secret, String defaultValue,
        String help) {

    public ConfigField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        if (type == FieldType.GENERATED_SECRET) {
            secret = true;
        }
    }

    public static ConfigField text(String key, String label, boolean required, String help) {
        return new ConfigField(key, label, FieldType.TEXT, required, false, null, help);
    }

    public static ConfigField secret(String key, String label, boolean required, String help) {
        return new ConfigField(key, label, FieldType.TEXT, required, true, null, help);
    }

    /** A secret the host generates when the account is created (signing keys). */
    public static ConfigField generatedSecret(String key, String label, String help) {
        return new ConfigField(key, label, FieldType.GENERATED_SECRET, true, true, null, help);
    }
}
