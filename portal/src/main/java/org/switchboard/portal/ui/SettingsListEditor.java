package org.switchboard.portal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;

/**
 * The shape of a settings page: a grid of what exists, a form below it that edits the row picked in the grid (or a
 * new item), and Save / New / Delete. A refusal (the subclass's problem exception, or a missing role) is shown beside
 * the form and in a notification, and changes nothing. Subclasses say how an item fills the form, how the form is
 * stored, and how items are listed and deleted.
 *
 * @param <T> the settings item
 */
abstract class SettingsListEditor<T> extends VerticalLayout {

    final Grid<T> grid = new Grid<>();
    final Button save = new Button("Save");
    final Button startNew = new Button("New");
    final Button delete = new Button("Delete");
    final Span problem = new Span();
    private final Class<? extends RuntimeException> refusal;
    private Long editing;

    /**
     * @param gridId  the grid's element id
     * @param refusal the exception the settings service throws for input it refuses, whose message users read
     */
    SettingsListEditor(String gridId, Class<? extends RuntimeException> refusal) {
        this.refusal = refusal;
        grid.setId(gridId);
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                edit(e.getValue());
            }
        });
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        startNew.addClickListener(e -> startNew());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(e -> delete());
    }

    /** Title, grid, the form's rows, the problem line, then the actions after {@code leadingActions}; a new item. */
    void layOut(String title, List<Component> formRows, Component... leadingActions) {
        HorizontalLayout actions = new HorizontalLayout(leadingActions);
        actions.add(save, startNew, delete);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H3(title), grid);
        formRows.forEach(this::add);
        add(problem, actions);
        refresh();
        startNew();
    }

    /** Stores the form as the item with this id ({@code null}: a new one) and returns what was stored. */
    abstract T store(Long id);

    abstract void remove(long id);

    abstract void fill(T item);

    /** Empties the form for a new item (defaults where there are some). */
    abstract void clearForm();

    abstract Long idOf(T item);

    abstract String nameOf(T item);

    abstract List<T> load();

    void save() {
        refusing(() -> {
            T saved = store(editing);
            refresh();
            edit(saved);
            Notification.show("Saved \"" + nameOf(saved) + "\".");
        });
    }

    private void delete() {
        if (editing == null) {
            return;
        }
        refusing(() -> {
            remove(editing);
            refresh();
            startNew();
        });
    }

    private void edit(T item) {
        editing = idOf(item);
        fill(item);
        delete.setEnabled(true);
        problem.setText("");
    }

    private void startNew() {
        editing = null;
        grid.asSingleSelect().clear();
        clearForm();
        delete.setEnabled(false);
        problem.setText("");
    }

    /** Lists the items again; subclasses that show related data reload it first. */
    void refresh() {
        grid.setItems(load());
    }

    private void refusing(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            if (!refusal.isInstance(e) && !(e instanceof AccessDeniedException)) {
                throw e;
            }
            problem.setText(e.getMessage());
            Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
