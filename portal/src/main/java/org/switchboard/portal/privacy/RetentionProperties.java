package org.switchboard.portal.privacy;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Retention of customer data.
 *
 * @param resolvedConversations how long a resolved conversation is kept after its last activity (e.g. {@code P12M});
 *                              unset: kept for ever
 */
@ConfigurationProperties("switchboard.retention")
public record RetentionProperties(Period resolvedConversations) {

    public RetentionProperties {
        if (resolvedConversations != null && (resolvedConversations.isNegative() || resolvedConversations.isZero())) {
            throw new IllegalArgumentException("switchboard.retention.resolved-conversations must be positive");
        }
    }
}
