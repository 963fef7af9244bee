package org.switchboard.portal.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlSanitizerTest {

    @Test
    void scripts_event_handlers_and_javascript_links_are_removed() {
        String dirty = "<p onclick=\"steal()\">Hi <b>there</b><script>alert(1)</script>"
                + "<a href=\"javascript:alert(2)\">click</a><a href=\"https://example.com\">ok</a>"
                + "<img src=\"https://tracker.example/pixel.gif\"><iframe src=\"https://evil\"></iframe></p>";

        String clean = HtmlSanitizer.sanitize(dirty);

        assertThat(clean).contains("<b>there</b>").contains("https://example.com")
                .doesNotContain("script", "onclick", "javascript:", "iframe", "<img", "tracker");
        assertThat(clean).contains("rel=\"noopener noreferrer nofollow\"");
    }

    @Test
    void no_html_stays_no_html() {
        assertThat(HtmlSanitizer.sanitize(null)).isNull();
        assertThat(HtmlSanitizer.sanitize("   ")).isNull();
    }
}
