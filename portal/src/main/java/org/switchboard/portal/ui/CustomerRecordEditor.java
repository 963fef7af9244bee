package org.switchboard.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import java.util.function.Supplier;
import org.switchboard.portal.agent.AgentView;
import org.switchboard.portal.customer.AttributeDefinition;
import org.switchboard.portal.customer.CustomerException;
import org.switchboard.portal.customer.CustomerProfile;
import org.switchboard.portal.customer.CustomerProfiles;
import org.switchboard.portal.customer.PreferredChannel;

/**
 * What agents keep about a customer: language, preferred channel (set, or learned from use), tags, custom
 * attributes and notes. Every change goes through {@link CustomerProfiles}, which validates it.
 */
class CustomerRecordEditor extends VerticalLayout {

    final TextField language = new TextField("Language");
    final ComboBox<String> preferred = new ComboBox<>("Preferred channel");
    final Span preferredSource = new Span();
    final Div tags = new Div();
    final TextField newTag = new TextField();
    final Button addTag = new Button("Add tag");
    final Div attributes = new Div();
    final Div notes = new Div();
    final TextArea newNote = new TextArea();
    final Button addNote = new Button("Add note");
    private final CustomerProfiles profiles;
    private final Map<String, String> channelNames;
    private final Supplier<AgentView> agent;
    private final Runnable changed;
    private long customerId;
    private boolean loading;

    CustomerRecordEditor(CustomerProfiles profiles, Map<String, String> channelNames, Supplier<AgentView> agent,
            Runnable changed) {
        this.profiles = profiles;
        this.channelNames = channelNames;
        this.agent = agent;
        this.changed = changed;
        setPadding(false);
        setSpacing(false);
        language.setId("customer-language");
        language.setPlaceholder("e.g. de, en-GB");
        language.addValueChangeListener(e -> {
            if (!loading) {
                attempt(() -> profiles.setLanguage(customerId, e.getValue()));
            }
        });
        preferred.setId("customer-preferred-channel");
        preferred.setItems(channelNames.keySet());
        preferred.setItemLabelGenerator(id -> channelNames.getOrDefault(id, id));
        preferred.setClearButtonVisible(true);
        preferred.addValueChangeListener(e -> {
            if (!loading) {
                attempt(() -> profiles.setPreferredChannel(customerId, e.getValue()));
            }
        });
        newTag.setId("customer-new-tag");
        newTag.setPlaceholder("New tag");
        addTag.setId("customer-add-tag");
        addTag.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addTag.addClickShortcut(com.vaadin.flow.component.Key.ENTER).listenOn(newTag);
        addTag.addClickListener(e -> {
            attempt(() -> profiles.addTag(customerId, newTag.getValue()));
            newTag.clear();
        });
        tags.setId("customer-tags");
        attributes.setId("customer-attributes");
        notes.setId("customer-notes");
        newNote.setId("customer-new-note");
        newNote.setPlaceholder("A note for other agents");
        newNote.setWidthFull();
        addNote.setId("customer-add-note");
        addNote.addClickListener(e -> {
            AgentView me = agent.get();
            attempt(() -> profiles.addNote(customerId, me.id(), me.displayName(), newNote.getValue()));
            newNote.clear();
        });
        add(new HorizontalLayout(language, preferred), preferredSource, tags, new HorizontalLayout(newTag, addTag),
                attributes, notes, newNote, addNote);
    }

    void show(CustomerProfile profile) {
        loading = true;
        try {
            customerId = profile.id();
            language.setValue(profile.language() == null ? "" : profile.language());
            PreferredChannel channel = profile.preferredChannel().orElse(null);
            preferred.setValue(channel == null || channel.source() != PreferredChannel.Source.EXPLICIT ? null
                    : channel.channelAccountId());
            preferredSource.setText(channel == null ? "No preferred channel yet"
                    : "Prefers " + channelNames.getOrDefault(channel.channelAccountId(), "a removed channel")
                            + (channel.source() == PreferredChannel.Source.LEARNED ? " (most used lately)"
                                    : " (set by an agent)"));
            preferredSource.setId("customer-preferred-source");
            tags.removeAll();
            for (String tag : profile.tags()) {
                Button remove = new Button(tag + " ×", e -> attempt(() -> profiles.removeTag(customerId, tag)));
                remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
                remove.getElement().setAttribute("data-testid", "customer-tag");
                tags.add(remove);
            }
            attributes.removeAll();
            for (AttributeDefinition definition : profiles.attributeDefinitions()) {
                TextField value = new TextField(definition.label());
                value.setValue(profile.attributes().getOrDefault(definition.key(), ""));
                value.setHelperText(definition.type().name().toLowerCase() + (definition.options().isEmpty() ? ""
                        : ": " + String.join(", ", definition.options())));
                value.setId("customer-attribute-" + definition.key());
                value.addValueChangeListener(e -> {
                    if (!loading && e.isFromClient()) {
                        attempt(() -> profiles.setAttribute(customerId, definition.key(), e.getValue()));
                    }
                });
                attributes.add(value);
            }
            notes.removeAll();
            for (CustomerProfile.Note note : profile.notes()) {
                Div entry = new Div(new Span(note.authorName() + ": " + note.text()));
                entry.getElement().setAttribute("data-testid", "customer-note");
                notes.add(entry);
            }
        } finally {
            loading = false;
        }
    }

    private void attempt(Runnable change) {
        try {
            change.run();
            changed.run();
        } catch (CustomerException | IllegalArgumentException problem) {
            Notification.show(problem.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
