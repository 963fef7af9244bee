package org.switchboard.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A short list of suggestions shown above the composer while the agent types a trigger ("/" for canned
 * responses, "@" in a note for colleagues); clicking one picks it. Hidden when there is nothing to suggest.
 */
class SuggestionList<T> extends Div {

    static final int MAX_SHOWN = 8;

    final List<Button> items = new ArrayList<>();
    private final Function<T, String> label;
    private final Consumer<T> onPick;

    SuggestionList(String id, Function<T, String> label, Consumer<T> onPick) {
        this.label = label;
        this.onPick = onPick;
        setId(id);
        getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-xs)")
                .set("padding", "var(--lumo-space-xs)").set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-m)");
        setVisible(false);
    }

    /** Shows these suggestions (the first few), or hides the list when there are none. */
    void show(List<T> suggestions) {
        removeAll();
        items.clear();
        for (T suggestion : suggestions.subList(0, Math.min(MAX_SHOWN, suggestions.size()))) {
            Button item = new Button(label.apply(suggestion), e -> onPick.accept(suggestion));
            item.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            item.getElement().setAttribute("data-testid", "suggestion");
            items.add(item);
            add(item);
        }
        setVisible(!items.isEmpty());
    }

    void hide() {
        show(List.of());
    }
}
