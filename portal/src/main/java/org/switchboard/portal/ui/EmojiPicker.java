package org.switchboard.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A button opening a small grid of common emoji; picking one hands it to the composer. */
class EmojiPicker extends Div {

    static final List<String> EMOJI = List.of(
            "😀", "😃", "😄", "😁", "😊", "🙂", "😉", "😍", "😘", "😎", "🤔", "😅", "😂", "🤣", "😢", "😭",
            "😡", "😱", "😴", "🙄", "👍", "👎", "👏", "🙏", "👋", "🤝", "💪", "👀", "✅", "❌", "⚠️", "❤️",
            "💙", "🎉", "🔥", "⭐", "💡", "📦", "🚚", "📧", "📞", "⏰", "💳", "🛒");

    final Button open = new Button("😊");
    final Popover popover = new Popover();
    final List<Button> choices = new ArrayList<>();

    EmojiPicker(Consumer<String> onPick) {
        open.setId("emoji-picker");
        open.setAriaLabel("Insert emoji");
        open.setTooltipText("Insert emoji");
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div grid = new Div();
        grid.getStyle().set("display", "grid").set("grid-template-columns", "repeat(8, 2.2em)")
                .set("gap", "2px");
        for (String emoji : EMOJI) {
            Button choice = new Button(emoji, e -> {
                onPick.accept(emoji);
                popover.close();
            });
            choice.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            choice.getElement().setAttribute("data-testid", "emoji");
            choices.add(choice);
            grid.add(choice);
        }
        popover.add(grid);
        popover.setTarget(open);
        popover.setPosition(PopoverPosition.TOP_END);
        add(open);
    }
}
