package org.switchboard.portal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.switchboard.portal.customer.CustomerException;
import org.switchboard.portal.customer.CustomerMerger;
import org.switchboard.portal.customer.CustomerProfile;
import org.switchboard.portal.customer.CustomerProfiles;
import org.switchboard.portal.customer.DuplicateSuggestion;
import org.switchboard.portal.customer.DuplicateSuggestions;
import org.switchboard.portal.customer.IdentityConflictException;
import org.switchboard.portal.customer.MergeRecord;

/**
 * The customer's identities with channel icons; adding one by hand (an identity that belongs to someone else
 * offers a merge instead of moving it); likely duplicates to confirm or dismiss; merges to undo.
 */
class CustomerIdentityEditor extends VerticalLayout {

    final Div identities = new Div();
    final ComboBox<String> kind = new ComboBox<>();
    final TextField value = new TextField();
    final Button add = new Button("Add identity");
    final Div conflict = new Div();
    final Div duplicates = new Div();
    final Div merges = new Div();
    private final CustomerProfiles profiles;
    private final DuplicateSuggestions suggestions;
    private final CustomerMerger merger;
    private final Runnable changed;
    private long customerId;

    CustomerIdentityEditor(CustomerProfiles profiles, DuplicateSuggestions suggestions, CustomerMerger merger,
            Runnable changed) {
        this.profiles = profiles;
        this.suggestions = suggestions;
        this.merger = merger;
        this.changed = changed;
        setPadding(false);
        setSpacing(false);
        identities.setId("customer-identities");
        kind.setItems("email", "phone");
        kind.setValue("email");
        kind.setWidth("7em");
        kind.setAriaLabel("Identity kind");
        value.setId("customer-new-identity");
        value.setPlaceholder("address or number");
        add.setId("customer-add-identity");
        add.addClickListener(e -> addIdentity());
        conflict.setId("customer-identity-conflict");
        duplicates.setId("customer-duplicates");
        merges.setId("customer-merges");
        add(identities, new HorizontalLayout(kind, value, add), conflict, duplicates, merges);
    }

    void show(CustomerProfile profile) {
        customerId = profile.id();
        identities.removeAll();
        profile.identities().forEach(i -> identities.add(badge(i.kind(), i.value())));
        conflict.removeAll();
        duplicates.removeAll();
        for (DuplicateSuggestion suggestion : suggestions.suggestionsFor(customerId)) {
            var other = suggestion.first().id() == customerId ? suggestion.second() : suggestion.first();
            String why = String.join("; ", suggestion.reasons().stream()
                    .map(r -> r.rule().name().toLowerCase().replace('_', ' ') + " (" + r.evidence() + ")").toList());
            Button merge = new Button("Merge into this customer", e -> attempt(() -> merger.merge(customerId,
                    other.id())));
            merge.getElement().setAttribute("data-testid", "duplicate-merge");
            Button dismiss = new Button("Not the same", e -> attempt(() -> suggestions.dismiss(customerId,
                    other.id())));
            dismiss.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            Div row = new Div(new Span("Possibly the same as " + (other.displayName() == null ? "customer #"
                    + other.id() : other.displayName()) + " — " + why + " "), merge, dismiss);
            row.getElement().setAttribute("data-testid", "duplicate");
            duplicates.add(row);
        }
        merges.removeAll();
        List<MergeRecord> history = merger.merges(customerId);
        for (MergeRecord merge : history.stream().filter(MergeRecord::active)
                .filter(m -> m.survivorId() == customerId).toList()) {
            Button undo = new Button("Undo merge of customer #" + merge.mergedId(),
                    e -> attempt(() -> merger.unmerge(merge.id())));
            undo.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            undo.getElement().setAttribute("data-testid", "undo-merge");
            merges.add(undo);
        }
    }

    private void addIdentity() {
        conflict.removeAll();
        try {
            profiles.addIdentity(customerId, kind.getValue(), value.getValue());
            value.clear();
            changed.run();
        } catch (IdentityConflictException taken) {
            Button merge = new Button("Merge customer #" + taken.otherCustomerId() + " into this one",
                    e -> attempt(() -> merger.merge(customerId, taken.otherCustomerId())));
            merge.setId("customer-conflict-merge");
            conflict.add(new Span(taken.getMessage() + " "), merge);
        } catch (CustomerException problem) {
            value.setErrorMessage(problem.getMessage());
            value.setInvalid(true);
        }
    }

    private void attempt(Runnable action) {
        try {
            action.run();
            changed.run();
        } catch (CustomerException problem) {
            Notification.show(problem.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    static Component badge(String kind, String value) {
        Icon icon = switch (kind) {
            case "email" -> VaadinIcon.ENVELOPE.create();
            case "phone" -> VaadinIcon.PHONE.create();
            case "webchat-visitor" -> VaadinIcon.CHAT.create();
            case "messenger-psid" -> VaadinIcon.FACEBOOK.create();
            case "instagram-igsid" -> VaadinIcon.CAMERA.create();
            case "telegram" -> VaadinIcon.PAPERPLANE.create();
            default -> VaadinIcon.CONNECT.create();
        };
        icon.setSize("var(--lumo-icon-size-s)");
        icon.setTooltipText(kind);
        Span badge = new Span(icon, new Span(" " + value));
        badge.getElement().setAttribute("data-testid", "customer-identity");
        badge.getStyle().set("margin-right", "var(--lumo-space-m)");
        return badge;
    }
}
