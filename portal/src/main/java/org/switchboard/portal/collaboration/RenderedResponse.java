package org.switchboard.portal.collaboration;

import java.util.List;

/**
 * A canned response filled in for one conversation, for the agent to check and edit before sending.
 *
 * @param text    the text; known variables without a value are left empty, unknown ones stay as typed
 * @param missing known variables that have no value here (e.g. {@code order.number} for a customer without orders)
 * @param unknown variables the portal does not know (a typo such as {@code {{customer.nmae}}}), left in the text
 */
public record RenderedResponse(String text, List<String> missing, List<String> unknown) {

    /** What the agent should check before sending, or empty when everything was filled in. */
    public String warning() {
        StringBuilder out = new StringBuilder();
        if (!missing.isEmpty()) {
            out.append("No value for ").append(String.join(", ", missing.stream().map(v -> "{{" + v + "}}")
                    .toList())).append(": left empty, fill it in.");
        }
        if (!unknown.isEmpty()) {
            out.append(out.isEmpty() ? "" : " ").append("Unknown ").append(unknown.size() == 1 ? "variable " : "variables ")
                    .append(String.join(", ", unknown.stream().map(v -> "{{" + v + "}}").toList()))
                    .append(" left in the text.");
        }
        return out.toString();
    }
}
