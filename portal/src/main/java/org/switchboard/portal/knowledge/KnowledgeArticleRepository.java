package org.switchboard.portal.knowledge;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface KnowledgeArticleRepository extends JpaRepository<KnowledgeArticle, Long> {

    List<KnowledgeArticle> findAllByOrderByTitle();

    @Query("select a from KnowledgeArticle a where a.published = true and (:language is null or a.language = :language)"
            + " order by a.updatedAt desc, a.id desc")
    List<KnowledgeArticle> findPublished(@Param("language") String language, Pageable page);
}
