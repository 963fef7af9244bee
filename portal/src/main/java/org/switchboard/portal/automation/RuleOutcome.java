package org.switchboard.portal.automation;

import java.util.ArrayList;
import java.util.List;

/** What one rule did to a conversation: the actions that changed something, and those that failed (and why). */
final class RuleOutcome {

    private final List<String> done = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();
    private boolean changedConversation;

    void done(String what, boolean changesConversation) {
        done.add(what);
        changedConversation |= changesConversation;
    }

    void failed(String what) {
        failed.add(what);
    }

    /** Whether there is anything to record (actions that found nothing to change are not news). */
    boolean anything() {
        return !done.isEmpty() || !failed.isEmpty();
    }

    /** Whether later rules must see the conversation again. */
    boolean changedConversation() {
        return changedConversation;
    }

    List<String> failures() {
        return List.copyOf(failed);
    }

    /** The AUTOMATION_APPLIED event's detail, e.g. "rule VIP: +vip; team Billing; FAILED assign agent #7: …". */
    String describe(String ruleName) {
        List<String> parts = new ArrayList<>(done);
        failed.forEach(f -> parts.add("FAILED " + f));
        return "rule " + ruleName + ": " + String.join("; ", parts);
    }
}
