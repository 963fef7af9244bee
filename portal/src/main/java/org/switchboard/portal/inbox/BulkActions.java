package org.switchboard.portal.inbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.switchboard.portal.agent.AgentView;
import org.switchboard.portal.conversation.ConflictRetry;
import org.switchboard.portal.conversation.ConversationOperationException;
import org.switchboard.portal.conversation.ConversationStore;
import org.switchboard.portal.conversation.ConversationWorkflow;
import org.switchboard.portal.conversation.UnknownConversationException;

/**
 * Applies one action to many conversations. Each conversation changes in its own transaction, retried on a
 * concurrent change, so one conversation that cannot change (gone, or changed meanwhile three times) fails alone
 * and the others still change; the result says which failed and why. Every change records its usual event.
 */
@Service
public class BulkActions {

    /** A bulk action touches at most this many conversations (a page of the inbox list). */
    public static final int MAX = InboxQueries.MAX_PAGE;

    private final ConversationStore store;
    private final ConversationWorkflow workflow;
    private final InboxQueries inbox;

    BulkActions(ConversationStore store, ConversationWorkflow workflow, InboxQueries inbox) {
        this.store = store;
        this.workflow = workflow;
        this.inbox = inbox;
    }

    /** Applies the action, as {@code agent}, to those of the conversations the agent may see. */
    public BulkResult apply(List<Long> conversationIds, BulkAction action, AgentView agent) {
        if (conversationIds.size() > MAX) {
            throw new InboxException("Select at most " + MAX + " conversations for one bulk action.");
        }
        List<Long> visible = inbox.filter(conversationIds, InboxCriteria.ANYTHING, agent);
        Map<Long, String> failed = new LinkedHashMap<>();
        conversationIds.stream().filter(id -> !visible.contains(id))
                .forEach(id -> failed.put(id, "not found or not visible to you"));
        int changed = 0;
        for (Long id : visible) {
            try {
                ConflictRetry.retry(() -> applyOne(id, action, agent.id()));
                changed++;
            } catch (UnknownConversationException | ConversationOperationException e) {
                failed.put(id, e.getMessage());
            } catch (DataAccessException e) {
                failed.put(id, "could not be saved: " + e.getMostSpecificCause().getMessage());
            }
        }
        return new BulkResult(changed, failed);
    }

    private void applyOne(long id, BulkAction action, long agentId) {
        switch (action) {
            case BulkAction.Assign assign -> store.assign(id, assign.agentId(), agentId);
            case BulkAction.AddLabel add -> workflow.changeLabels(id, Set.of(add.label()), Set.of(), agentId);
            case BulkAction.RemoveLabel remove -> workflow.changeLabels(id, Set.of(), Set.of(remove.label()),
                    agentId);
            case BulkAction.ChangeStatus status -> store.changeStatus(id, status.status(), agentId);
        }
    }
}
