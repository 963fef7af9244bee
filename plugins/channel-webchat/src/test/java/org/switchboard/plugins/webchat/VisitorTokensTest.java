package org.switchboard.plugins.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class VisitorTokensTest {

    private final VisitorTokens tokens = new VisitorTokens("signing-key-of-this-account");

    @Test
    void a_token_is_valid_for_its_visitor_only_and_under_its_key_only() {
        String visitor = tokens.newVisitorId();
        String other = tokens.newVisitorId();
        String token = tokens.tokenFor(visitor);

        assertThat(tokens.isValid(visitor, token)).isTrue();
        assertThat(tokens.isValid(other, token)).isFalse();
        assertThat(new VisitorTokens("a-rotated-signing-key").isValid(visitor, token)).isFalse();
        assertThat(tokens.isValid(visitor, token.substring(1) + "A")).isFalse();
        assertThat(tokens.isValid("not-a-visitor-id", tokens.tokenFor("not-a-visitor-id"))).isFalse();
    }

    @Test
    void a_visitor_id_is_exactly_22_base64url_characters() {
        assertThat(VisitorTokens.isVisitorId(tokens.newVisitorId())).isTrue();
        assertThat(VisitorTokens.isVisitorId("AZaz09-_AZaz09-_AZaz09")).isTrue();
        assertThat(VisitorTokens.isVisitorId("AZaz09-_AZaz09-_AZaz0")).isFalse();
        assertThat(VisitorTokens.isVisitorId("AZaz09-_AZaz09-_AZaz09A")).isFalse();
        assertThat(VisitorTokens.isVisitorId("AZaz09+/AZaz09-_AZaz09")).isFalse();
        assertThat(VisitorTokens.isVisitorId("AZaz09-_AZaz09-_AZaz0=")).isFalse();
        assertThat(VisitorTokens.isVisitorId("AZaz09-_AZaz09-_AZaz0\u00e9")).isFalse();
        assertThat(VisitorTokens.isVisitorId("")).isFalse();
    }

    @Test
    void tokens_made_on_many_threads_at_once_equal_the_ones_made_alone() throws Exception {
        // The keyed Macs are reused across requests: one left half-way or shared by two threads would show here.
        List<String> visitors = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            visitors.add(tokens.newVisitorId());
        }
        List<String> alone = visitors.stream().map(new VisitorTokens("signing-key-of-this-account")::tokenFor)
                .toList();

        List<Callable<List<String>>> rounds = new ArrayList<>();
        for (int thread = 0; thread < 8; thread++) {
            rounds.add(() -> {
                List<String> made = new ArrayList<>();
                for (int repeat = 0; repeat < 20; repeat++) {
                    made.clear();
                    visitors.forEach(visitor -> made.add(tokens.tokenFor(visitor)));
                }
                return made;
            });
        }
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (Future<List<String>> made : threads.invokeAll(rounds)) {
                assertThat(made.get()).isEqualTo(alone);
            }
        }
    }
}
