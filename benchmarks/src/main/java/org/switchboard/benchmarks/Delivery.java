package org.switchboard.benchmarks;

/**
 * One webhook delivery: {@code POST /hooks/{account}/messages} as the visitor's browser.
 *
 * @param visitor    index of the visitor in its {@link TrafficPlan}
 * @param messageId  the id the browser gives the message; the same id again is a redelivery
 * @param text       what the visitor wrote
 * @param redelivery whether this repeats an earlier delivery exactly (a browser retrying after a lost answer)
 */
record Delivery(int visitor, String messageId, String text, boolean redelivery) {
}
