package org.switchboard.portal.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the webhook endpoint.
 *
 * @param maxBodyBytes the largest request body accepted; larger ones get 413 and are not read further
 */
@ConfigurationProperties("switchboard.webhooks")
public record WebhookProperties(int maxBodyBytes) {

    public WebhookProperties {
        maxBodyBytes = maxBodyBytes <= 0 ? 1024 * 1024 : maxBodyBytes;
    }
}
