package org.switchboard.plugins.assistant;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the assistant reads in a customer's words: tokens, content words, order numbers, and the few signals that
 * decide a hand-over (a request for a human, a complaint, a repeated or unanswered question). Keyword lists cover
 * English and German, with the commonest French and Spanish phrasings; they are a floor under the intent and
 * sentiment classifiers, not a replacement.
 */
final class CustomerText {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Words that carry no topic: a passage sharing only these with a question does not answer it. */
    private static final Set<String> STOPWORDS = Set.copyOf(List.of(
            "a", "an", "the", "and", "or", "but", "is", "are", "was", "were", "be", "been", "am", "do", "does",
            "did", "i", "me", "my", "mine", "we", "our", "you", "your", "it", "its", "this", "that", "these",
            "those", "to", "of", "in", "on", "for", "with", "at", "by", "from", "as", "about", "what", "when",
            "where", "which", "who", "how", "why", "can", "could", "would", "should", "will", "shall", "may",
            "might", "must", "have", "has", "had", "not", "no", "yes", "please", "thanks", "thank", "hi", "hello",
            "hey", "there", "any", "some", "if", "so", "then", "than", "just", "also", "still", "yet", "already",
            "now", "get", "got", "there", "here", "they", "them", "their", "he", "she", "him", "her", "s", "t",
            "im", "dont", "doesnt", "didnt", "know", "want", "need", "tell", "ok", "okay", "one", "all", "much",
            "many", "long", "again", "order", "orders", "ich", "mein", "meine", "meinen", "meiner", "mir", "mich",
            "wir", "sie", "ihr", "ihre", "ist", "sind", "war", "der", "die", "das", "den", "dem", "des", "ein",
            "eine", "einen", "und", "oder", "aber", "nicht", "kein", "keine", "zu", "von", "mit", "für", "auf",
            "an", "in", "im", "wie", "wo", "wann", "was", "warum", "kann", "können", "bitte", "danke", "hallo",
            "noch", "schon", "habe", "hat", "haben", "es", "bestellung", "le", "la", "les", "un", "une", "de",
            "du", "des", "et", "je", "mon", "ma", "mes", "est", "el", "los", "las", "mi", "que", "y", "en"));

