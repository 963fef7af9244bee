package org.switchboard.portal.csat;

import org.switchboard.plugin.api.channel.IdentityKind;

/**
 * The question a channel gets when the admin wrote none, chosen by the kind of identity its customers have (the
 * channel's own description, never its connector's name): email gets a link, web chat the stars the widget draws
 * in place of the link, every other channel (WhatsApp, SMS, Telegram, Messenger...) asks for a reply 1-5.
 */
final class DefaultQuestions {

    /** Where the rating link goes in a question. */
    static final String LINK = "{link}";

    static final String REPLY = "How did we do? Please reply with a number from 1 (poor) to 5 (excellent), and tell"
            + " us anything we could do better.";
    static final String EMAIL = "How would you rate the help you got from us? It takes one click: " + LINK
            + "\n\nYou can also reply to this email with a number from 1 (poor) to 5 (excellent).";
    static final String WEBCHAT = "How would you rate our help? Choose 1 to 5 stars: " + LINK;

    private DefaultQuestions() {
    }

    static String forKind(IdentityKind kind) {
        if (IdentityKind.EMAIL.equals(kind)) {
            return EMAIL;
        }
        if (IdentityKind.WEBCHAT_VISITOR.equals(kind)) {
            return WEBCHAT;
        }
        return REPLY;
    }
}
