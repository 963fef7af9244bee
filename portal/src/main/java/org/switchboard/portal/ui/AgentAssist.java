package org.switchboard.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import org.switchboard.plugin.api.ai.KnowledgePassage;
import org.switchboard.portal.ai.KnowledgeRetrieval;
import org.switchboard.portal.conversation.AiNotes;
import org.switchboard.portal.conversation.ConversationDetail;
import org.switchboard.portal.conversation.ConversationQueries;
import org.switchboard.portal.conversation.MessageDirection;
import org.switchboard.portal.conversation.MessageView;

/**
 * What the assistant leaves for the agent in a conversation: its hand-over summary ({@link #summary}, on top), and
 * above the reply box ({@link #panel}) its suggested reply and the three most relevant knowledge articles, each of
 * which one click puts into the reply.
 */
class AgentAssist {

    final Div summary = new Div();
    final Div panel = new Div();
    final Button useSuggestion = new Button("Use suggestion");
    private final ConversationQueries queries;
    private final KnowledgeRetrieval knowledge;
    private final TextArea replyBox;
    private String currentSuggestion;
    private String articlesFor;
    private List<KnowledgePassage> articles = List.of();

    AgentAssist(ConversationQueries queries, KnowledgeRetrieval knowledge, TextArea replyBox) {
        this.queries = queries;
        this.knowledge = knowledge;
        this.replyBox = replyBox;
        summary.setId("ai-summary");
        summary.addClassName("sb-ai-summary");
        summary.getStyle().set("background", "var(--lumo-contrast-5pct)").set("padding", "var(--lumo-space-s)")
                .set("border-radius", "var(--lumo-border-radius-m)").set("white-space", "pre-wrap");
        panel.setId("agent-assist");
        panel.getStyle().set("font-size", "var(--lumo-font-size-s)");
        useSuggestion.setId("use-suggestion");
        useSuggestion.addThemeVariants(ButtonVariant.LUMO_SMALL);
        useSuggestion.addClickListener(e -> replyBox.setValue(currentSuggestion == null ? "" : currentSuggestion));
    }

    void show(long conversationId, ConversationDetail detail) {
        AiNotes notes = queries.aiNotes(conversationId);
        summary.setVisible(notes.summary() != null);
        summary.setText(notes.summary() == null ? "" : "Handed over by the assistant: " + notes.summary());
        panel.removeAll();
        if (notes.suggestion() != null) {
            Span suggestion = new Span("Suggested reply: " + notes.suggestion());
            suggestion.setId("ai-suggestion");
            currentSuggestion = notes.suggestion();
            panel.add(new Div(suggestion, useSuggestion));
        }
        String question = detail.messages().stream().filter(m -> m.direction() == MessageDirection.IN)
                .reduce((a, b) -> b).map(MessageView::text).orElse("");
        // Live refreshes (a status change, a delivery receipt) keep the question: search only when it changed.
        if (!question.equals(articlesFor)) {
            articlesFor = question;
            // The assistant's retrieval: by meaning too when an embedder is installed.
            articles = question.isBlank() ? List.of() : knowledge.passages(question, null).stream().limit(3).toList();
        }
        if (!articles.isEmpty()) {
            Div related = new Div(new Span("Relevant articles: "));
            related.setId("relevant-articles");
            for (KnowledgePassage article : articles) {
                Button insert = new Button(article.title(), e -> replyBox.setValue((replyBox.getValue().isBlank()
                        ? "" : replyBox.getValue() + "\n\n") + article.text()));
                insert.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                insert.setTooltipText(article.text());
                related.add(insert);
            }
            panel.add(related);
        }
    }
}
