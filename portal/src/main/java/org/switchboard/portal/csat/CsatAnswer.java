package org.switchboard.portal.csat;

/**
 * A customer's answer to a satisfaction survey.
 *
 * @param rating  1 (very dissatisfied) to 5 (very satisfied)
 * @param comment what else the customer wrote, or {@code null}
 */
public record CsatAnswer(int rating, String comment) {

    /** The longest comment kept; longer ones are cut. */
    public static final int MAX_COMMENT = 2000;

    public CsatAnswer {
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("a rating is 1 to 5, not " + rating);
        }
        comment = comment == null || comment.isBlank() ? null : clip(comment.strip());
    }

    private static String clip(String text) {
        return text.length() <= MAX_COMMENT ? text : text.substring(0, MAX_COMMENT - 1) + "…";
    }
}
