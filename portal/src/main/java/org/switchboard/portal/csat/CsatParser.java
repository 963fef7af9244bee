package org.switchboard.portal.csat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a reply to a satisfaction survey: a rating from 1 to 5 and the rest of the text as the comment, or nothing
 * when the text is not clearly a rating. Pure Java, no state.
 *
 * <p>What counts, strongest first:
 * <ol>
 * <li><b>Explicit numbers</b>: "4", "4/5", "4 out of 5", "8/10", "4 stars", "four stars", "I'd say 4",
 * "rating: 4", a run of star emoji ("⭐⭐⭐⭐", "★★★★☆"), a number word alone ("four", "vier", "quatre",
 * "cuatro"), a digit that starts the message ("4 👍 thanks") or ends it after punctuation ("Thanks! 4").</li>
 * <li><b>Feelings</b>, used only when there is no explicit number and the message is short (at most
 * {@value #MAX_WORDS_FOR_FEELINGS} words): faces 😀 5, 🙂 4, 😐 3, 🙁 2, 😡 1 (and their relatives), 👍 4,
 * 👎 2, ❤️ 5; words in English (and a few in German, French, Spanish): excellent 5, good/great 4, ok 3, bad 2,
 * terrible 1, with "very"/"sehr"/"très"/"muy" one step stronger and "not" turning good into 2 and bad into 3.</li>
 * </ol>
 *
 * <p>Not a rating, so that a real message is never swallowed: anything with a question mark (a question needs an
 * agent); two different numbers ("4 or 5", "4-5"); a number next to a feeling of the other side ("5 👎"); a number
 * outside the scale ("7/5", "6 stars"); decimals, times, ranges, list items ("1. my parcel…"), counted things
 * ("2 items are missing", "3 days"), references ("order #4"); feelings in a long message (a complaint that says
 * "terrible"); feelings pulling both ways ("great but terrible").
 *
 * <p>The comment is the text without the number or emoji that gave the rating. When the rating came from words,
 * the words stay in the comment ("Excellent service!"), unless the text was nothing but them ("very good").
 */
public final class CsatParser {

    /** Feelings (words, emoji) count only in messages with at most this many words. */
    static final int MAX_WORDS_FOR_FEELINGS = 6;

    private static final int INVALID = -1;
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    private static final String NUMBER_WORD = "one|two|three|four|five|eins|zwei|drei|vier|fünf|funf|un|une|deux"
            + "|trois|quatre|cinq|uno|una|dos|tres|cuatro|cinco";
    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("eins", 1), Map.entry("zwei", 2), Map.entry("drei", 3),
            Map.entry("vier", 4), Map.entry("fünf", 5), Map.entry("funf", 5), Map.entry("un", 1),
            Map.entry("une", 1), Map.entry("deux", 2), Map.entry("trois", 3), Map.entry("quatre", 4),
            Map.entry("cinq", 5), Map.entry("uno", 1), Map.entry("una", 1), Map.entry("dos", 2),
            Map.entry("tres", 3), Map.entry("cuatro", 4), Map.entry("cinco", 5));
    private static final String STARS_WORD = "stars?|sterne?|étoiles?|etoiles?|estrellas?";
    private static final String STAR_SYMBOL = "[⭐🌟★]\\x{FE0F}?";
    /** A number stands alone: no digit, decimal point, hash or currency glued to it. */
    private static final String ALONE_BEFORE = "(?<![\\p{L}\\p{N}#.,/:€$£%+\\-])";
    private static final String ALONE_AFTER = "(?![\\p{L}\\p{N}]|[.,:/]\\p{N})";

    private static final Pattern FRACTION = Pattern.compile(ALONE_BEFORE + "(\\d{1,2})\\s*(?:/|out\\s+of|of|von|sur|de)"
            + "\\s*(5|10|five|ten|fünf|zehn|cinq|dix|cinco|diez)(?![\\p{L}\\p{N}])", FLAGS);
    private static final Pattern WORD_FRACTION = Pattern.compile("\\b(" + NUMBER_WORD + ")\\s+(?:out\\s+of|of|von|sur"
            + "|de)\\s+(?:five|fünf|cinq|cinco|5)(?![\\p{L}\\p{N}])", FLAGS);
    private static final Pattern DIGIT_STARS = Pattern.compile(ALONE_BEFORE + "(\\d{1,2})\\s*(?:(?:" + STARS_WORD
            + ")\\b|\\*|(?:" + STAR_SYMBOL + ")+)", FLAGS);
    private static final Pattern WORD_STARS = Pattern.compile("\\b(" + NUMBER_WORD + ")\\s+(?:" + STARS_WORD + ")\\b",
            FLAGS);
    private static final Pattern CUE = Pattern.compile("(?:\\b(?:i'?d|i\\s+would|i'?ll|i\\s+will|i)\\s+)?\\b(?:say"
            + "|give(?:\\s+(?:it|you|u|this|that|you\\s+guys))?|rate(?:\\s+(?:it|you|u|this|that|you\\s+guys))?"
            + "(?:\\s+(?:as|with|at))?|(?:my\\s+)?(?:rating|score)|bewertung|note)\\s*(?:is|was|of|:|=|-)?\\s*"
            + "(?:an?\\s+)?(?:solid\\s+|clear\\s+|strong\\s+)?(?:(\\d{1,2})" + ALONE_AFTER + "|(" + NUMBER_WORD
            + ")\\b)", FLAGS);
    private static final Pattern STAR_RUN = Pattern.compile("(?:[⭐🌟★☆]\\x{FE0F}?)(?:\\s?[⭐🌟★☆]\\x{FE0F}?)*", FLAGS);
    private static final Pattern LEADING = Pattern.compile("^[^\\p{L}\\p{N}#+\\-]*?(\\d{1,2})" + ALONE_AFTER, FLAGS);
    private static final Pattern TRAILING = Pattern.compile("(?<!\\p{N})[,;:!.\\-–—]\\s*(\\d)\\s*[!.]*\\s*$", FLAGS);
    private static final Pattern LONE_NUMBER_WORD = Pattern.compile("^[^\\p{L}\\p{N}]*(" + NUMBER_WORD
            + ")(?=[^\\p{L}\\p{N}]*$|\\s*[!.,;:\\-–—])", FLAGS);
    /**
     * What may not follow a leading number for it to be a rating: a list item, a range, a unit, a share of things
     * ("2 of 5 items", which the fraction pattern left alone because it counts something).
     */
    private static final Pattern NOT_A_RATING_AFTER = Pattern.compile("^(?:[.)]\\s*\\S|\\s*[-–]\\s*\\d|\\s*(?:%|€|\\$|£"
            + "|x\\b|kg\\b|km\\b|h\\b|pm\\b|am\\b)|\\s*(?:of|out\\s+of|von|sur|de)\\s+\\p{N})", FLAGS);
    private static final Pattern NEXT_WORD = Pattern.compile("^\\s+(\\p{L}+)", FLAGS);
    private static final Pattern STRAY_DIGIT = Pattern.compile(ALONE_BEFORE + "([1-5])" + ALONE_AFTER, FLAGS);
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'\\-]*", FLAGS);

    /** Things people count: a number before one of these is a quantity ("2 items", "3 days"), not a rating. */
    private static final Set<String> COUNTED = Set.of("day", "days", "week", "weeks", "hour", "hours", "minute",
            "minutes", "min", "mins", "month", "months", "item", "items", "time", "times", "order", "orders",
            "parcel", "parcels", "package", "packages", "box", "boxes", "piece", "pieces", "pcs", "euro", "euros",
            "eur", "dollar", "dollars", "usd", "people", "person", "persons", "year", "years", "tage", "stunden",
            "wochen", "jours", "heures", "semaines", "días", "dias", "horas", "semanas");
    /** Plural-looking words that are no quantity after a number ("5 thanks"). */
    private static final Set<String> NOT_PLURALS = Set.of("thanks", "this", "is", "was", "has", "yes", "its", "always",
            "guys", "cheers", "perhaps", "us", "as", "plus", "bonus", "kudos", "props", "less", "unless", "thus",
            "yours", "ours", "hers", "his", "does", "goes", "says", "lots");

    private static final Map<String, Integer> FEELING_WORDS = feelingWords();
    private static final Set<String> BOOSTERS = Set.of("very", "really", "super", "so", "extremely", "incredibly",
            "truly", "sehr", "echt", "wirklich", "total", "très", "tres", "vraiment", "muy", "realmente");
    private static final Set<String> NEGATORS = Set.of("not", "no", "never", "nicht", "kein", "keine", "nie", "pas",
            "ne", "jamais", "nunca");
    /** Greetings and wishes are no verdict: "good morning", "bonne journée", "good luck". */
    private static final Set<String> NOT_FEELINGS_BEFORE = Set.of("morning", "afternoon", "evening", "night", "day",
            "luck", "bye", "journée", "journee", "soirée", "soiree", "nuit", "noche", "tarde", "día", "dia");
    private static final Map<Integer, Integer> EMOJI = emoji();

    private CsatParser() {
    }

    /** The rating in {@code text}, or empty when it is not clearly one. */
    public static Optional<CsatAnswer> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String original = Normalizer.normalize(text, Normalizer.Form.NFC).replace('’', '\'').strip();
        if (original.isEmpty() || original.indexOf('?') >= 0 || original.indexOf('¿') >= 0
                || original.indexOf('？') >= 0) {
            return Optional.empty();
        }
        return new Reading(original).answer();
    }

    /** One parse: the text, the parts already taken by a signal, and what was found. */
    private static final class Reading {

        private final String original;
        private final StringBuilder masked;
        private final List<Signal> explicit = new ArrayList<>();
        private final List<Signal> feelings = new ArrayList<>();
        private final List<Integer> strays = new ArrayList<>();
        private final List<int[]> removed = new ArrayList<>();
        private boolean invalid;

        Reading(String original) {
            this.original = original;
            this.masked = new StringBuilder(original);
        }

        Optional<CsatAnswer> answer() {
            findExplicitNumbers();
            if (invalid) {
                return Optional.empty();
            }
            findStrayDigits();
            findEmoji();
            List<Token> words = words();
            findFeelingWords(words);
            if (!explicit.isEmpty()) {
                return fromExplicit();
            }
            return fromFeelings(words);
        }

        private Optional<CsatAnswer> fromExplicit() {
            int rating = explicit.getFirst().value();
            boolean agreed = explicit.stream().allMatch(s -> s.value() == rating)
                    && strays.stream().allMatch(v -> v == rating)
                    && feelings.stream().noneMatch(s -> opposite(s.value(), rating));
            if (!agreed) {
                return Optional.empty();
            }
            explicit.forEach(s -> removed.add(new int[] {s.start(), s.end()}));
            feelings.stream().filter(Signal::emoji).forEach(s -> removed.add(new int[] {s.start(), s.end()}));
            return Optional.of(new CsatAnswer(rating, comment()));
        }

        private Optional<CsatAnswer> fromFeelings(List<Token> words) {
            if (feelings.isEmpty() || !strays.isEmpty() || words.size() > MAX_WORDS_FOR_FEELINGS) {
                return Optional.empty();
            }
            int rating = feelings.getFirst().value();
            if (feelings.stream().anyMatch(s -> opposite(s.value(), rating))) {
                return Optional.empty();
            }
            feelings.stream().filter(Signal::emoji).forEach(s -> removed.add(new int[] {s.start(), s.end()}));
            boolean onlyFeelings = words.stream().allMatch(t -> FEELING_WORDS.containsKey(t.word())
                    || BOOSTERS.contains(t.word()) || negator(t.word()) || t.word().equals("geht"));
            return Optional.of(new CsatAnswer(rating, onlyFeelings ? null : comment()));
        }

        // ---- explicit numbers, strongest patterns first; each takes its text so later ones don't see it again

        private void findExplicitNumbers() {
            take(FRACTION, m -> fraction(Integer.parseInt(m.group(1)), m.group(2)));
            take(WORD_FRACTION, m -> NUMBER_WORDS.get(lower(m.group(1))));
            take(DIGIT_STARS, m -> inScale(Integer.parseInt(m.group(1))));
            take(WORD_STARS, m -> NUMBER_WORDS.get(lower(m.group(1))));
            take(CUE, m -> m.group(1) != null ? inScale(Integer.parseInt(m.group(1)))
                    : NUMBER_WORDS.get(lower(m.group(2))));
            take(STAR_RUN, m -> {
                long filled = m.group().codePoints().filter(c -> c == '⭐' || c == 0x1F31F || c == '★').count();
                return filled >= 1 && filled <= 5 ? (int) filled : INVALID;
            });
            leadingDigit();
            trailingDigit();
            Matcher lone = LONE_NUMBER_WORD.matcher(masked);
            if (lone.find()) {
                add(explicit, NUMBER_WORDS.get(lower(lone.group(1))), lone.start(1), lone.end(1), false);
            }
        }

        /** Takes every match of {@code pattern}; a value of 0 means "not a rating after all", the text stays. */
        private void take(Pattern pattern, java.util.function.Function<Matcher, Integer> value) {
            Matcher m = pattern.matcher(masked);
            List<Signal> found = new ArrayList<>();
            while (m.find()) {
                Matcher next = NEXT_WORD.matcher(masked.substring(m.end()));
                boolean countsSomething = next.find() && counted(lower(next.group(1)));
                if (!countsSomething) {
                    found.add(new Signal(value.apply(m), m.start(), m.end(), false));
                }
            }
            found.forEach(s -> add(explicit, s.value(), s.start(), s.end(), false));
        }

        private void leadingDigit() {
            Matcher m = LEADING.matcher(masked);
            if (!m.find()) {
                return;
            }
            int value = Integer.parseInt(m.group(1));
            String after = masked.substring(m.end(1));
            if (value < 1 || value > 5 || NOT_A_RATING_AFTER.matcher(after).find()) {
                return;
            }
            Matcher next = NEXT_WORD.matcher(after);
            if (next.find() && counted(lower(next.group(1)))) {
                return;
            }
            add(explicit, value, m.start(1), m.end(1), false);
        }

        private void trailingDigit() {
            Matcher m = TRAILING.matcher(masked);
            if (m.find()) {
                int value = Integer.parseInt(m.group(1));
                if (value >= 1 && value <= 5) {
                    add(explicit, value, m.start(1), m.end(1), false);
                }
            }
        }

        /** Digits 1-5 no pattern took and that count nothing: a rating beside them would be a guess. */
        private void findStrayDigits() {
            Matcher m = STRAY_DIGIT.matcher(masked);
            while (m.find()) {
                Matcher next = NEXT_WORD.matcher(masked.substring(m.end()));
                if (!(next.find() && counted(lower(next.group(1))))) {
                    strays.add(Integer.parseInt(m.group(1)));
                }
            }
        }

        // ---- feelings

        private void findEmoji() {
            int i = 0;
            while (i < masked.length()) {
                int c = masked.codePointAt(i);
                int length = Character.charCount(c);
                Integer value = EMOJI.get(c);
                if (value != null) {
                    int end = emojiEnd(i + length);
                    add(feelings, value, i, end, true);
                    i = end;
                } else {
                    i += length;
                }
            }
        }

        /** Skin tones, presentation selectors and joined parts belong to the emoji before them. */
        private int emojiEnd(int from) {
            int i = from;
            while (i < masked.length()) {
                int c = masked.codePointAt(i);
                if (c == 0xFE0F || (c >= 0x1F3FB && c <= 0x1F3FF) || c == 0x2640 || c == 0x2642) {
                    i += Character.charCount(c);
                } else if (c == 0x200D && i + 1 < masked.length()) {
                    i += 1;
                    i += Character.charCount(masked.codePointAt(i));
                } else {
                    break;
                }
            }
            return i;
        }

        private List<Token> words() {
            List<Token> tokens = new ArrayList<>();
            Matcher m = WORD.matcher(masked);
            while (m.find()) {
                tokens.add(new Token(lower(m.group()), m.start(), m.end()));
            }
            return tokens;
        }

        private void findFeelingWords(List<Token> words) {
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i).word();
                Integer value = FEELING_WORDS.get(word);
                String next = i + 1 < words.size() ? words.get(i + 1).word() : "";
                String previous = i > 0 ? words.get(i - 1).word() : "";
                if (value == null || BOOSTERS.contains(word) && FEELING_WORDS.containsKey(next)
                        || NOT_FEELINGS_BEFORE.contains(next)
                        || word.equals("so") && !previous.equals("so") && !previous.equals("geht")) {
                    continue;
                }
                int before = i - 1;
                boolean boosted = before >= 0 && BOOSTERS.contains(words.get(before).word());
                if (boosted) {
                    before--;
                }
                boolean negated = before >= 0 && negator(words.get(before).word());
                if (word.equals("so")) {
                    value = 3;
                } else if (negated) {
                    value = value >= 3 ? 2 : 3;
                } else if (boosted) {
                    value = value >= 4 ? 5 : value <= 2 ? 1 : value;
                }
                feelings.add(new Signal(value, words.get(i).start(), words.get(i).end(), false));
            }
            feelings.sort(java.util.Comparator.comparingInt(Signal::start));
        }

        // ---- the comment

        private String comment() {
            StringBuilder text = new StringBuilder(original);
            removed.sort((a, b) -> Integer.compare(b[0], a[0]));
            for (int[] span : removed) {
                text.replace(span[0], span[1], " ");
            }
            String comment = text.toString().replaceAll("\\s+", " ")
                    .replaceAll("^[\\s,;:.!\\-–—/|]+", "")
                    .replaceAll("[\\s,;:\\-–—/|]+$", "");
            return comment.codePoints().anyMatch(Character::isLetterOrDigit) ? comment : null;
        }

        private void add(List<Signal> into, Integer value, int start, int end, boolean emoji) {
            if (value == null || value == INVALID) {
                invalid = true;
                return;
            }
            into.add(new Signal(value, start, end, emoji));
            for (int i = start; i < end; i++) {
                masked.setCharAt(i, ' ');
            }
        }
    }

    private record Signal(int value, int start, int end, boolean emoji) {
    }

    private record Token(String word, int start, int end) {
    }

    private static int fraction(int numerator, String denominator) {
        boolean outOfTen = denominator.equals("10") || Set.of("ten", "zehn", "dix", "diez").contains(lower(denominator));
        if (outOfTen) {
            return numerator >= 2 && numerator <= 10 && numerator % 2 == 0 ? numerator / 2 : INVALID;
        }
        return inScale(numerator);
    }

    private static int inScale(int value) {
        return value >= 1 && value <= 5 ? value : INVALID;
    }

    private static boolean opposite(int a, int b) {
        return a <= 2 && b >= 4 || a >= 4 && b <= 2;
    }

    private static boolean counted(String word) {
        return COUNTED.contains(word) || word.length() >= 3 && word.endsWith("s") && !word.endsWith("ss")
                && !NOT_PLURALS.contains(word) && !FEELING_WORDS.containsKey(word);
    }

    private static boolean negator(String word) {
        return NEGATORS.contains(word) || word.endsWith("n't")
                || Set.of("dont", "didnt", "wasnt", "isnt", "arent", "werent", "doesnt").contains(word);
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static Map<String, Integer> feelingWords() {
        Map<String, Integer> words = new java.util.HashMap<>();
        put(words, 5, "excellent", "excelente", "exzellent", "ausgezeichnet", "hervorragend", "perfect", "perfekt",
                "parfait", "parfaite", "perfecto", "perfecta", "amazing", "awesome", "outstanding", "fantastic",
                "fantastisch", "fantastique", "fantástico", "fantastico", "superb", "wonderful", "wunderbar",
                "brilliant", "génial", "genial", "super", "exceptional", "excepcional", "magnifique", "estupendo",
                "increíble", "increible", "incroyable");
        put(words, 4, "good", "great", "nice", "gut", "bien", "bon", "bonne", "bueno", "buena", "happy",
                "satisfied", "pleased", "zufrieden", "satisfait", "satisfaite", "satisfecho", "satisfecha", "lovely");
        put(words, 3, "ok", "okay", "oke", "okey", "fine", "average", "meh", "mediocre", "so-so", "alright", "decent",
                "passable", "moyen", "regular", "acceptable", "akzeptabel");
        put(words, 2, "bad", "poor", "disappointing", "disappointed", "unhappy", "dissatisfied", "unsatisfied",
                "schlecht", "unzufrieden", "mauvais", "mauvaise", "insatisfait", "malo", "mala", "mal");
        put(words, 1, "terrible", "awful", "horrible", "horrid", "worst", "useless", "appalling", "atrocious",
                "dreadful", "schrecklich", "furchtbar", "katastrophal", "miserabel", "nul", "nulle", "pésimo",
                "pésima", "pesimo", "lamentable");
        // "so" only means something doubled ("so so") or after "geht" ("geht so"); the reading checks that.
        words.put("so", 3);
        return Map.copyOf(words);
    }

    private static void put(Map<String, Integer> words, int value, String... keys) {
        for (String key : keys) {
            words.put(key, value);
        }
    }

    private static Map<Integer, Integer> emoji() {
        Map<Integer, Integer> map = new java.util.HashMap<>();
        put(map, 5, 0x1F600, 0x1F603, 0x1F604, 0x1F601, 0x1F929, 0x1F60D, 0x1F970, 0x2764, 0x1F496, 0x1F495,
                0x1F499, 0x1F49A, 0x1F49C, 0x1F9E1, 0x1F4AF, 0x1F973, 0x1F63B);
        put(map, 4, 0x1F642, 0x1F60A, 0x263A, 0x1F44D, 0x1F44C);
        put(map, 3, 0x1F610, 0x1F611, 0x1F636, 0x1F937);
        put(map, 2, 0x1F641, 0x2639, 0x1F615, 0x1F61E, 0x1F61F, 0x1F612, 0x1F614, 0x1F44E, 0x1F622);
        put(map, 1, 0x1F621, 0x1F620, 0x1F92C, 0x1F624, 0x1F4A9, 0x1F62D);
        return Map.copyOf(map);
    }

    private static void put(Map<Integer, Integer> map, int value, int... codePoints) {
        for (int codePoint : codePoints) {
            map.put(codePoint, value);
        }
    }
}
