package org.switchboard.plugin.testkit;

import java.util.List;
import java.util.stream.Collectors;
import org.switchboard.plugin.api.channel.Attachment;
import org.switchboard.plugin.api.channel.InboundEvent;
import org.switchboard.plugin.api.channel.InboundMessage;
import org.switchboard.plugin.api.channel.StatusUpdate;

/**
 * Compares canonical events by what the host uses of them. Records holding byte arrays do not compare by
 * content, and timestamps of "now" cannot be predicted, so events are compared through a description.
 */
public final class CanonicalEvents {

    private CanonicalEvents() {
    }

    /** A description of the events that two equal deliveries share. */
    public static List<String> describe(List<? extends InboundEvent> events) {
        return events.stream().map(CanonicalEvents::describe).toList();
    }

    /** A description of one event. */
    public static String describe(InboundEvent event) {
        return switch (event) {
            case InboundMessage m -> "message " + m.externalId() + " from " + m.sender().kind() + ":"
                    + m.sender().value() + " (" + m.senderName() + ") text=" + quote(m.text())
                    + " attachments=" + m.attachments().stream().map(CanonicalEvents::describe)
                            .collect(Collectors.joining(", ", "[", "]"))
                    + " others=" + m.otherIdentities()
                    + (m.threading().subject() == null ? "" : " subject=" + quote(m.threading().subject()));
            case StatusUpdate s -> "status " + s.externalMessageId() + " -> " + s.status()
                    + (s.reason() == null ? "" : " (" + s.reason() + ")");
        };
    }

    private static String describe(Attachment attachment) {
        return attachment.fileName() + " " + attachment.contentType() + " " + attachment.content().length + " B";
    }

    private static String quote(String text) {
        return text == null ? "null" : '"' + text + '"';
    }
}
