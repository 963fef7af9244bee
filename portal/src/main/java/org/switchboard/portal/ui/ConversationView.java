package org.switchboard.portal.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.switchboard.plugin.api.channel.MessageTemplate;
import org.switchboard.portal.outbound.ReplyWindow;
import org.switchboard.portal.ai.KnowledgeRetrieval;
import org.switchboard.portal.outbound.ReplyChannelOption;
import com.vaadin.flow.component.combobox.ComboBox;
import org.switchboard.portal.conversation.ConversationOperationException;
import org.switchboard.portal.conversation.ConversationRestructuring;
import org.switchboard.portal.conversation.ConversationSummary;
import org.switchboard.portal.agent.AgentView;
import org.switchboard.portal.agent.CurrentAgent;
import org.switchboard.portal.channel.ChannelAccounts;
import org.switchboard.portal.conversation.ConversationDetail;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.conversation.ConversationStatus;
import org.switchboard.portal.conversation.ConversationStore;
import org.switchboard.portal.live.LiveUpdates;
import org.switchboard.portal.outbound.ReplyNotPossibleException;
import org.switchboard.portal.outbound.ReplyService;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import java.util.Optional;
import java.util.Set;
import org.switchboard.portal.collaboration.Collision;

/** One conversation: the whole history across channels, a reply box, resolve and reopen. Updates live. */
@Route("conversations")
@RolesAllowed("AGENT")
public class ConversationView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle,
        com.vaadin.flow.router.HasUrlParameter<Long> {

    private final ConversationQueries queries;
    private final ConversationStore store;
    private final ReplyService replies;
    private final CurrentAgent currentAgent;
    private final LiveUpdates live;

    final H2 title = new H2();
    final com.vaadin.flow.router.RouterLink profile = new com.vaadin.flow.router.RouterLink();
    final Span status = new Span();
    final MessageHistory history;
    final ReplyComposer composer;
    private Long focusMessageId;
    final TextArea replyBox;
    final Button send;
    final PresenceBar presence = new PresenceBar();
    ConfirmDialog collisionDialog;
    final Button resolve = new Button();
    final TemplateComposer templates = new TemplateComposer(this::sendTemplate);
    final ComboBox<ReplyChannelOption> channel = new ComboBox<>();
    final Button merge = new Button("Merge into…");
    final Span assignee = new Span();
    final Button assignToMe = new Button("Assign to me");
    private boolean assignedToMe;
    private final ConversationRestructuring restructuring;
    private final ReplyComposers collaboration;
    private long conversationId;
    private AgentView me;
    private String presenceKey;
    private Runnable unsubscribePresence;
    /* The messages on screen now, and those on screen when the agent began the reply being written. */
    private Set<Long> shownMessages = Set.of();
    private Set<Long> composeBaseline = Set.of();
    private boolean replyWindowClosed;
    private boolean hasChannelOptions;
    private ConversationStatus currentStatus;
    private String pageTitle = "Conversation";
    private Runnable unsubscribe;

    final CustomerPanel customer;
    final CsatLine csat;
    final ConversationActions actions;
    final AgentAssist ai;

    ConversationView(ConversationQueries queries, ConversationStore store, ReplyService replies,
            ChannelAccounts channels, CurrentAgent currentAgent, LiveUpdates live,
            ConversationRestructuring restructuring, CustomerPanels customerPanels, KnowledgeRetrieval knowledge,
            ReplyComposers collaboration, org.switchboard.portal.conversation.ConversationWorkflow workflow,
            org.switchboard.portal.inbox.InboxChoices choices, java.time.Clock clock,
            org.switchboard.portal.csat.CsatRatings csatRatings) {
        this.csat = new CsatLine(csatRatings);
        this.actions = new ConversationActions(workflow, store, choices, collaboration.notes, currentAgent, clock,
                this::refresh);
        this.restructuring = restructuring;
        this.collaboration = collaboration;
        this.customer = customerPanels.create();
        this.queries = queries;
        this.store = store;
        this.replies = replies;
        this.currentAgent = currentAgent;
        this.live = live;
        this.history = new MessageHistory(queries, channels, restructuring, currentAgent);
        setSizeFull();

        status.setId("conversation-status");
        resolve.setId("conversation-resolve");
        resolve.addClickListener(e -> toggleResolved());
        assignToMe.setId("conversation-assign-to-me");
        assignToMe.addClickListener(e -> {
            AgentView me = currentAgent.get();
            store.assign(conversationId, assignedToMe ? null : me.id(), me.id());
            refresh();
        });
        merge.setId("conversation-merge");
        merge.addClickListener(e -> openMerge());
        profile.setId("customer-profile-link");
        var header = new HorizontalLayout(title, profile, status, assignee, assignToMe, resolve, merge);
        header.setAlignItems(Alignment.BASELINE);

        var scroller = new Scroller(history);
        scroller.setSizeFull();

        composer = collaboration.create(new ComposerHost());
        ConversationShortcuts.register(this);
        replyBox = composer.box;
        send = composer.send;
        channel.setId("reply-channel");
        channel.setAriaLabel("Reply on");
        channel.setItemLabelGenerator(ReplyChannelOption::label);
        channel.setWidth("22em");
        channel.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                templates.notice.setText("");
                showReplyWindow();
            }
        });
        templates.setVisible(false);
        templates.setWidthFull();

        // The conversation on the left, the customer 360 panel beside it.
        ai = new AgentAssist(queries, knowledge, replyBox);
        var work = new VerticalLayout(ai.summary, scroller, ai.panel, presence, channel, templates, composer);
        work.setPadding(false);
        work.setSizeFull();
        work.expand(scroller);
        var side = new Scroller(customer);
        side.setWidth("28em");
        side.setHeightFull();
        side.addClassName("sb-customer-side");
        var body = new HorizontalLayout(work, side);
        body.setSizeFull();
        add(header, csat, actions, body);
        expand(body);
    }

    @Override
    public void setParameter(com.vaadin.flow.router.BeforeEvent event, Long id) {
        this.conversationId = id;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // A search result opens the conversation at the message that matched (?message=id).
        focusMessageId = event.getLocation().getQueryParameters().getSingleParameter("message")
                .filter(v -> v.matches("\\d{1,18}")).map(Long::valueOf).orElse(null);
        listen(event.getUI());
        store.markRead(conversationId);
        me = currentAgent.get();
        if (!refresh()) {
            stopListening(); // never attached, so never detached: drop what listen() set up
            event.rerouteToError(IllegalArgumentException.class, "No such conversation");
            return;
        }
        composeBaseline = shownMessages;
        collaboration.notifications.markReadFor(me.id(), conversationId);
        joinPresence();
        // Once per visit, not on live refreshes: the panel asks external systems (orders) about the customer.
        queries.summaries(List.of(conversationId)).stream().findFirst().ifPresent(s -> customer.show(s.customerId()));
    }

    /** Shows the conversation as stored now; {@code false} when it does not exist. */
    private boolean refresh() {
        ConversationDetail detail = queries.detail(conversationId).orElse(null);
        if (detail == null) {
            return false;
        }
        currentStatus = detail.summary().status();
        pageTitle = detail.summary().customerName() + " · Switchboard";
        title.setText(detail.summary().customerName());
        profile.setText("Customer profile");
        profile.setRoute(CustomerView.class, detail.summary().customerId());
        status.setText(detail.summary().status().name().toLowerCase());
        resolve.setText(detail.summary().status() == ConversationStatus.RESOLVED ? "Reopen" : "Resolve");
        assignee.setId("conversation-assignee");
        assignee.setText(detail.summary().assigneeName() == null ? "unassigned" : "assigned to "
                + detail.summary().assigneeName());
        assignedToMe = Long.valueOf(currentAgent.get().id()).equals(detail.summary().assigneeId());
        assignToMe.setText(assignedToMe ? "Unassign" : "Assign to me");
        actions.show(detail.summary());
        csat.show(conversationId);
        shownMessages = history.show(conversationId, detail);
        showChannels();
        showReplyWindow();
        ai.show(conversationId, detail);
        focusMessage();
        return true;
    }

    /** Marks and scrolls to the message a search result pointed at, once per visit. */
    private void focusMessage() {
        if (focusMessageId != null) {
            history.focus(focusMessageId);
            focusMessageId = null;
        }
    }

    long conversationId() {
        return conversationId;
    }

    /* The picker keeps the agent's choice across live refreshes; the default is the customer's last channel. */
    private void showChannels() {
        String chosen = channel.getValue() == null ? null : channel.getValue().channelAccountId();
        List<ReplyChannelOption> options = replies.channelOptions(conversationId);
        channel.setItems(options);
        hasChannelOptions = !options.isEmpty();
        options.stream().filter(o -> o.channelAccountId().equals(chosen)).findFirst()
                .or(() -> options.stream().findFirst()).ifPresent(channel::setValue);
    }

    private String chosenAccount() {
        return channel.getValue() == null ? null : channel.getValue().channelAccountId();
    }

    private void openMerge() {
        var dialog = new com.vaadin.flow.component.dialog.Dialog();
        dialog.setHeaderTitle("Merge this conversation into…");
        ComboBox<ConversationSummary> target = new ComboBox<>("Conversation of the same customer");
        target.setId("merge-target");
        target.setWidthFull();
        target.setItems(restructuring.mergeCandidates(conversationId));
        target.setItemLabelGenerator(c -> "#" + c.id() + " · " + c.status().name().toLowerCase() + " · "
                + (c.preview() == null ? "" : c.preview()));
        Button confirm = new Button("Merge", e -> {
            if (target.getValue() == null) {
                return;
            }
            try {
                long into = target.getValue().id();
                restructuring.merge(conversationId, into, currentAgent.get().id());
                dialog.close();
                UI.getCurrent().navigate(ConversationView.class, into);
            } catch (ConversationOperationException problem) {
                Notification.show(problem.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        confirm.setId("merge-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(target);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        mergeDialog = dialog;
        mergeTarget = target;
        mergeConfirm = confirm;
        dialog.open();
    }

    com.vaadin.flow.component.dialog.Dialog mergeDialog;
    ComboBox<ConversationSummary> mergeTarget;
    Button mergeConfirm;

    /* WhatsApp, Messenger and Instagram take free text only within 24 hours of the customer's last message. */
    private void showReplyWindow() {
        ReplyWindow window;
        try {
            window = replies.replyWindow(conversationId, chosenAccount());
        } catch (ReplyNotPossibleException e) {
            window = null;
        }
        boolean closed = window != null && !window.open();
        replyWindowClosed = closed;
        showComposer();
        if (closed && !window.explanation().equals(templates.notice.getText())) {
            List<MessageTemplate> offered = List.of();
            String reason = window.explanation();
            if (window.templatesAvailable()) {
                try {
                    offered = replies.templates(window.target().channelAccountId());
                } catch (ReplyNotPossibleException e) {
                    reason = reason + " " + e.getMessage();
                }
            }
            templates.show(reason, offered);
        }
    }

    /*
     * A note can always be written; a reply only while the channel's window is open (else templates), with the
     * upload only on channels that carry files.
     */
    private void showComposer() {
        boolean note = composer.isNoteMode();
        channel.setVisible(!note && hasChannelOptions);
        templates.setVisible(!note && replyWindowClosed);
        composer.row.setVisible(note || !replyWindowClosed);
        composer.allowAttachments(!note && !replyWindowClosed
                && replies.attachmentsAllowed(conversationId, chosenAccount()));
    }

    private void sendOrAddNote() {
        if (composer.isNoteMode()) {
            addNote();
        } else {
            sendReply(false);
        }
    }

    /*
     * Before a reply goes out, a reply someone else sent since the agent began writing is shown with the choice to
     * send anyway: two agents answering the same question is what collision detection is for.
     */
    private void sendReply(boolean confirmed) {
        AgentView agent = me();
        if (composer.uploading()) {
            error("Wait until the files are uploaded.");
            return;
        }
        boolean something = !replyBox.getValue().isBlank() || !composer.files().isEmpty();
        if (!confirmed && something) {
            Optional<Collision> collision = collaboration.collisions.since(conversationId, agent.id(),
                    composeBaseline);
            if (collision.isPresent()) {
                confirmCollision(collision.get());
                return;
            }
        }
        try {
            replies.reply(conversationId, agent.id(), agent.displayName(), replyBox.getValue(), chosenAccount(),
                    composer.files());
            composer.clearAfterSend();
            refresh();
            composeBaseline = shownMessages;
        } catch (ReplyNotPossibleException e) {
            error(e.getMessage());
        }
    }

    private void confirmCollision(Collision collision) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("reply-collision");
        dialog.setHeader("Someone replied meanwhile");
        dialog.setText(collaboration.collisions.question(collision));
        dialog.setConfirmText("Send anyway");
        dialog.setCancelable(true);
        dialog.setCancelText("Don't send");
        dialog.addConfirmListener(e -> sendReply(true));
        // Not sending means the agent has now seen the other reply: the next Send goes without asking again.
        dialog.addCancelListener(e -> {
            refresh();
            composeBaseline = shownMessages;
        });
        collisionDialog = dialog;
        dialog.open();
    }

    private void addNote() {
        try {
            var added = collaboration.notes.add(conversationId, me(), replyBox.getValue());
            composer.clearAfterSend();
            refresh();
            List<String> notified = added.mentioned().stream().filter(t -> t.id() != me().id())
                    .map(t -> t.displayName()).toList();
            if (!notified.isEmpty()) {
                Notification.show("Note added; notified " + String.join(", ", notified));
            }
        } catch (org.switchboard.portal.conversation.ConversationOperationException e) {
            error(e.getMessage());
        }
    }

    private AgentView me() {
        if (me == null) {
            me = currentAgent.get();
        }
        return me;
    }

    private static void error(String message) {
        Notification.show(message, 5000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /* One presence entry per open view; a view reused for another conversation moves its entry. */
    private void joinPresence() {
        collaboration.presence.leave(presenceKey);
        presenceKey = collaboration.presence.join(conversationId, me().id(), me().displayName());
        showPresence();
    }

    private void showPresence() {
        presence.show(collaboration.presence.others(conversationId, me().id()));
    }

    /** The composer's link to this view. */
    private final class ComposerHost implements ReplyComposer.Host {

        @Override
        public long conversationId() {
            return conversationId;
        }

        @Override
        public AgentView agent() {
            return me();
        }

        @Override
        public void send() {
            sendOrAddNote();
        }

        @Override
        public void modeChanged() {
            showComposer();
        }

        @Override
        public void composeStarted() {
            composeBaseline = shownMessages;
        }

        @Override
        public void typing(boolean active, boolean note) {
            if (presenceKey == null) {
                return;
            }
            if (active) {
                collaboration.presence.typing(presenceKey, note);
            } else {
                collaboration.presence.stoppedTyping(presenceKey);
            }
        }
    }

    private void sendTemplate(MessageTemplate template, List<String> values) {
        AgentView agent = currentAgent.get();
        try {
            replies.replyWithTemplate(conversationId, agent.id(), agent.displayName(), chosenAccount(), template,
                    values);
            templates.notice.setText("");
            refresh();
        } catch (ReplyNotPossibleException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void toggleResolved() {
        ConversationStatus next = currentStatus == ConversationStatus.RESOLVED ? ConversationStatus.OPEN
                : ConversationStatus.RESOLVED;
        store.changeStatus(conversationId, next, currentAgent.get().id());
        refresh();
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        listen(event.getUI());
        if (presenceKey == null && conversationId != 0) {
            joinPresence();
        }
    }

    /*
     * Subscribes before the first read (beforeEnter runs before attach): a message or a colleague arriving between
     * reading the conversation and subscribing would otherwise never show. Idempotent.
     */
    private void listen(UI ui) {
        if (unsubscribe == null) {
            unsubscribe = live.subscribe(change -> {
                if (change.conversationId() == conversationId) {
                    ui.access(this::refresh);
                }
            });
        }
        if (unsubscribePresence == null) {
            unsubscribePresence = collaboration.presence.subscribe(changed -> {
                if (changed == conversationId) {
                    ui.access(this::showPresence);
                }
            });
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopListening();
    }

    private void stopListening() {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
        if (unsubscribePresence != null) {
            unsubscribePresence.run();
            unsubscribePresence = null;
        }
        collaboration.presence.leave(presenceKey);
        presenceKey = null;
    }
}