    private static final Pattern ORDER_NUMBER = Pattern.compile(
            "(?:#\\s?|\\b(?:order|bestellung|bestellnummer|auftrag|commande|pedido)\\s*"
                    + "(?:no\\.?|nr\\.?|number|nummer|num[ée]ro|n°|#)?\\s*(?:is\\s+|ist\\s+|lautet\\s+|est\\s+|es\\s+)?"
                    + "[:#]?\\s*)([A-Za-z]{0,3}-?\\d{3,12})\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

    private static final Pattern HUMAN = Pattern.compile(
            "\\b(human|humans|real person|a person|an agent|agent|representative|operator|someone real|"
                    + "real people|speak to someone|talk to someone|not a bot|no bots?|stop the bot|"
                    + "mitarbeiter(?:in)?|menschen|mensch|echte person|sachbearbeiter(?:in)?|kundenberater(?:in)?|"
                    + "un humain|humain|vraie personne|une personne|un conseiller|une conseillère|conseiller|"
                    + "humano|persona real|una persona|agente)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

    private static final Pattern COMPLAINT = Pattern.compile(
            "\\b(unacceptable|terrible|awful|worst|ridiculous|disgusting|disappointed|disappointing|furious|"
                    + "angry|scam|fraud|rip-?off|lawyer|sue|chargeback|complaint|complain|fed up|useless|"
                    + "incompetent|never again|frechheit|unverschämt|enttäuscht|katastrophe|betrug|anwalt|"
                    + "beschwerde|sauer|wütend|inacceptable|honteux|arnaque|plainte|inaceptable|estafa|queja)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

    /** A faulty or wrong delivery needs a person (replacement, photos, goodwill), whatever the intent says. */
    private static final Pattern DAMAGED = Pattern.compile(
            "\\b(damaged|broken|broke|defective|faulty|cracked|wrong item|wrong size sent|missing items?|"
                    + "item missing|kaputt|beschädigt|defekt|falsche[nrs]? artikel|falsch geliefert|"
                    + "cassé|abîmé|endommagé|roto|dañado)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

    /** "it says delivered but I never got it": only a problem when the record says it was delivered. */
    private static final Pattern NOT_RECEIVED = Pattern.compile(
            "\\b(not received|never received|never arrived|never got|didn'?t (?:get|receive|arrive)|"
                    + "haven'?t (?:got|gotten|received)|hasn'?t arrived|nicht angekommen|nie angekommen|"
                    + "nicht erhalten|nicht bekommen|pas reçu|jamais reçu|no (?:he )?recibido|no ha llegado)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

    /** Things only staff can do; asking how to do them is a question, asking us to do them is an action. */
    private static final Pattern ACTION = Pattern.compile(
            "\\b(?:cancel|change|modify|stornier\\w*|ändern|annuler|modifier|cancelar|cambiar)\\b.{0,30}?"
                    + "\\b(?:order|address|subscription|payment|card|email|name|size|bestellung|adresse|abo|"
                    + "commande|adresse|pedido|dirección)|"
                    + "\\b(?:bestellung|adresse|lieferadresse|abo)\\b.{0,30}?\\b(?:stornier\\w*|ändern|umbuchen)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

    private static final Pattern HOW_QUESTION = Pattern.compile(
            "\\b(how (?:do|can|could) i|how to|is it possible|can i|wie kann ich|kann ich|comment|puis-je|"
                    + "c[oó]mo puedo)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

    private static final Pattern QUESTION_START = Pattern.compile(
            "^\\W*(how|what|when|where|which|why|who|is|are|do|does|can|could|will|wie|was|wann|wo|welche\\w*|"
                    + "warum|gibt|kann|können|ist|sind|comment|quand|où|quel\\w*|est-ce|cómo|cuándo|dónde|qué)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

    /** The customer says the last answer did not help, or that they are asking again. */
    private static final Pattern UNANSWERED = Pattern.compile(
            "\\b(again|already asked|asked before|still (?:no|not|waiting|nothing)|you already (?:said|told)|"
                    + "doesn'?t answer|didn'?t answer|not what i asked|not helpful|didn'?t help|"
                    + "same question|nochmal|noch einmal|schon wieder|immer noch|bereits gefragt|hilft nicht|"
                    + "encore|toujours pas|de nouveau|otra vez|todav[ií]a no)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

    private CustomerText() {
    }

    /** Lower-case words and numbers, accents kept (German umlauts matter). */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        String normal = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replace("'", "");
        for (String token : NON_WORD.split(normal)) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    /** Content words without numbers: order numbers and amounts of one customer never appear in an article. */
    static Set<String> topicWords(String text) {
        Set<String> words = contentWords(text);
        words.removeIf(word -> word.chars().anyMatch(Character::isDigit));
        return words;
    }

    /** The words that carry the topic: no stopwords, no single letters. */
    static Set<String> contentWords(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String token : tokens(text)) {
            if (token.length() > 1 && !STOPWORDS.contains(token)) {
                words.add(token);
            }
        }
        return words;
    }

    /**
     * Whether two words are the same for matching: equal, or one is a prefix of the other and they share at least
     * five letters ({@code return}/{@code returns}, {@code rücksendung}/{@code rücksendungen}); a cheap stemmer.
     */
    static boolean sameWord(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        return shorter.length() >= 5 && longer.startsWith(shorter) && longer.length() - shorter.length() <= 3;
    }

    /** The share of {@code question}'s words found in {@code other} (0 when the question has none). */
    static double coverage(Set<String> question, Set<String> other) {
        if (question.isEmpty()) {
            return 0;
        }
        int found = 0;
        for (String word : question) {
            for (String candidate : other) {
                if (sameWord(word, candidate)) {
                    found++;
                    break;
                }
            }
        }
        return (double) found / question.size();
    }

    /**
     * Symmetric similarity of two texts' content words (Jaccard with {@link #sameWord}); of all their words when
     * one is made of stopwords only ("Where is my order?").
     */
    static double similarity(String a, String b) {
        Set<String> left = contentWords(a);
        Set<String> right = contentWords(b);
        if (left.isEmpty() || right.isEmpty()) {
            left = new LinkedHashSet<>(tokens(a));
            right = new LinkedHashSet<>(tokens(b));
        }
        if (left.isEmpty() || right.isEmpty()) {
            return 0;
        }
        double shared = coverage(left, right) * left.size();
        return shared / (left.size() + right.size() - shared);
    }

    /** Order numbers the customer quotes ("#4827", "order 4827", "Bestellung Nr. 4827"), in order, no hash. */
    static List<String> orderNumbers(String text) {
        Set<String> numbers = new LinkedHashSet<>();
        if (text != null) {
            Matcher matcher = ORDER_NUMBER.matcher(text);
            while (matcher.find()) {
                numbers.add(matcher.group(1));
            }
        }
        return List.copyOf(numbers);
    }

    /** Whether {@code reference} appears in the text as a whole token ("where is 4827?" names order 4827). */
    static boolean mentions(String text, String reference) {
        if (text == null || reference == null || reference.isBlank()) {
            return false;
        }
        Pattern whole = Pattern.compile("(?<![\\p{L}\\p{N}])#?" + Pattern.quote(reference) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
        return whole.matcher(text).find();
    }

    static boolean asksForHuman(String text) {
        return HUMAN.matcher(text).find();
    }

    static boolean complains(String text) {
        return COMPLAINT.matcher(text).find();
    }

    static boolean reportsDamage(String text) {
        return DAMAGED.matcher(text).find();
    }

    static boolean reportsNotReceived(String text) {
        return NOT_RECEIVED.matcher(text).find();
    }

    /** A question rather than a request or a statement ("I want a refund" is not one). */
    static boolean isQuestion(String text) {
        return text.contains("?") || HOW_QUESTION.matcher(text).find() || QUESTION_START.matcher(text).find();
    }

    static boolean asksForAction(String text) {
        return ACTION.matcher(text).find() && !HOW_QUESTION.matcher(text).find();
    }

    static boolean saysUnanswered(String text) {
        return UNANSWERED.matcher(text).find();
    }

    /** At most {@code max} characters, cut at a word, with an ellipsis when cut. */
    static String shorten(String text, int max) {
        String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= max) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', max - 1);
        return flat.substring(0, cut > max / 2 ? cut : max - 1) + "…";
    }
}
