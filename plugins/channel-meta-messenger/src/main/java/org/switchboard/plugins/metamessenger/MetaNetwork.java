package org.switchboard.plugins.metamessenger;

import java.time.Duration;
import java.util.Set;
import org.switchboard.plugin.api.channel.ChannelCapability;
import org.switchboard.plugin.api.channel.ChannelDescriptor;
import org.switchboard.plugin.api.channel.IdentityKind;

/**
 * What differs between Messenger and Instagram; everything else is shared. Ids, identity kinds and config keys
 * are stable contracts with stored accounts: never rename one.
 */
enum MetaNetwork {

    /**
     * Facebook Messenger through a Facebook Page: Page access token, {@code graph.facebook.com}. Texts up to 2000
     * characters; files are uploaded with the message; delivery receipts name the messages, read receipts only
     * give a watermark.
     */
    MESSENGER(
            new ChannelDescriptor("messenger", "Facebook Messenger", new IdentityKind("messenger-psid"),
                    Set.of(ChannelCapability.ATTACHMENTS, ChannelCapability.DELIVERY_RECEIPTS,
                            ChannelCapability.READ_RECEIPTS),
                    2000, Duration.ofHours(24)),
            "page", "pageId", "Facebook Page ID", "pageAccessToken", "Page access token",
            "https://graph.facebook.com", "first_name,last_name"),

    /**
     * Instagram direct messages through the Instagram API with Instagram Login: Instagram user access token,
     * {@code graph.instagram.com}. Texts up to 1000 bytes; media can only be sent by public URL, which the host
     * does not have, so replies carry text only; read receipts name the message, there are no delivery receipts.
     */
    INSTAGRAM(
            new ChannelDescriptor("instagram", "Instagram Direct", new IdentityKind("instagram-igsid"),
                    Set.of(ChannelCapability.READ_RECEIPTS), 1000, Duration.ofHours(24)),
            "instagram", "igUserId", "Instagram account ID", "accessToken", "Instagram access token",
            "https://graph.instagram.com", "name,username");

    static final String APP_SECRET = "appSecret";
    static final String VERIFY_TOKEN = "verifyToken";
    static final String API_BASE_URL = "apiBaseUrl";
    static final String API_VERSION = "apiVersion";
    static final String FETCH_PROFILES = "fetchProfiles";
    static final String DEFAULT_API_VERSION = "v21.0";

    private final ChannelDescriptor descriptor;
    private final String webhookObject;
    private final String accountIdKey;
    private final String accountIdLabel;
    private final String tokenKey;
    private final String tokenLabel;
    private final String defaultApiBaseUrl;
    private final String profileFields;

    MetaNetwork(ChannelDescriptor descriptor, String webhookObject, String accountIdKey, String accountIdLabel,
            String tokenKey, String tokenLabel, String defaultApiBaseUrl, String profileFields) {
        this.descriptor = descriptor;
        this.webhookObject = webhookObject;
        this.accountIdKey = accountIdKey;
        this.accountIdLabel = accountIdLabel;
        this.tokenKey = tokenKey;
        this.tokenLabel = tokenLabel;
        this.defaultApiBaseUrl = defaultApiBaseUrl;
        this.profileFields = profileFields;
    }

    ChannelDescriptor descriptor() {
        return descriptor;
    }

    IdentityKind identityKind() {
        return descriptor.identityKind();
    }

    /** The {@code object} field of this network's webhook payloads. */
    String webhookObject() {
        return webhookObject;
    }

    /** Config key of the id our side has at Meta (the Page, the Instagram professional account). */
    String accountIdKey() {
        return accountIdKey;
    }

    String accountIdLabel() {
        return accountIdLabel;
    }

    String tokenKey() {
        return tokenKey;
    }

    String tokenLabel() {
        return tokenLabel;
    }

    String defaultApiBaseUrl() {
        return defaultApiBaseUrl;
    }

    /** The user-profile fields to ask for a sender's name. */
    String profileFields() {
        return profileFields;
    }

    String displayName() {
        return descriptor.name();
    }
}
