package org.switchboard.plugin.api.ai;

import java.util.Objects;

/**
 * A passage of knowledge (a help-centre article, a policy) retrieved for a question.
 *
 * @param sourceId where it comes from (e.g. {@code kb:17})
 * @param title    the article's title
 * @param text     the passage
 * @param score    the retriever's relevance score (higher is better; not comparable across retrievers)
 * @param url      where a customer can read it, or {@code null}
 * @since 0.4.0 (incubating)
 */
public record KnowledgePassage(String sourceId, String title, String text, double score, String url) {

    public KnowledgePassage {
        Objects.requireNonNull(sourceId, "sourceId");
        title = title == null ? "" : title;
        text = text == null ? "" : text;
    }
}
