package org.switchboard.portal.knowledge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.Length;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.engine.backend.types.Projectable;

/** A help-centre article: what the assistant answers from and agents link to. */
@Entity
@Table(name = "knowledge_article")
@Indexed
public class KnowledgeArticle {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "knowledge_article_seq")
    @SequenceGenerator(name = "knowledge_article_seq", sequenceName = "knowledge_article_seq", allocationSize = 50)
    private Long id;

    @FullTextField(analyzer = "text", projectable = Projectable.YES)
    private String title;

    @Column(length = Length.LONG32)
    @FullTextField(analyzer = "text", projectable = Projectable.YES,
            highlightable = {Highlightable.PLAIN, Highlightable.UNIFIED})
    private String body;

    /** Comma-separated, lower case. */
    @FullTextField(analyzer = "text")
    private String tags;

    @KeywordField
    private String language;

    @GenericField
    private boolean published;

    private Instant updatedAt;

    protected KnowledgeArticle() {
    }

    KnowledgeArticle(String title, String body, String tags, String language, boolean published, Instant at) {
        change(title, body, tags, language, published, at);
    }

    void change(String title, String body, String tags, String language, boolean published, Instant at) {
        this.title = title;
        this.body = body;
        this.tags = tags;
        this.language = language;
        this.published = published;
        this.updatedAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    public String getTags() {
        return tags;
    }

    public String getLanguage() {
        return language;
    }

    public boolean isPublished() {
        return published;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
