package org.switchboard.portal.conversation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Brings snoozed conversations back to the queue when their time comes (checked every 30 s by default). */
@Component
class SnoozeAlarm {

    private static final Logger log = LoggerFactory.getLogger(SnoozeAlarm.class);
    private static final int BATCH = 200;

    private final ConversationWorkflow workflow;

    SnoozeAlarm(ConversationWorkflow workflow) {
        this.workflow = workflow;
    }

    @Scheduled(fixedDelayString = "${switchboard.snooze.check-interval:30s}")
    void wake() {
        try {
            while (workflow.wakeDueSnoozes(BATCH) == BATCH) {
                log.debug("Woke a full batch of snoozed conversations; checking for more");
            }
        } catch (RuntimeException e) {
            // The database may be away; the next tick tries again and nothing is lost meanwhile.
            log.warn("Could not wake snoozed conversations: {}", e.toString());
        }
    }
}
