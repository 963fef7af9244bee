package org.switchboard.portal.conversation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How messages are attached to conversations.
 *
 * @param window how long after its last activity a customer's unresolved conversation still takes their new
 *               messages, whatever the channel; after that a new conversation starts
 */
@ConfigurationProperties("switchboard.threading")
public record ThreadingProperties(Duration window) {

    public ThreadingProperties {
        window = window == null ? Duration.ofDays(7) : window;
    }
}
