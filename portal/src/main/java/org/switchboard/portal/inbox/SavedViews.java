package org.switchboard.portal.inbox;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.portal.agent.AgentView;
import org.switchboard.portal.agent.Role;
import org.switchboard.portal.audit.AuditLog;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saved inbox views: any agent keeps their own; supervisors and admins may share one with everybody (checked here,
 * on the server). Only the owner, or a supervisor for a shared view, may delete one.
 */
@Service
public class SavedViews {

    private static final int MAX_NAME = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SavedViewRepository views;
    private final AuditLog audit;
    private final Clock clock;

    SavedViews(SavedViewRepository views, AuditLog audit, Clock clock) {
        this.views = views;
        this.audit = audit;
        this.clock = clock;
    }

    /** The agent's views and the shared ones. */
    @Transactional(readOnly = true)
    public List<SavedViewSummary> visibleTo(AgentView agent) {
        return views.findVisibleTo(agent.id()).stream().map(v -> new SavedViewSummary(v.getId(), v.getName(),
                v.isShared(), v.getOwnerAgentId() == agent.id(), JSON.readValue(v.getCriteriaJson(),
                        InboxCriteria.class))).toList();
    }

    /**
     * Saves the criteria under a name.
     *
     * @throws InboxException if the name is empty, too long or taken, or an agent tries to share
     */
    @Transactional
    public SavedViewSummary save(AgentView owner, String name, InboxCriteria criteria, boolean shared) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            throw new InboxException("A view needs a name of 1–" + MAX_NAME + " characters.");
        }
        if (shared && !supervises(owner)) {
            throw new InboxException("Only supervisors and admins can share a view.");
        }
        if (views.existsByOwnerAgentIdAndName(owner.id(), trimmed)) {
            throw new InboxException("You already have a view named \"" + trimmed + "\".");
        }
        SavedView view = views.save(new SavedView(owner.id(), trimmed, shared, JSON.writeValueAsString(criteria),
                clock.instant()));
        if (shared) {
            audit.recordAfterCommit(owner.email(), "saved-view.share", "saved view " + view.getId(), trimmed);
        }
        return new SavedViewSummary(view.getId(), trimmed, shared, true, criteria);
    }

    /** Deletes a view: the owner's own, or (for supervisors and admins) a shared one. */
    @Transactional
    public void delete(AgentView agent, long viewId) {
        SavedView view = views.findById(viewId).orElseThrow(() -> new InboxException("No such view."));
        boolean mine = view.getOwnerAgentId() == agent.id();
        if (!mine && !(view.isShared() && supervises(agent))) {
            throw new InboxException("You can delete only your own views.");
        }
        views.delete(view);
        if (view.isShared()) {
            audit.recordAfterCommit(agent.email(), "saved-view.delete", "saved view " + viewId, view.getName());
        }
    }

    private static boolean supervises(AgentView agent) {
        return agent.roles().contains(Role.SUPERVISOR) || agent.roles().contains(Role.ADMIN);
    }
}
