package org.switchboard.portal.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;

/** The conversation view's keyboard shortcuts (see {@link KeyboardShortcuts} for the keys and the help). */
final class ConversationShortcuts {

    private ConversationShortcuts() {
    }

    static void register(ConversationView view) {
        KeyboardShortcuts.on(view, Key.KEY_J, () -> next(view, 1));
        KeyboardShortcuts.on(view, Key.KEY_K, () -> next(view, -1));
        KeyboardShortcuts.on(view, Key.KEY_I, () -> UI.getCurrent().navigate(InboxView.class));
        KeyboardShortcuts.on(view, Key.KEY_R, () -> write(view, false));
        KeyboardShortcuts.on(view, Key.KEY_N, () -> write(view, true));
        KeyboardShortcuts.on(view, Key.KEY_A, () -> view.assignToMe.click());
        KeyboardShortcuts.on(view, Key.KEY_E, () -> view.resolve.click());
        KeyboardShortcuts.helpOn(view);
    }

    /** The next (or previous) conversation of the inbox list the agent last saw; the inbox at either end. */
    static void next(ConversationView view, int step) {
        KeyboardShortcuts.neighbour(view.conversationId(), step).ifPresentOrElse(
                id -> UI.getCurrent().navigate(ConversationView.class, id),
                () -> UI.getCurrent().navigate(InboxView.class));
    }

    private static void write(ConversationView view, boolean note) {
        var composer = view.composer;
        composer.mode.setSelectedTab(note ? composer.noteTab : composer.replyTab);
        composer.box.focus();
    }
}
