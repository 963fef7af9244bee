package org.switchboard.plugin.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

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
     *
     * <p>Read from the API JAR at run time (it is written there by the build from the one place the version is
     * kept), so a plugin reading it sees the host's API version, not the one it was compiled against.
     */
    public static final String VERSION = readVersion();

    private PluginApi() {
    }

    private static String readVersion() {
        try (InputStream in = PluginApi.class.getResourceAsStream("plugin-api.properties")) {
            if (in == null) {
                throw new IllegalStateException("plugin-api.properties is missing from the plugin API JAR");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            if (!version.matches("\\d+\\.\\d+\\.\\d+([-+][0-9A-Za-z.+-]+)?")) {
                // An unfiltered resource (built outside Maven) would make every plugin look incompatible.
                throw new IllegalStateException("plugin-api.properties has no SemVer version: '" + version + "'");
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the plugin API version", e);
        }
    }
}
