package org.switchboard.portal.collaboration;

/**
 * A colleague in a conversation now.
 *
 * @param agentId  the colleague
 * @param name     their display name
 * @param activity what they are doing there
 */
public record PresenceView(long agentId, String name, Activity activity) {

    /** What a colleague is doing in a conversation; later constants win when one agent has it open twice. */
    public enum Activity {
        VIEWING, WRITING_NOTE, TYPING_REPLY
    }

    /** E.g. "Ana Lopez is viewing", "Ben is typing a reply…". */
    public String describe() {
        return name + switch (activity) {
            case VIEWING -> " is viewing";
            case WRITING_NOTE -> " is writing a note…";
            case TYPING_REPLY -> " is typing a reply…";
        };
    }
}
