package org.switchboard.benchmarks;

/**
 * The inbox benchmark's knobs, from {@code -D…} system properties (the {@code benchinbox} profile passes them on).
 *
 * @param conversations    conversations in the data set
 * @param messages         messages in the data set, spread over the conversations
 * @param agents           agents, in five teams
 * @param iterations       measured calls per list and page (after a fifth as many warm-up calls, at least 50)
 * @param searchIterations measured calls per search
 * @param indexMessages    index only the first this many messages (0 = all), should a full mass indexing take too
 *                         long on the machine; conversations and customers are always indexed in full
 * @param pushDeliveries   measured web-chat deliveries watched in the browser
 * @param seed             seed of the data generator
 * @param keep             keep the data directory (database, index) afterwards
 * @param parts            which of the three measurements to run: lists, search, push
 */
record InboxSettings(int conversations, int messages, int agents, int iterations, int searchIterations,
        int indexMessages, int pushDeliveries, long seed, boolean keep, java.util.Set<String> parts) {

    static InboxSettings fromSystemProperties() {
        InboxSettings settings = new InboxSettings(
                Integer.getInteger("conversations", 100_000),
                Integer.getInteger("messages", 1_000_000),
                Integer.getInteger("agents", 50),
                Integer.getInteger("iterations", 200),
                Integer.getInteger("searchIterations", 100),
                Integer.getInteger("indexMessages", 0),
                Integer.getInteger("pushDeliveries", 100),
                Long.getLong("seed", 42),
                Boolean.getBoolean("keep"),
                java.util.Set.of(System.getProperty("parts", "lists,search,push").split(",")));
        if (settings.conversations < 100 || settings.messages < settings.conversations || settings.agents < 5) {
            throw new IllegalArgumentException("need at least 100 conversations, a message per conversation and "
                    + "5 agents (one per team): " + settings);
        }
        if (!java.util.Set.of("lists", "search", "push").containsAll(settings.parts)) {
            throw new IllegalArgumentException("-Dparts takes lists, search and/or push: " + settings.parts);
        }
        return settings;
    }

    /** Open, pending or snoozed: a fifth of all, like a support desk with a long resolved history. */
    int activeConversations() {
        return conversations / 5;
    }
}
