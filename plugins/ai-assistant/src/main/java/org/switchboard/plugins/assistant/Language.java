package org.switchboard.plugins.assistant;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The language of the templates: English unless the customer's profile or words are German. Deliberately modest:
 * other languages are answered in English (an LLM, when configured, is asked to answer in the customer's words).
 */
enum Language {
    EN,
    DE;

    /** Common German function words and shop words that English text almost never contains. */
    private static final Set<String> GERMAN_WORDS = Set.copyOf(List.of("ich", "meine", "meiner", "mein", "nicht", "ist", "wo",
            "wann", "bestellung", "bitte", "danke", "und", "der", "die", "das", "noch", "paket", "sendung",
            "rücksendung", "rückerstattung", "erstattung", "lieferung", "geld", "zurück", "habe", "hallo", "warum",
            "mit", "kann", "können", "wie", "immer", "schon", "bekommen", "angekommen", "umtausch", "versand",
            "gibt", "eine", "einen", "sie", "ihr", "euch"));

    /**
     * @param profileLanguage the customer's BCP 47 tag, or {@code null}
     * @param text            their latest message
     */
    static Language of(String profileLanguage, String text) {
        int german = 0;
        int words = 0;
        for (String token : CustomerText.tokens(text)) {
            words++;
            if (GERMAN_WORDS.contains(token)) {
                german++;
            }
        }
        // the words beat the profile: a German-profile customer writing English gets English
        if (words >= 3) {
            return german >= 2 && german * 5 >= words ? DE : EN;
        }
        if (profileLanguage != null && profileLanguage.toLowerCase(Locale.ROOT).startsWith("de")) {
            return DE;
        }
        return german > 0 ? DE : EN;
    }
}
