package org.switchboard.plugins.smstwilio;

/**
 * How many SMS a text takes and in which encoding, as a handset network counts them (3GPP TS 23.038 / 23.040).
 *
 * <p>A text whose every character is in the GSM-7 default alphabet or its extension table travels as GSM-7:
 * 160 septets in one SMS, 153 per part once it must be split (the rest carries the concatenation header).
 * Extension characters ({@code € [ ] { } \ ^ ~ |} and form feed) take two septets, an escape and the character,
 * and are never split across parts. Any other character makes the whole text UCS-2: 70 UTF-16 units in one SMS,
 * 67 per part, and a surrogate pair (an emoji) is never split either.
 *
 * <p>Twilio's optional "smart encoding" may replace some Unicode look-alikes (curly quotes) by GSM characters
 * before sending; this count ignores it, so it is never lower than what Twilio bills.
 *
 * @param encoding the encoding the text travels in
 * @param segments how many SMS it takes; an empty text still takes one
 * @param units    its length in septets (GSM-7) or UTF-16 units (UCS-2)
 */
record SmsSegments(Encoding encoding, int segments, int units) {

    /** The two encodings of an SMS text. */
    enum Encoding {
        GSM_7("GSM-7", 160, 153),
        UCS_2("UCS-2", 70, 67);

        private final String label;
        private final int single;
        private final int perPart;

        Encoding(String label, int single, int perPart) {
            this.label = label;
            this.single = single;
            this.perPart = perPart;
        }

        /** The name used in metadata and messages ({@code GSM-7}, {@code UCS-2}). */
        String label() {
            return label;
        }
    }

    /** The GSM 03.38 default alphabet (the escape 0x1B excluded: it is not a character). */
    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** The default extension table: each of these costs an escape septet plus itself. */
    private static final String GSM_EXTENSION = "\f^{}\\[~]|€";

    /** Counts the segments of {@code text}. */
    static SmsSegments of(String text) {
        String value = text == null ? "" : text;
        return isGsm7(value) ? gsm7(value) : ucs2(value);
    }

    /** The label of the encoding, for metadata. */
    String encodingLabel() {
        return encoding.label();
    }

    private static boolean isGsm7(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) < 0 && GSM_EXTENSION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static SmsSegments gsm7(String text) {
        int[] widths = new int[text.length()];
        for (int i = 0; i < text.length(); i++) {
            widths[i] = GSM_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        return pack(Encoding.GSM_7, widths);
    }

    private static SmsSegments ucs2(String text) {
        int count = text.codePointCount(0, text.length());
        int[] widths = new int[count];
        int index = 0;
        for (int offset = 0; offset < text.length(); ) {
            int codePoint = text.codePointAt(offset);
            widths[index++] = Character.charCount(codePoint);
            offset += Character.charCount(codePoint);
        }
        return pack(Encoding.UCS_2, widths);
    }

    /** Fills parts greedily with indivisible characters of the given widths. */
    private static SmsSegments pack(Encoding encoding, int[] widths) {
        int units = 0;
        for (int width : widths) {
            units += width;
        }
        if (units <= encoding.single) {
            return new SmsSegments(encoding, 1, units);
        }
        int segments = 1;
        int used = 0;
        for (int width : widths) {
            if (used + width > encoding.perPart) {
                segments++;
                used = 0;
            }
            used += width;
        }
        return new SmsSegments(encoding, segments, units);
    }
}
