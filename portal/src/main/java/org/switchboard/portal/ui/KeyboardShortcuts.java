package org.switchboard.portal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.ShortcutRegistration;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Optional;

/**
 * The agents' keyboard shortcuts. All use Alt (Option on a Mac) with a letter, so they never fire while an agent
 * types in the reply box; Alt+/ shows this list. Registered on a view, so they act only while it is shown.
 */
final class KeyboardShortcuts {

    /** One shortcut as the help lists it. */
    record Shortcut(String keys, String action) {
    }

    static final List<Shortcut> ALL = List.of(
            new Shortcut("Alt + J", "Next conversation (in the inbox's order)"),
            new Shortcut("Alt + K", "Previous conversation"),
            new Shortcut("Alt + I", "Back to the inbox"),
            new Shortcut("Alt + S", "Search (in the inbox)"),
            new Shortcut("Alt + R", "Reply"),
            new Shortcut("Alt + N", "Private note"),
            new Shortcut("Alt + A", "Assign to me (or unassign)"),
            new Shortcut("Alt + E", "Resolve (or reopen)"),
            new Shortcut("Alt + /", "Show these shortcuts"));

    /** The session attribute holding the conversation ids of the inbox list the agent last saw, in order. */
    private static final String INBOX_ORDER = "switchboard.inbox.order";

    private KeyboardShortcuts() {
    }

    /** Registers Alt + key on the view. */
    static ShortcutRegistration on(Component view, Key key, Runnable action) {
        return Shortcuts.addShortcutListener(view, action::run, key, KeyModifier.ALT).listenOn(view);
    }

    /** Registers Alt + / to open the help on the view. */
    static void helpOn(Component view) {
        on(view, Key.SLASH, KeyboardShortcuts::openHelp);
    }

    static Dialog openHelp() {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Keyboard shortcuts");
        var list = new Grid<Shortcut>();
        list.setId("shortcut-help");
        list.addColumn(Shortcut::keys).setHeader("Keys").setAutoWidth(true);
        list.addColumn(Shortcut::action).setHeader("Action").setFlexGrow(1);
        list.setItems(ALL);
        list.setAllRowsVisible(true);
        list.setWidth("32em");
        dialog.add(list);
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
        return dialog;
    }

    /** Remembers the order of the inbox list shown, for next/previous conversation. */
    static void rememberInboxOrder(List<Long> conversationIds) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(INBOX_ORDER, List.copyOf(conversationIds));
        }
    }

    /** The conversation after (step 1) or before (step -1) the given one in the inbox list last shown. */
    static Optional<Long> neighbour(long conversationId, int step) {
        VaadinSession session = VaadinSession.getCurrent();
        @SuppressWarnings("unchecked")
        List<Long> order = session == null ? null : (List<Long>) session.getAttribute(INBOX_ORDER);
        if (order == null || order.isEmpty()) {
            return Optional.empty();
        }
        int at = order.indexOf(conversationId);
        int target = at < 0 ? 0 : at + step;
        return target >= 0 && target < order.size() ? Optional.of(order.get(target)) : Optional.empty();
    }
}
