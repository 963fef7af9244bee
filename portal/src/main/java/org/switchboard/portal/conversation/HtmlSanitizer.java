package org.switchboard.portal.conversation;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Makes HTML from outside (emails, rich messages) safe to show to agents: an allow-list of formatting tags, no
 * scripts, no event handlers, no styles, links forced to open elsewhere without referrer.
 */
final class HtmlSanitizer {

    private static final Safelist SAFELIST = Safelist.relaxed()
            .removeTags("img") // remote images track the reader; inline images arrive as attachments
            .addEnforcedAttribute("a", "rel", "noopener noreferrer nofollow")
            .addEnforcedAttribute("a", "target", "_blank")
            .addProtocols("a", "href", "http", "https", "mailto", "tel");

    private HtmlSanitizer() {
    }

    static String sanitize(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html, "", SAFELIST, output);
    }
}
