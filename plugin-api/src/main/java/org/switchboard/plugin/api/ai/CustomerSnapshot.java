package org.switchboard.plugin.api.ai;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.switchboard.plugin.api.channel.Identity;

/**
 * A customer as models see them.
 *
 * @param customerId the host's id
 * @param name       display name, or {@code null}
 * @param language   BCP 47 language tag, or {@code null}
 * @param identities every identity
 * @param attributes custom attributes by key
 * @since 0.4.0 (incubating)
 */
public record CustomerSnapshot(String customerId, String name, String language, List<Identity> identities,
        Map<String, String> attributes) {

    public CustomerSnapshot {
        Objects.requireNonNull(customerId, "customerId");
        identities = List.copyOf(identities);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
