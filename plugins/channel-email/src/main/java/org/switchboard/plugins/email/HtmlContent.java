package org.switchboard.plugins.email;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** The HTML body of a mail: sanitised for agents' eyes, and read as plain text when a mail has no text part. */
final class HtmlContent {

    /**
     * jsoup's relaxed list (formatting, tables, images, links) without scripts, styles or event handlers, plus
     * {@code cid:} image sources so inline images keep pointing at their attachment.
     */
    private static final Safelist SAFELIST = Safelist.relaxed()
            .addProtocols("img", "src", "cid")
            .preserveRelativeLinks(false);

    /** Elements mail clients wrap quoted history in: Gmail, Apple Mail / Thunderbird, Outlook on the web, Yahoo. */
    private static final String QUOTE_SELECTOR = "div.gmail_quote, blockquote[type=cite], div#divRplyFwdMsg, "
            + "div#appendonsend, div.yahoo_quoted, blockquote.gmail_quote";

    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "pre", "table", "ul", "ol", "hr", "address", "section", "article", "header", "footer");

    private HtmlContent() {
    }

    /** The full HTML, with anything that could run or restyle the portal removed. */
    static String sanitise(String html) {
        return Jsoup.clean(html, "", SAFELIST);
    }

    /** The text a reader sees first: the HTML without its quoted history, as plain text. */
    static String newestText(String html) {
        Document document = Jsoup.parse(html);
        for (Element quote : document.select(QUOTE_SELECTOR)) {
            if (quote.id().equals("divRplyFwdMsg") || quote.id().equals("appendonsend")) {
                // Outlook puts the quoted mail after its reply header, as siblings: all of it is history.
                Element next = quote.nextElementSibling();
                while (next != null) {
                    Element following = next.nextElementSibling();
                    next.remove();
                    next = following;
                }
            }
            quote.remove();
        }
        return toText(document.body() == null ? document : document.body());
    }

    /** Plain text with line breaks where the HTML had blocks and {@code <br>}s. */
    static String toText(Node root) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    String text = textNode.text();
                    if (!text.isBlank() || !endsWithSpace(out)) {
                        out.append(text);
                    }
                } else if (node instanceof Element element) {
                    String name = element.normalName();
                    if (name.equals("br")) {
                        out.append('\n');
                    } else if (BLOCKS.contains(name)) {
                        newline(out);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    newline(out);
                }
            }
        }, root);
        return out.toString().replaceAll("[ \\t\\u00A0]+\\n", "\n").replaceAll("\\n[ \\t\\u00A0]+", "\n")
                .replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static boolean endsWithSpace(StringBuilder out) {
        return out.isEmpty() || Character.isWhitespace(out.charAt(out.length() - 1));
    }

    private static void newline(StringBuilder out) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }
}
