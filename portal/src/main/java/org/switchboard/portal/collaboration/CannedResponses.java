package org.switchboard.portal.collaboration;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.portal.agent.AgentView;
import org.switchboard.portal.agent.Role;
import org.switchboard.portal.audit.AuditLog;

/**
 * Canned responses: every agent sees the shared ones and their own. Agents manage their own; shared ones are
 * managed by supervisors and admins, checked here on the server, and audited. A shortcut names one response
 * portal-wide, so "/refund" always means the same text for whoever types it.
 */
@Service
public class CannedResponses {

    /** Audit actions (stored strings). */
    public static final String AUDIT_CREATED = "canned-response.created";
    public static final String AUDIT_UPDATED = "canned-response.updated";
    public static final String AUDIT_DELETED = "canned-response.deleted";

    static final int MAX_BODY = 10_000;
    static final int MAX_TITLE = 200;
    private static final Pattern SHORTCUT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    private final CannedResponseRepository responses;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CannedResponses(CannedResponseRepository responses, AuditLog audit, PlatformTransactionManager transactions,
            Clock clock) {
        this.responses = responses;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Whether the agent may create, change and delete shared responses. */
    public static boolean managesShared(AgentView agent) {
        return agent.roles().contains(Role.ADMIN) || agent.roles().contains(Role.SUPERVISOR);
    }

    /** The shared responses and the agent's own, by shortcut. */
    @Transactional(readOnly = true)
    public List<CannedResponseView> visibleTo(long agentId) {
        return responses.findVisibleTo(agentId).stream().map(CannedResponse::view).toList();
    }

    /** The shared responses, by shortcut: those automation rules may send. */
    @Transactional(readOnly = true)
    public List<CannedResponseView> shared() {
        return responses.findVisibleTo(null).stream().filter(CannedResponse::isShared).map(CannedResponse::view)
                .toList();
    }

    /** One response, whoever owns it (automation rules send shared ones). */
    @Transactional(readOnly = true)
    public java.util.Optional<CannedResponseView> find(long id) {
        return responses.findById(id).map(CannedResponse::view);
    }

    /** The responses whose shortcut or title starts with (or title contains) the typed text, shortcuts first. */
    @Transactional(readOnly = true)
    public List<CannedResponseView> matching(long agentId, String typed) {
        String q = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        List<CannedResponseView> visible = visibleTo(agentId);
        List<CannedResponseView> byShortcut = visible.stream().filter(r -> r.shortcut().startsWith(q)).toList();
        List<CannedResponseView> byTitle = visible.stream().filter(r -> !r.shortcut().startsWith(q)
                && r.title().toLowerCase(Locale.ROOT).contains(q)).toList();
        return java.util.stream.Stream.concat(byShortcut.stream(), byTitle.stream()).toList();
    }

    /**
     * Creates a response: the agent's own, or a shared one (supervisors and admins only).
     *
     * @throws CollaborationException when a field is invalid, the shortcut is taken, or the agent may not share
     */
    public CannedResponseView create(AgentView actor, String shortcut, String title, String body, boolean shared) {
        if (shared && !managesShared(actor)) {
            throw new CollaborationException("Only supervisors and admins manage shared canned responses.");
        }
        String key = normalizeShortcut(shortcut);
        String name = checkTitle(title);
        String text = checkBody(body);
        CannedResponseView created = saveUnique(key, () -> {
            requireFree(key, null);
            return responses.saveAndFlush(new CannedResponse(key, name, text, shared ? null : actor.id(),
                    clock.instant())).view();
        });
        if (shared) {
            audit.record(actor.email(), AUDIT_CREATED, "canned-response #" + created.id(), "/" + key);
        }
        return created;
    }

    /**
     * Changes a response's shortcut, title and body (its scope stays).
     *
     * @throws CollaborationException when it is not the agent's to change, a field is invalid or the shortcut is
     *                                taken
     */
    public CannedResponseView update(AgentView actor, long id, String shortcut, String title, String body) {
        String key = normalizeShortcut(shortcut);
        String name = checkTitle(title);
        String text = checkBody(body);
        CannedResponseView updated = saveUnique(key, () -> {
            CannedResponse response = editable(actor, id);
            requireFree(key, id);
            response.change(key, name, text, clock.instant());
            responses.flush();
            return response.view();
        });
        if (updated.shared()) {
            audit.record(actor.email(), AUDIT_UPDATED, "canned-response #" + id, "/" + key);
        }
        return updated;
    }

    /**
     * Deletes a response.
     *
     * @throws CollaborationException when it is not the agent's to delete
     */
    public void delete(AgentView actor, long id) {
        CannedResponseView deleted = transaction.execute(status -> {
            CannedResponse response = editable(actor, id);
            responses.delete(response);
            return response.view();
        });
        if (deleted.shared()) {
            audit.record(actor.email(), AUDIT_DELETED, "canned-response #" + id, "/" + deleted.shortcut());
        }
    }

    /**
     * A shortcut as stored: without the leading "/", lower case.
     *
     * @throws CollaborationException if it is empty, too long or has other characters than letters, digits, '-', '_'
     */
    public static String normalizeShortcut(String raw) {
        String key = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (key.startsWith("/")) {
            key = key.substring(1);
        }
        if (!SHORTCUT.matcher(key).matches()) {
            throw new CollaborationException("A shortcut is 1–32 letters a–z, digits, '-' or '_' (got \""
                    + (raw == null ? "" : raw.strip()) + "\").");
        }
        return key;
    }

    private CannedResponse editable(AgentView actor, long id) {
        CannedResponse response = responses.findById(id).orElseThrow(() -> new CollaborationException(
                "This canned response no longer exists."));
        if (response.isShared() ? !managesShared(actor) : response.getOwnerAgentId() != actor.id()) {
            throw new CollaborationException(response.isShared()
                    ? "Only supervisors and admins manage shared canned responses."
                    : "This is another agent's personal canned response.");
        }
        return response;
    }

    private void requireFree(String key, Long except) {
        responses.findByShortcut(key).filter(r -> !r.getId().equals(except)).ifPresent(r -> {
            throw taken(key);
        });
    }

    /* Two agents saving the same shortcut at once: the unique key refuses the second. */
    private CannedResponseView saveUnique(String key, java.util.function.Supplier<CannedResponseView> write) {
        try {
            return transaction.execute(status -> write.get());
        } catch (DataIntegrityViolationException e) {
            throw taken(key);
        }
    }

    private static CollaborationException taken(String key) {
        return new CollaborationException("The shortcut /" + key + " is already used (shortcuts are unique across"
                + " shared and personal responses).");
    }

    private static String checkTitle(String title) {
        String name = title == null ? "" : title.strip();
        if (name.isEmpty() || name.length() > MAX_TITLE) {
            throw new CollaborationException("A title is 1–" + MAX_TITLE + " characters.");
        }
        return name;
    }

    private static String checkBody(String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > MAX_BODY) {
            throw new CollaborationException("The text is 1–" + MAX_BODY + " characters.");
        }
        return text;
    }
}
