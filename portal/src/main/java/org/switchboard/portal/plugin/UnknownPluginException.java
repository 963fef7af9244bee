package org.switchboard.portal.plugin;

/** A plugin id the host does not know. */
public class UnknownPluginException extends RuntimeException {

    public UnknownPluginException(String pluginId) {
        super("no plugin " + pluginId);
    }
}
