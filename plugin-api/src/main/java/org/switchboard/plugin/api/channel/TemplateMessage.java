package org.switchboard.plugin.api.channel;

import java.util.List;
import java.util.Objects;

/**
 * The use of a pre-approved message template in an outbound message.
 *
 * @param name       the template's name at the provider
 * @param language   the template's language code at the provider (e.g. {@code en_US})
 * @param parameters the values of the template's body placeholders, in order
 * @since 0.2.0
 */
public record TemplateMessage(String name, String language, List<String> parameters) {

    public TemplateMessage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(language, "language");
        parameters = List.copyOf(parameters);
    }
}
