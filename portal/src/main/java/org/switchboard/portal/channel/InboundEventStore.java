package org.switchboard.portal.channel;

import java.util.List;
import org.switchboard.plugin.api.channel.InboundEvent;

/** Where a connection's events go when they arrive outside a webhook (implemented by the inbound pipeline). */
public interface InboundEventStore {

    /** Stores the events durably or throws; duplicates are stored once. */
    void store(String accountId, List<? extends InboundEvent> events);
}
