package org.switchboard.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import org.switchboard.portal.customer.CustomerException;
import org.switchboard.portal.customer.CustomerMerger;
import org.switchboard.portal.customer.CustomerSummary;
import org.switchboard.portal.customer.DuplicateSuggestion;
import org.switchboard.portal.customer.DuplicateSuggestions;

/** Likely duplicate customers for an agent to confirm (merge) or dismiss; nothing is merged automatically. */
@Route("customers/duplicates")
@PageTitle("Possible duplicates · Switchboard")
@RolesAllowed("AGENT")
public class DuplicatesView extends VerticalLayout {

    final Grid<DuplicateSuggestion> suggestions = new Grid<>();
    private final DuplicateSuggestions duplicates;

    DuplicatesView(DuplicateSuggestions duplicates, CustomerMerger merger) {
        this.duplicates = duplicates;
        setSizeFull();
        suggestions.setId("duplicate-suggestions");
        suggestions.addComponentColumn(s -> link(s.first())).setHeader("Customer").setAutoWidth(true);
        suggestions.addComponentColumn(s -> link(s.second())).setHeader("Possibly the same as").setAutoWidth(true);
        suggestions.addColumn(s -> String.join("; ", s.reasons().stream().map(r -> r.rule().name().toLowerCase()
                .replace('_', ' ') + " (" + r.evidence() + ")").toList())).setHeader("Why").setFlexGrow(1);
        suggestions.addComponentColumn(s -> {
            Button merge = new Button("Merge", e -> act(() -> merger.merge(s.first().id(), s.second().id())));
            Button dismiss = new Button("Not the same", e -> act(() -> duplicates.dismiss(s.first().id(),
                    s.second().id())));
            dismiss.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            return new HorizontalLayout(merge, dismiss);
        }).setAutoWidth(true);
        refresh();
        add(new H3("Possible duplicates"), suggestions);
    }

    private void act(Runnable action) {
        try {
            action.run();
            refresh();
        } catch (CustomerException problem) {
            Notification.show(problem.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void refresh() {
        suggestions.setItems(duplicates.suggestions(100));
    }

    private static RouterLink link(CustomerSummary customer) {
        return new RouterLink(customer.displayName() == null ? "Customer #" + customer.id() : customer.displayName(),
                CustomerView.class, customer.id());
    }
}
