package org.switchboard.plugin.api;

/**
 * Facts about this plugin API that the host and plugins agree on.
 *
 * @since 0.1.0
 */
public final class PluginApi {

    /**
     * The SemVer version of this API. Plugins declare the range they need in their manifest's
     * {@code Plugin-Requires} (for example {@code >=0.1.0 & <1.0.0}); the host refuses a plugin whose range
     * does not contain this version.
     */
    public static final String VERSION = "0.4.0";

    private PluginApi() {
    }
}
