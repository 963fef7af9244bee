package org.switchboard.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.switchboard.portal.agent.AgentView;
import org.switchboard.portal.agent.Role;
import org.switchboard.portal.inbox.InboxCriteria;
import org.switchboard.portal.inbox.InboxException;
import org.switchboard.portal.inbox.SavedViewSummary;
import org.switchboard.portal.inbox.SavedViews;

/** Picks a saved view, saves the current filters as one, or deletes the chosen one. */
class SavedViewsMenu extends HorizontalLayout {

    final ComboBox<SavedViewSummary> choose = new ComboBox<>();
    final Button save = new Button("Save view…");
    final Button delete = new Button("Delete view");
    private final SavedViews saved;
    private final AgentView me;

    SavedViewsMenu(SavedViews saved, AgentView me, Supplier<InboxCriteria> current, Consumer<InboxCriteria> show) {
        this.saved = saved;
        this.me = me;
        setId("inbox-saved-views");
        setAlignItems(Alignment.BASELINE);
        choose.setPlaceholder("Saved views");
        choose.setAriaLabel("Saved views");
        choose.setItemLabelGenerator(v -> v.name() + (v.shared() ? " (shared)" : ""));
        choose.setClearButtonVisible(true);
        choose.addValueChangeListener(e -> {
            delete.setEnabled(e.getValue() != null);
            if (e.getValue() != null) {
                show.accept(e.getValue().criteria());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        save.addClickListener(e -> openSaveDialog(current.get()));
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        delete.setEnabled(false);
        delete.addClickListener(e -> deleteChosen());
        refresh();
        add(choose, save, delete);
    }

    /** Chooses a saved view as the agent would (for tests and shortcuts). */
    void select(SavedViewSummary view) {
        choose.setValue(view);
    }

    private void openSaveDialog(InboxCriteria criteria) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Save these filters as a view");
        var name = new TextField("Name");
        name.setId("saved-view-name");
        var share = new Checkbox("Share with everybody");
        share.setVisible(me.roles().contains(Role.SUPERVISOR) || me.roles().contains(Role.ADMIN));
        var ok = new Button("Save", e -> {
            try {
                SavedViewSummary view = saved.save(me, name.getValue(), criteria, share.getValue());
                refresh();
                choose.setValue(view);
                dialog.close();
            } catch (InboxException bad) {
                name.setInvalid(true);
                name.setErrorMessage(bad.getMessage());
            }
        });
        ok.setId("saved-view-save");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(name, share);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), ok);
        dialog.open();
    }

    private void deleteChosen() {
        SavedViewSummary view = choose.getValue();
        if (view == null) {
            return;
        }
        try {
            saved.delete(me, view.id());
            refresh();
            Notification.show("View \"" + view.name() + "\" deleted");
        } catch (InboxException bad) {
            Notification.show(bad.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void refresh() {
        choose.setItems(saved.visibleTo(me));
    }
}
