package org.switchboard.plugins.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes what a reader of a reply has seen before: quoted history and signatures. Agents see the newest words
 * only; the full message stays available as the {@code original.eml} attachment.
 *
 * <p>Cut at the first history marker (everything after it goes):
 * <ul>
 *   <li>an attribution line such as "On Mon, 3 Jun 2024, Ann &lt;ann@example.com&gt; wrote:" (also wrapped over
 *       two lines, and in German, French, Spanish, Dutch);</li>
 *   <li>Outlook's "-----Original Message-----" and its "From: … / Sent: …" header block;</li>
 *   <li>a signature delimiter "-- ";</li>
 *   <li>a mobile footer such as "Sent from my iPhone" or "Get Outlook for Android".</li>
 * </ul>
 * Lines starting with "&gt;" are removed wherever they are, so inline answers between quotes stay.
 */
final class QuotedText {

    private static final Pattern ATTRIBUTION = Pattern.compile(
            "^\\s*(On\\s.+\\swrote|Am\\s.+\\sschrieb\\s.+|Le\\s.+\\sa\\s+écrit|El\\s.+\\sescribió|Op\\s.+\\sschreef\\s.+)"
                    + "\\s*:\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTION_START = Pattern.compile("^\\s*(On|Am|Le|El|Op)\\s.+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "^\\s*-{2,}\\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original)\\s*-{2,}\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern UNDERSCORES = Pattern.compile("^\\s*_{10,}\\s*$");
    private static final Pattern HEADER_FROM = Pattern.compile("^\\s*\\*?(From|Von|De)\\s*:\\*?\\s.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_SENT = Pattern.compile("^\\s*\\*?(Sent|Date|Gesendet|Datum|Envoyé|Enviado)"
            + "\\s*:\\*?\\s.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern SIGNATURE = Pattern.compile("^-- ?$");
    private static final Pattern MOBILE_FOOTER = Pattern.compile(
            "^\\s*(Sent from my \\S.*|Sent from (Mail|Outlook|Yahoo Mail) for \\S.*|Get Outlook for \\S.*"
                    + "|Sent from Outlook|Sent from Yahoo Mail.*|Sent from Samsung Mobile.*"
                    + "|Von meinem \\S.* gesendet|Envoyé de mon \\S.*|Enviado desde mi \\S.*)\\s*$",
            Pattern.CASE_INSENSITIVE);

    private QuotedText() {
    }

    /** The newest part of {@code text}; the whole text again if stripping would leave nothing. */
    static String newest(String text) {
        List<String> lines = text.replace("\r\n", "\n").replace('\r', '\n').lines().toList();
        int cut = cutIndex(lines);
        List<String> kept = new ArrayList<>();
        for (String line : lines.subList(0, cut)) {
            if (!line.startsWith(">")) {
                kept.add(line);
            }
        }
        String result = String.join("\n", kept).strip();
        return result.isEmpty() ? text.strip() : result;
    }

    private static int cutIndex(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (SIGNATURE.matcher(line).matches() || isMobileFooter(line)
                    || ORIGINAL_MESSAGE.matcher(line).matches() || ATTRIBUTION.matcher(line).matches()) {
                return i;
            }
            // Clients wrap long attributions: "On Mon, 3 Jun 2024 at 10:00, Ann Example <" / "ann@x.com> wrote:".
            if (ATTRIBUTION_START.matcher(line).matches() && i + 1 < lines.size()
                    && ATTRIBUTION.matcher(line + " " + lines.get(i + 1).strip()).matches()) {
                return i;
            }
            if (HEADER_FROM.matcher(line).matches() && headerBlockFollows(lines, i)) {
                return i > 0 && UNDERSCORES.matcher(lines.get(i - 1)).matches() ? i - 1 : i;
            }
        }
        return lines.size();
    }

    /** Footers are short; a long line starting "Sent from my" is the customer's own sentence. */
    private static boolean isMobileFooter(String line) {
        return line.length() <= 60 && MOBILE_FOOTER.matcher(line).matches();
    }

    /** Outlook's quoted header: "From:" followed within a few lines by "Sent:" or "Date:". */
    private static boolean headerBlockFollows(List<String> lines, int from) {
        for (int j = from + 1; j < Math.min(lines.size(), from + 5); j++) {
            if (HEADER_SENT.matcher(lines.get(j)).matches()) {
                return true;
            }
        }
        return false;
    }
}
