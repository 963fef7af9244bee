package org.switchboard.portal.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MentionsTest {

    static final Teammate ANA = new Teammate(1, "Ana", "ana@example.test");
    static final Teammate ANA_LOPEZ = new Teammate(2, "Ana Lopez", "lopez@example.test");
    static final Teammate BEN = new Teammate(3, "Ben Baker", "ben@example.test");
    static final List<Teammate> TEAM = List.of(ANA, ANA_LOPEZ, BEN);

    @Test
    void a_display_name_after_an_at_sign_is_a_mention_and_the_longest_name_wins() {
        assertThat(Mentions.in("@Ana Lopez can you check? cc @ben baker.", TEAM)).containsExactly(ANA_LOPEZ, BEN);
        assertThat(Mentions.in("@Ana, please", TEAM)).containsExactly(ANA);
    }

    @Test
    void an_email_after_an_at_sign_is_a_mention_too() {
        assertThat(Mentions.in("Asked @lopez@example.test already", TEAM)).containsExactly(ANA_LOPEZ);
    }

    @Test
    void names_inside_words_and_email_addresses_in_the_text_are_not_mentions() {
        assertThat(Mentions.in("@Anabel wrote to ben@example.test and ana@example.test", TEAM)).isEmpty();
        assertThat(Mentions.in("no mentions here", TEAM)).isEmpty();
    }

    @Test
    void each_colleague_is_mentioned_once_in_order_of_first_mention() {
        assertThat(Mentions.in("@Ben Baker @Ana @Ben Baker", TEAM)).containsExactly(BEN, ANA);
    }

    @Test
    void the_picker_sees_the_name_being_typed_and_completes_it() {
        assertThat(Mentions.typedAtEnd("Thanks @Ana L")).contains("Ana L");
        assertThat(Mentions.typedAtEnd("mail ben@exa")).isEmpty();
        assertThat(Mentions.typedAtEnd("@Ana\nnext line")).isEmpty();
        assertThat(Mentions.matching("ana l", TEAM)).containsExactly(ANA_LOPEZ);
        assertThat(Mentions.matching("lo", TEAM)).containsExactly(ANA_LOPEZ);
        assertThat(Mentions.complete("Thanks @Ana L", ANA_LOPEZ, TEAM)).isEqualTo("Thanks @Ana Lopez ");
    }

    @Test
    void two_colleagues_with_the_same_name_are_told_apart_by_email() {
        Teammate otherAna = new Teammate(4, "Ana", "ana.two@example.test");
        List<Teammate> team = List.of(ANA, otherAna, BEN);
        String text = Mentions.complete("ask @An", otherAna, team);
        assertThat(text).isEqualTo("ask @ana.two@example.test ");
        assertThat(Mentions.in(text, team)).containsExactly(otherAna);
    }
}
