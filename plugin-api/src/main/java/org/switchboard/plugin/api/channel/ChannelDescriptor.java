package org.switchboard.plugin.api.channel;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Describes a channel type.
 *
 * @param id            stable identifier, lower-case with dashes (e.g. {@code webchat}); never renamed
 * @param name          human-readable name shown to agents (e.g. "Website chat")
 * @param identityKind  the kind of identity that senders on this channel have
 * @param capabilities  what the channel supports
 * @param maxTextLength the longest text one outbound message may carry, or 0 for no limit
 * @param replyWindow   how long after the customer's last message free-form replies are allowed, or {@code null}
 *                      when there is no such window
 * @since 0.1.0
 */
public record ChannelDescriptor(
        String id,
        String name,
        IdentityKind identityKind,
        Set<ChannelCapability> capabilities,
        int maxTextLength,
        Duration replyWindow) {

    public ChannelDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(identityKind, "identityKind");
        capabilities = Set.copyOf(capabilities);
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("channel id must be lower-case letters, digits and dashes: " + id);
        }
        if (maxTextLength < 0) {
            throw new IllegalArgumentException("maxTextLength must not be negative");
        }
    }

    /** Whether the channel has the given capability. */
    public boolean supports(ChannelCapability capability) {
        return capabilities.contains(capability);
    }
}
