package org.switchboard.benchmarks;

/**
 * What a simulated web-chat visitor tells about themself in every message (the widget's pre-chat form).
 *
 * @param name  the name given, or {@code null}
 * @param email the email address given, or {@code null}; two visitors with one address are one person on two
 *              browsers, which identity resolution must link to one customer
 */
record VisitorProfile(String name, String email) {
}
