package org.switchboard.plugins.telegram;

/**
 * A delivery that is not a Telegram update this channel can read; becomes a 400 with the message as reason.
 * Without a stack trace: a bad body is the sender's problem, not a bug worth tracing.
 */
final class MalformedUpdate extends Exception {

    MalformedUpdate(String reason) {
        super(reason, null, false, false);
    }
}
