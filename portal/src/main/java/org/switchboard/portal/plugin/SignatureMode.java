package org.switchboard.portal.plugin;

/** How plugin JAR signatures are checked ({@code switchboard.plugins.signature}). */
public enum SignatureMode {
    /** Signatures are not looked at (the SHA-256 is still shown). */
    OFF,
    /** Unsigned or untrusted plugins install, with a warning on the plugins page. */
    WARN,
    /** Only plugins whose every entry is signed by a trusted publisher install. */
    REQUIRE
}
