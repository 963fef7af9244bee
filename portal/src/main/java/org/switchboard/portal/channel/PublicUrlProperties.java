package org.switchboard.portal.channel;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the outside world reaches this portal.
 *
 * @param publicUrl the base URL providers and browsers use (behind a proxy: the proxy's URL)
 */
@ConfigurationProperties("switchboard")
public record PublicUrlProperties(URI publicUrl) {

    public PublicUrlProperties {
        publicUrl = publicUrl == null ? URI.create("http://localhost:8080") : publicUrl;
    }

    /** The webhook URL of one channel account. */
    public URI webhookUrl(String accountId) {
        String base = publicUrl.toString().replaceAll("/+$", "");
        return URI.create(base + "/hooks/" + accountId);
    }
}
