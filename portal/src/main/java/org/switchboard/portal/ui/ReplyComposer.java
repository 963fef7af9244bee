package org.switchboard.portal.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.UploadHandler;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.switchboard.plugin.api.channel.Attachment;
import org.switchboard.portal.agent.AgentView;
import org.switchboard.portal.collaboration.CannedResponseView;
import org.switchboard.portal.collaboration.Mentions;
import org.switchboard.portal.collaboration.RenderedResponse;
import org.switchboard.portal.collaboration.Teammate;
import org.switchboard.portal.outbound.ReplyService;

/**
 * The box an agent writes in: a reply to the customer or a private note for colleagues. Typing "/" at the start of
 * a line offers canned responses (filled in for this conversation), "@" in a note offers colleagues; an emoji
 * button and, for replies on channels that carry files, an upload. Sending and the channel are the view's.
 */
class ReplyComposer extends VerticalLayout {

    /** What the conversation view does for the composer. */
    interface Host {

        long conversationId();

        AgentView agent();

        /** The agent asked to send (button or Ctrl+Enter). */
        void send();

        /** Reply and note mode switched. */
        void modeChanged();

        /** The box went from empty to having text: the agent began a new reply or note. */
        void composeStarted();

        /** The agent is typing (a note when {@code note}), or stopped ({@code active} false). */
        void typing(boolean active, boolean note);
    }

    /* "/" at the start of the text or of a line, and what follows it up to the end: a shortcut being typed. */
    private static final Pattern SLASH = Pattern.compile("(?:^|\\n)/([\\p{L}\\p{N}_-]*)$");

    final Tab replyTab = new Tab("Reply");
    final Tab noteTab = new Tab("Private note");
    final Tabs mode = new Tabs(replyTab, noteTab);
    final TextArea box = new TextArea();
    final Button send = new Button("Send");
    final EmojiPicker emoji;
    final Upload upload;
    final Span uploadHint = new Span("Files up to " + ReplyService.MAX_ATTACHMENT_BYTES / (1024 * 1024)
            + " MB each, at most " + ReplyService.MAX_ATTACHMENTS + " per reply.");
    final VerticalLayout attachments = new VerticalLayout();
    final SuggestionList<CannedResponseView> cannedPicker;
    final SuggestionList<Teammate> mentionPicker;
    final Span variableWarning = new Span();
    final HorizontalLayout row;

    private final ReplyComposers services;
    private final Host host;
    private final List<Attachment> files = new CopyOnWriteArrayList<>();
    private List<Teammate> teammates;
    private boolean attachmentsAllowed;

