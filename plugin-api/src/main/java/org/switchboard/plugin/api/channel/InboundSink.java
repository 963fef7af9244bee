package org.switchboard.plugin.api.channel;

import java.util.List;

/**
 * Accepts events a connection observed outside a webhook request.
 *
 * @since 0.1.0
 */
public interface InboundSink {

    /**
     * Stores the events durably, deduplicating messages by their external id. Returns only once they are stored;
     * throws {@link IllegalStateException} when they could not be stored, in which case the plugin should keep
     * them and try again (for example by not marking an email as seen).
     */
    void accept(List<? extends InboundEvent> events);
}
