package org.switchboard.portal.ui;

import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.switchboard.portal.collaboration.PresenceView;

/** "Ana Lopez is viewing · Ben is typing a reply…": the colleagues in this conversation now. */
class PresenceBar extends Span {

    PresenceBar() {
        setId("conversation-presence");
        getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        setVisible(false);
    }

    void show(List<PresenceView> others) {
        setText(String.join(" · ", others.stream().map(PresenceView::describe).toList()));
        setVisible(!others.isEmpty());
    }
}
