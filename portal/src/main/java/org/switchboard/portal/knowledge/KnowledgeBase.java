package org.switchboard.portal.knowledge;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.plugin.api.ai.KnowledgePassage;

/**
 * Articles and retrieval over them. Retrieval is Lucene's BM25 over title (boosted), tags and body, any word of
 * the question matching (questions are long and worded freely), and the passage returned is the best-matching
 * fragment of the body (the highlighter's), so an answer quotes the relevant part of a long article.
 */
@Service
public class KnowledgeBase {

    private static final int PASSAGE_CHARS = 500;

    private final KnowledgeArticleRepository articles;
    private final EntityManager entityManager;
    private final Clock clock;

    KnowledgeBase(KnowledgeArticleRepository articles, EntityManager entityManager, Clock clock) {
        this.articles = articles;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional
    @org.springframework.security.access.prepost.PreAuthorize("@roleGuard.adminOrSystem()")
    public ArticleView save(Long id, String title, String body, List<String> tags, String language,
            boolean published) {
        if (title == null || title.isBlank() || body == null || body.isBlank()) {
            throw new IllegalArgumentException("an article needs a title and a body");
        }
        String joinedTags = String.join(",", tags.stream().map(t -> t.strip().toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty()).distinct().toList());
        String lang = language == null || language.isBlank() ? "en" : language.strip();
        KnowledgeArticle article;
        if (id == null) {
            article = articles.save(new KnowledgeArticle(title.strip(), body.strip(), joinedTags, lang, published,
                    clock.instant()));
        } else {
            article = articles.findById(id).orElseThrow(() -> new IllegalArgumentException("no article " + id));
            article.change(title.strip(), body.strip(), joinedTags, lang, published, clock.instant());
        }
        return ArticleView.of(article);
    }

    @Transactional
    @org.springframework.security.access.prepost.PreAuthorize("@roleGuard.adminOrSystem()")
    public void delete(long id) {
        articles.deleteById(id);
    }

    @Transactional(readOnly = true)
    public List<ArticleView> list() {
        return articles.findAllByOrderByTitle().stream().map(ArticleView::of).toList();
    }

    /**
     * The published passages that best answer a question, best first.
     *
     * @param question the customer's words
     * @param language a language to prefer (articles in it rank first), or {@code null}
     * @param limit    at most this many
     */
    @Transactional(readOnly = true)
    public List<KnowledgePassage> retrieve(String question, String language, int limit) {
        if (question == null || question.isBlank()) {
            return List.of();
        }
        String query = question.replaceAll("[+\\-|\"*~()]", " ").strip();
        SearchResult<List<?>> result = Search.session(entityManager).search(KnowledgeArticle.class)
                .select(f -> f.composite(f.id(Long.class), f.field("title", String.class),
                        f.highlight("body"), f.field("body", String.class), f.score()))
                .where(f -> f.bool()
                        .must(f.simpleQueryString().field("title").boost(2.0f).field("tags").boost(1.5f)
                                .field("body").matching(query).defaultOperator(BooleanOperator.OR))
                        .filter(f.match().field("published").matching(true))
                        .should(language == null ? f.matchAll() : f.match().field("language").matching(language)))
                .highlighter(f -> f.plain().fragmentSize(PASSAGE_CHARS).numberOfFragments(1)
                        .tag("", ""))
                .fetch(limit);
        return result.hits().stream().map(hit -> {
            Long id = (Long) hit.get(0);
            @SuppressWarnings("unchecked")
            List<String> fragments = (List<String>) hit.get(2);
            String body = (String) hit.get(3);
            String passage = fragments.isEmpty() ? abbreviate(body) : fragments.getFirst();
            return new KnowledgePassage("kb:" + id, (String) hit.get(1), passage, (Float) hit.get(4), null);
        }).toList();
    }

    /**
     * Published articles as passages (the body's beginning), for ranking by meaning where the question shares no
     * word with an article: most recently changed first.
     *
     * @param language only articles in this language, or {@code null} for all
     * @param limit    at most this many
     */
    @Transactional(readOnly = true)
    public List<KnowledgePassage> published(String language, int limit) {
        return articles.findPublished(language, org.springframework.data.domain.PageRequest.of(0, limit)).stream()
                .map(a -> new KnowledgePassage("kb:" + a.getId(), a.getTitle(), abbreviate(a.getBody()), 0, null))
                .toList();
    }

    private static String abbreviate(String body) {
        return body.length() <= PASSAGE_CHARS ? body : body.substring(0, PASSAGE_CHARS) + "…";
    }

    static List<String> splitTags(String tags) {
        return tags == null || tags.isBlank() ? List.of() : Arrays.asList(tags.split(","));
    }
}
