package org.switchboard.portal.automation;

/**
 * Marks the automation worker's thread while it evaluates and applies rules. Conversation events published on it
 * (a rule's own label, priority or status change, committed on this thread) are not triggers: a rule never sets
 * off rules, so two rules that undo each other cannot ping-pong. Changes a rule makes are also folded into the
 * {@link Baselines}, so their echo from other threads (the SLA and routing workers) is no "update" either.
 */
final class RuleRun {

    private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private RuleRun() {
    }

    static boolean active() {
        return ACTIVE.get();
    }

    static void during(Runnable work) {
        boolean outer = ACTIVE.get();
        ACTIVE.set(Boolean.TRUE);
        try {
            work.run();
        } finally {
            ACTIVE.set(outer);
        }
    }
}
