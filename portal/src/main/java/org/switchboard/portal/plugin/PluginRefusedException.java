package org.switchboard.portal.plugin;

/** A plugin change that was refused, with a message for the admin; nothing was changed. */
public class PluginRefusedException extends RuntimeException {

    public PluginRefusedException(String message) {
        super(message);
    }

    public PluginRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