    ReplyComposer(ReplyComposers services, Host host) {
        this.services = services;
        this.host = host;
        setPadding(false);
        setSpacing(false);
        setWidthFull();

        mode.setId("composer-mode");
        noteTab.setId("composer-note-tab");
        mode.addSelectedChangeListener(e -> {
            applyMode();
            host.modeChanged();
        });

        box.setId("reply-box");
        box.setWidthFull();
        box.setMaxHeight("12em");
        box.setValueChangeMode(ValueChangeMode.TIMEOUT);
        box.setValueChangeTimeout(400);
        box.addValueChangeListener(e -> {
            String before = e.getOldValue() == null ? "" : e.getOldValue();
            String now = e.getValue() == null ? "" : e.getValue();
            if (before.isBlank() && !now.isBlank()) {
                host.composeStarted();
            }
            if (e.isFromClient()) {
                host.typing(!now.isBlank(), isNoteMode());
            }
            suggest(now);
        });
        send.setId("reply-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(e -> host.send());
        send.addClickShortcut(Key.ENTER, KeyModifier.CONTROL);
        emoji = new EmojiPicker(this::insert);

        cannedPicker = new SuggestionList<>("canned-picker", r -> "/" + r.shortcut() + " · " + r.title(),
                this::useCanned);
        mentionPicker = new SuggestionList<>("mention-picker", t -> "@" + t.displayName(), this::mention);
        variableWarning.setId("canned-warning");
        variableWarning.getStyle().set("color", "var(--lumo-warning-text-color, var(--lumo-error-text-color))")
                .set("font-size", "var(--lumo-font-size-s)");
        variableWarning.setVisible(false);

        upload = new Upload(UploadHandler.inMemory((file, bytes) -> files.add(new Attachment(
                file.fileName() == null || file.fileName().isBlank() ? "attachment" : file.fileName(),
                file.contentType() == null || file.contentType().isBlank() ? "application/octet-stream"
                        : file.contentType(), bytes, false, null))));
        upload.setId("reply-upload");
        upload.setMaxFileSize(ReplyService.MAX_ATTACHMENT_BYTES);
        upload.setMaxFiles(ReplyService.MAX_ATTACHMENTS);
        upload.setUploadButton(new Button("Attach files", VaadinIcon.PAPERCLIP.create()));
        upload.setDropLabel(new Span("or drop them here"));
        upload.addFileRejectedListener(e -> Notification.show(e.getFileName() + ": " + e.getErrorMessage(), 5000,
                Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR));
        upload.addFileRemovedListener(e -> files.stream().filter(f -> f.fileName().equals(e.getFileName()))
                .findFirst().ifPresent(files::remove));
        uploadHint.setId("reply-upload-hint");
        uploadHint.getStyle().set("font-size", "var(--lumo-font-size-xs)")
                .set("color", "var(--lumo-secondary-text-color)");
        attachments.setPadding(false);
        attachments.setSpacing(false);
        attachments.add(uploadHint, upload);

        row = new HorizontalLayout(box, emoji, send);
        row.setWidthFull();
        row.setAlignItems(FlexComponent.Alignment.END);
        add(mode, cannedPicker, mentionPicker, variableWarning, row, attachments);
        applyMode();
    }

    boolean isNoteMode() {
        return mode.getSelectedTab() == noteTab;
    }

    /** The files uploaded for the reply being written. */
    List<Attachment> files() {
        return List.copyOf(files);
    }

    boolean uploading() {
        return upload.isUploading();
    }

    /** Whether the chosen channel carries files: the upload shows only then (and only for replies). */
    void allowAttachments(boolean allowed) {
        attachmentsAllowed = allowed;
        attachments.setVisible(allowed && !isNoteMode());
    }

    /** After a successful send: empty box, no files, no hints; the agent no longer types. */
    void clearAfterSend() {
        box.clear();
        files.clear();
        upload.clearFileList();
        variableWarning.setVisible(false);
        cannedPicker.hide();
        mentionPicker.hide();
        host.typing(false, isNoteMode());
    }

    /** Puts text into the box at its end (the server does not know the caret). */
    void insert(String text) {
        String current = box.getValue();
        box.setValue(current.isEmpty() || current.endsWith(" ") || current.endsWith("\n") ? current + text
                : current + " " + text);
    }

    private void applyMode() {
        boolean note = isNoteMode();
        send.setText(note ? "Add note" : "Send");
        box.setPlaceholder(note ? "Private note: only agents see it. Type @ to mention a colleague. (Ctrl+Enter adds)"
                : "Reply to the customer… Type / for canned responses. (Ctrl+Enter sends)");
        box.getStyle().set("background", note ? "var(--sb-note-bg, #fff6d6)" : null);
        box.getElement().setAttribute("data-mode", note ? "note" : "reply");
        attachments.setVisible(attachmentsAllowed && !note);
        mentionPicker.hide();
        suggest(box.getValue());
    }

    private void suggest(String text) {
        Optional<String> shortcut = slashQuery(text);
        if (shortcut.isPresent()) {
            cannedPicker.show(services.canned.matching(host.agent().id(), shortcut.get()));
        } else {
            cannedPicker.hide();
        }
        Optional<String> mention = isNoteMode() ? Mentions.typedAtEnd(text) : Optional.empty();
        if (mention.isPresent()) {
            mentionPicker.show(Mentions.matching(mention.get(), teammates()));
        } else {
            mentionPicker.hide();
        }
    }

    /** The shortcut being typed after a "/" that starts the text or a line, if the text ends in one. */
    static Optional<String> slashQuery(String text) {
        Matcher matcher = SLASH.matcher(text == null ? "" : text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private void useCanned(CannedResponseView response) {
        RenderedResponse rendered = services.renderer.render(response.body(), host.conversationId(), host.agent());
        String text = box.getValue();
        Matcher matcher = SLASH.matcher(text);
        String before = matcher.find() ? text.substring(0, matcher.start() + (matcher.group().startsWith("\n") ? 1
                : 0)) : text;
        box.setValue(before + rendered.text());
        variableWarning.setText(rendered.warning());
        variableWarning.setVisible(!rendered.warning().isEmpty());
        cannedPicker.hide();
        box.focus();
    }

    private void mention(Teammate teammate) {
        box.setValue(Mentions.complete(box.getValue(), teammate, teammates()));
        mentionPicker.hide();
        box.focus();
    }

    private List<Teammate> teammates() {
        if (teammates == null) {
            teammates = services.teammates.enabled().stream().filter(t -> t.id() != host.agent().id()).toList();
        }
        return teammates;
    }
}
