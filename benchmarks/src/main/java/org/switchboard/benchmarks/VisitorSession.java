package org.switchboard.benchmarks;

/**
 * The credentials the web-chat plugin issued to one visitor ({@code POST /session}).
 *
 * @param visitorId sent as {@code X-Visitor-Id}
 * @param token     sent as {@code X-Visitor-Token}
 */
record VisitorSession(String visitorId, String token) {
}
