package org.switchboard.plugins.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubjectTokenTest {

    @Test
    void token_is_appended_once() {
        assertThat(SubjectToken.withToken("Your order", "42")).isEqualTo("Your order [#42]");
        assertThat(SubjectToken.withToken("Re: Your order [#42]", "42")).isEqualTo("Re: Your order [#42]");
    }

    @Test
    void the_last_token_in_a_subject_names_the_conversation() {
        assertThat(SubjectToken.conversationId("Fwd: Re: Old [#7] and new [#c0ffee-12]")).contains("c0ffee-12");
        assertThat(SubjectToken.conversationId("No token [# 42] here")).isEmpty();
        assertThat(SubjectToken.conversationId(null)).isEmpty();
    }
}
