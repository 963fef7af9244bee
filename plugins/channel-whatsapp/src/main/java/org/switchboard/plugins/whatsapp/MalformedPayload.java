package org.switchboard.plugins.whatsapp;

/** A signed delivery whose body does not have the shape Meta documents; answered with 400 and this reason. */
final class MalformedPayload extends Exception {

    MalformedPayload(String reason) {
        super(reason);
    }
}
