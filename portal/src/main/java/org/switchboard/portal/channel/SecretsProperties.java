package org.switchboard.portal.channel;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the key that encrypts secrets at rest comes from.
 *
 * @param key     a base64-encoded 256-bit AES key; set it in production (environment {@code SWITCHBOARD_SECRETS_KEY})
 * @param keyFile used when {@code key} is not set: read, or created with a random key on first start
 */
@ConfigurationProperties("switchboard.secrets")
public record SecretsProperties(String key, Path keyFile) {

    public SecretsProperties {
        keyFile = keyFile == null ? Path.of("data", "secret.key") : keyFile;
    }
}
