package org.switchboard.portal.plugin;

/**
 * What the signature check found in one plugin JAR.
 *
 * @param status what was found
 * @param signer the signer's certificate subject and SHA-256 fingerprint, or empty when unsigned
 * @param detail why the JAR is not trusted, or empty
 */
public record SignatureCheck(Status status, String signer, String detail) {

    /** The outcome of a check. */
    public enum Status {
        /** Checking is off. */
        NOT_CHECKED,
        /** Bundled with the portal itself: trusted as part of the portal. */
        BUNDLED,
        /** Every entry is signed by a publisher whose certificate is trusted. */
        TRUSTED,
        /** No entry is signed. */
        UNSIGNED,
        /** Signed, but not by a trusted publisher. */
        UNTRUSTED,
        /** Partly signed, tampered with, or unreadable. */
        INVALID
    }

    public static SignatureCheck of(Status status, String signer, String detail) {
        return new SignatureCheck(status, signer == null ? "" : signer, detail == null ? "" : detail);
    }

    /** Whether the JAR may be loaded under the given mode. */
    public boolean acceptableUnder(SignatureMode mode) {
        return mode != SignatureMode.REQUIRE || status == Status.TRUSTED || status == Status.BUNDLED;
    }

    /** Whether the admin should see a warning. */
    public boolean warning() {
        return status == Status.UNSIGNED || status == Status.UNTRUSTED || status == Status.INVALID;
    }

    /** One line for the plugins page and refusal messages. */
    public String summary() {
        return switch (status) {
            case NOT_CHECKED -> "not checked (signature checking is off)";
            case BUNDLED -> "bundled with the portal";
            case TRUSTED -> "signed by trusted publisher " + signer;
            case UNSIGNED -> "unsigned";
            case UNTRUSTED -> "signed by " + signer + ", which is not a trusted publisher"
                    + (detail.isEmpty() ? "" : " (" + detail + ")");
            case INVALID -> "invalid signature: " + detail;
        };
    }
}
