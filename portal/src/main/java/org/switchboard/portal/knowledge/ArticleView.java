package org.switchboard.portal.knowledge;

import java.time.Instant;
import java.util.List;

/**
 * An article as the admin list and editor show it.
 *
 * @param id        its id
 * @param title     title
 * @param body      body text
 * @param tags      tags
 * @param language  BCP 47 language tag
 * @param published whether the assistant and agents see it
 * @param updatedAt last change
 */
public record ArticleView(long id, String title, String body, List<String> tags, String language, boolean published,
        Instant updatedAt) {

    static ArticleView of(KnowledgeArticle a) {
        return new ArticleView(a.getId(), a.getTitle(), a.getBody(), KnowledgeBase.splitTags(a.getTags()),
                a.getLanguage(), a.isPublished(), a.getUpdatedAt());
    }
}
