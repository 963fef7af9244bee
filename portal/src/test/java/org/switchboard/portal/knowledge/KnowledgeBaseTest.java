package org.switchboard.portal.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.switchboard.plugin.api.ai.KnowledgePassage;
import org.switchboard.portal.PortalTest;

/** Retrieval over the knowledge base: BM25 over title, tags and body; the passage is the relevant part. */
@PortalTest
class KnowledgeBaseTest extends PortalTest.Base {

    @Autowired
    KnowledgeBase knowledge;

    @Test
    void a_question_in_the_customers_words_finds_the_article_and_its_relevant_passage() {
        String marker = "zq" + UUID.randomUUID().toString().substring(0, 6);
        knowledge.save(null, "Return policy " + marker, "Shipping is free over 50 EUR. " + "Filler text. ".repeat(80)
                + "You can return any item within 30 days of delivery for a full refund; the return label is in"
                + " the parcel.", List.of("returns", "refunds"), "en", true);
        knowledge.save(null, "Shipping times " + marker, "Parcels arrive within 2 to 4 working days.",
                List.of("shipping"), "en", true);
        ArticleView draft = knowledge.save(null, "Draft returns " + marker, "Returning items within 90 days.",
                List.of("returns"), "en", false);

        List<KnowledgePassage> passages = knowledge.retrieve("Can I still return my blender? " + marker, "en", 5);

        assertThat(passages).isNotEmpty();
        assertThat(passages.getFirst().title()).isEqualTo("Return policy " + marker);
        assertThat(passages.getFirst().text()).contains("return any item within 30 days");
        assertThat(passages.getFirst().text().length()).isLessThan(700);
        assertThat(passages).extracting(KnowledgePassage::sourceId).doesNotContain("kb:" + draft.id());
    }

    @Test
    void an_empty_question_finds_nothing() {
        assertThat(knowledge.retrieve("  ", null, 5)).isEmpty();
    }
}
