package org.switchboard.plugins.assistant;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.switchboard.plugin.api.ai.AssistantRequest;
import org.switchboard.plugin.api.ai.Classification;
import org.switchboard.plugin.api.ai.SnapshotMessage;

/**
 * The summary pinned for agents, so the customer never repeats themselves: what they want (in their words,
 * shortened), what was tried (the bot's and agents' answers so far), which channels they used, which orders they
 * named, their mood and why the assistant handed over. Written in English for the agents; built from the request
 * only, never from the configuration, so no secret can reach it.
 */
final class Handover {

    private static final int QUOTE = 160;

    private Handover() {
    }

    /**
     * @param request the request
     * @param topic   the resolved topic
     * @param orders  order numbers involved (quoted or matched), without hash
     * @param outcome the decision in a few words (e.g. "answered from order #4827", "handed over: complaint")
     */
    static String summarize(AssistantRequest request, Topic topic, List<String> orders, String outcome) {
        List<SnapshotMessage> messages = request.conversation().messages();
        String latest = request.conversation().lastCustomerText();
        List<String> lines = new ArrayList<>();

        String who = request.customer().name() == null || request.customer().name().isBlank() ? "The customer"
                : request.customer().name();
        String intent = request.intent() == null ? topic.label()
                : topic.label() + " (classifier: " + request.intent().label() + " " + percent(request.intent()) + ")";
        lines.add("Wants: " + intent + " — " + who + " wrote “" + CustomerText.shorten(latest, QUOTE) + "”");

        List<String> earlier = earlierAsks(messages);
        if (!earlier.isEmpty()) {
            lines.add("Asked before: " + String.join(" | ", earlier));
        }

        lines.add("Tried: " + tried(messages));
        lines.add("Channels: " + channels(request));
        if (!orders.isEmpty()) {
            lines.add("Orders: " + String.join(", ", orders.stream().map(o -> "#" + o).toList()));
        }
        if (request.sentiment() != null) {
            lines.add("Sentiment: " + request.sentiment().label() + " " + percent(request.sentiment()));
        }
        lines.add("Assistant: " + outcome);
        return String.join("\n", lines);
    }

    /** The customer's earlier messages, newest first, at most three, shortened. */
    private static List<String> earlierAsks(List<SnapshotMessage> messages) {
        List<String> asks = new ArrayList<>();
        boolean skippedLatest = false;
        for (int i = messages.size() - 1; i >= 0 && asks.size() < 3; i--) {
            SnapshotMessage message = messages.get(i);
            if (message.author() != SnapshotMessage.Author.CUSTOMER || message.text().isBlank()) {
                continue;
            }
            if (!skippedLatest) {
                skippedLatest = true;
                continue;
            }
            asks.add("“" + CustomerText.shorten(message.text(), 80) + "”"
                    + (message.channel() == null ? "" : " (" + message.channel() + ")"));
        }
        return asks;
    }

    private static String tried(List<SnapshotMessage> messages) {
        int bot = 0;
        int agent = 0;
        String lastBot = null;
        for (SnapshotMessage message : messages) {
            if (message.author() == SnapshotMessage.Author.BOT) {
                bot++;
                lastBot = message.text();
            } else if (message.author() == SnapshotMessage.Author.AGENT) {
                agent++;
            }
        }
        if (bot == 0 && agent == 0) {
            return "nothing yet (no bot or agent reply so far)";
        }
        List<String> parts = new ArrayList<>();
        if (bot > 0) {
            parts.add(bot + (bot == 1 ? " bot answer" : " bot answers") + ", last: “"
                    + CustomerText.shorten(lastBot, 120) + "”");
        }
        if (agent > 0) {
            parts.add(agent + (agent == 1 ? " agent reply" : " agent replies"));
        }
        return String.join("; ", parts);
    }

    /** The channels the customer wrote on, in the order first used, and the one used last. */
    static String channels(AssistantRequest request) {
        Set<String> used = new LinkedHashSet<>();
        for (SnapshotMessage message : request.conversation().messages()) {
            if (message.author() == SnapshotMessage.Author.CUSTOMER && message.channel() != null
                    && !message.channel().isBlank()) {
                used.add(message.channel());
            }
        }
        String last = request.conversation().channel();
        if (last != null && !last.isBlank()) {
            used.add(last);
        }
        if (used.isEmpty()) {
            return "unknown";
        }
        return String.join(", ", used) + (used.size() > 1 && last != null ? " (last: " + last + ")" : "");
    }

    private static String percent(Classification classification) {
        return String.format(Locale.ROOT, "%.2f", classification.confidence());
    }
}
