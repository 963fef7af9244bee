package org.switchboard.benchmarks;

import java.util.List;

/**
 * The traffic of one phase, fixed before it is sent, and what the portal must have stored afterwards.
 *
 * @param visitors           the visitors, each needing a web-chat session
 * @param lanes              one list per concurrent client, sent in order; all messages of a visitor are in one
 *                           lane, so a visitor never has two messages in flight (as in a browser)
 * @param distinctMessages   messages that must be stored (deliveries minus redeliveries)
 * @param expectedCustomers  customers identity resolution must create (visitors minus linked second browsers)
 * @param expectedIdentities identities that must be linked (one per visitor plus one per distinct email)
 */
record TrafficPlan(List<VisitorProfile> visitors, List<List<Delivery>> lanes, int distinctMessages,
        int expectedCustomers, int expectedIdentities) {

    TrafficPlan {
        visitors = List.copyOf(visitors);
        lanes = lanes.stream().map(List::copyOf).toList();
    }

    int deliveries() {
        return lanes.stream().mapToInt(List::size).sum();
    }

    int redeliveries() {
        return deliveries() - distinctMessages;
    }
}
