package org.switchboard.plugins.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AllowedOriginsTest {

    @Test
    void entries_are_normalised_to_what_browsers_send() {
        AllowedOrigins origins = AllowedOrigins.parse(" HTTPS://Shop.Example.com:443/ , http://localhost:8080 ");

        assertThat(origins.origins()).containsExactlyInAnyOrder("https://shop.example.com", "http://localhost:8080");
        assertThat(origins.allows("https://shop.example.com")).isTrue();
        assertThat(origins.allows("http://shop.example.com")).isFalse();
        assertThat(origins.allows("http://localhost:8080")).isTrue();
        assertThat(origins.allows("null")).isFalse();
    }

    @Test
    void a_star_allows_every_origin() {
        assertThat(AllowedOrigins.parse("*").allows("https://anything.example")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "ftp://example.com", "https://example.com/shop", "https://example.com?x",
            "https://user@example.com", "https://", "https://exa mple.com"})
    void anything_but_an_http_origin_is_refused_with_its_name(String entry) {
        assertThatThrownBy(() -> AllowedOrigins.parse("https://ok.example.com," + entry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + entry.strip() + "'");
    }

    @Test
    void an_empty_list_is_refused() {
        assertThatThrownBy(() -> AllowedOrigins.parse(" , ")).hasMessageContaining("at least one origin");
    }
}
