/**
 * The SMS channel through Twilio Programmable Messaging: incoming SMS (and MMS pictures) arrive as Twilio
 * webhooks under {@code /hooks/{accountId}}, delivery statuses under {@code /hooks/{accountId}/status}, and
 * replies go out through Twilio's Messages REST API.
 *
 * <p>This package owns Twilio's request signature ({@code X-Twilio-Signature}), the mapping of its form
 * parameters and message statuses to canonical events, media downloads with the account's credentials, the
 * SMS segment count (GSM-7 / UCS-2) and the mapping of the API's answers to send results. It keeps no state
 * beyond the last credential refusal it saw, shown as the account's health.
 *
 * <p>Only {@link org.switchboard.plugins.smstwilio.TwilioSmsPlugin} and
 * {@link org.switchboard.plugins.smstwilio.TwilioSmsConnector} are public, because PF4J instantiates them.
 */
package org.switchboard.plugins.smstwilio;
