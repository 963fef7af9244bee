package org.switchboard.plugin.testkit;

import java.util.List;
import org.switchboard.plugin.api.channel.InboundEvent;
import org.switchboard.plugin.api.channel.WebhookRequest;

/**
 * A provider's documented delivery and the canonical events it must become. Events are compared by
 * {@link CanonicalEvents#describe}: ids, identities, names, text, attachments by name/type/size, statuses.
 *
 * @param name     what the sample shows
 * @param request  the signed delivery
 * @param expected the events it must become, in order
 */
public record WebhookFixture(String name, WebhookRequest request, List<InboundEvent> expected) {
}
