package org.switchboard.plugin.api.config;

/**
 * How a configuration value is entered and checked by the host.
 *
 * @since 0.1.0
 */
public enum FieldType {
    /** One line of text. */
    TEXT,
    /** Several lines of text. */
    MULTILINE,
    /** A whole number. */
    INTEGER,
    /** true or false. */
    BOOLEAN,
    /** An absolute http(s) URL. */
    URL,
    /** An email address. */
    EMAIL,
    /** A random secret the host generates if none is given; always {@linkplain ConfigField#secret() secret}. */
    GENERATED_SECRET
}
