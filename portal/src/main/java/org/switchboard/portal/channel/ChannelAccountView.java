package org.switchboard.portal.channel;

import java.util.Map;

/**
 * A channel account as the UI may see it: secret values replaced by a mask, never sent to a browser.
 *
 * @param id          the account id
 * @param name        its display name
 * @param connectorId the connector it uses
 * @param enabled     whether it accepts and sends messages
 * @param config      configuration with secrets masked
 */
public record ChannelAccountView(String id, String name, String connectorId, boolean enabled,
        Map<String, String> config) {

    public static final String MASK = SealedConfigs.MASK;
}
