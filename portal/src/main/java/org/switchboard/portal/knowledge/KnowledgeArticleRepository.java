package org.switchboard.portal.knowledge;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface KnowledgeArticleRepository extends JpaRepository<KnowledgeArticle, Long> {

    List<KnowledgeArticle> findAllByOrderByTitle();
}
