package org.switchboard.portal.channel;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.plugin.api.channel.ChannelConnector;
import org.switchboard.plugin.api.config.ChannelConfig;
import org.switchboard.plugin.api.config.ConfigField;
import org.switchboard.plugin.api.config.ConfigProblem;
import org.switchboard.portal.plugin.PluginHost;

/** Creates, reads and configures channel accounts; validates configuration against the connector's schema. */
@Service
public class ChannelAccounts {

    private final ChannelAccountRepository accounts;
    private final SealedConfigs configs;
    private final PluginHost plugins;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ChannelAccounts(ChannelAccountRepository accounts, SealedConfigs configs, PluginHost plugins, Clock clock,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.configs = configs;
        this.plugins = plugins;
        this.clock = clock;
        this.events = events;
    }

    /** Creates an account for an installed connector; throws {@link InvalidConfigurationException} if invalid. */
    @Transactional
    @org.springframework.security.access.prepost.PreAuthorize("@roleGuard.adminOrSystem()")
    public ChannelAccountView create(String name, String connectorId, Map<String, String> values) {
        ChannelConnector connector = plugins.connector(connectorId)
                .orElseThrow(() -> new InvalidConfigurationException(List.of(new ConfigProblem(null,
                        "no started plugin provides the connector '" + connectorId + "'"))))
                .extension();
        if (name == null || name.isBlank()) {
            throw new InvalidConfigurationException(List.of(new ConfigProblem("name", "a name is required")));
        }
        Map<String, String> complete = configs.complete(connector.configSchema(), values, connector::validate);
        ChannelAccount account = new ChannelAccount(UUID.randomUUID().toString(), name.strip(), connectorId,
                configs.seal(connector.configSchema(), complete), clock.instant());
        ChannelAccount saved = accounts.save(account);
        events.publishEvent(new ChannelAccountChanged(saved.getId()));
        return view(saved, connector.configSchema());
    }

    /**
     * Changes an account's name and configuration. A secret left empty (or still showing the mask) keeps its
     * stored value, so an admin never has to see or retype a secret to change something else. The open
     * connection is closed after commit and reopens with the new configuration.
     *
     * @throws UnknownChannelAccountException if there is no such account
     * @throws InvalidConfigurationException  if the result is invalid (nothing is changed)
     */
    @Transactional
    @org.springframework.security.access.prepost.PreAuthorize("@roleGuard.adminOrSystem()")
    public ChannelAccountView update(String accountId, String name, Map<String, String> values) {
        ChannelAccount account = accounts.findById(accountId)
                .orElseThrow(() -> new UnknownChannelAccountException(accountId));
        ChannelConnector connector = plugins.connector(account.getConnectorId())
                .orElseThrow(() -> new InvalidConfigurationException(List.of(new ConfigProblem(null,
                        "the connector '" + account.getConnectorId() + "' is not running; start its plugin first"))))
                .extension();
        if (name == null || name.isBlank()) {
            throw new InvalidConfigurationException(List.of(new ConfigProblem("name", "a name is required")));
        }
        Map<String, String> merged = configs.keepingUnchangedSecrets(connector.configSchema(), account.getConfig(),
                values);
        Map<String, String> complete = configs.complete(connector.configSchema(), merged, connector::validate);
        account.setName(name.strip());
        account.setConfig(configs.seal(connector.configSchema(), complete));
        events.publishEvent(new ChannelAccountChanged(accountId));
        return view(account, connector.configSchema());
    }

    /** Enables or disables an account; a disabled account neither accepts webhooks nor sends. */
    @Transactional
    @org.springframework.security.access.prepost.PreAuthorize("@roleGuard.adminOrSystem()")
    public void setEnabled(String accountId, boolean enabled) {
        ChannelAccount account = accounts.findById(accountId)
                .orElseThrow(() -> new UnknownChannelAccountException(accountId));
        account.setEnabled(enabled);
        events.publishEvent(new ChannelAccountChanged(accountId));
    }

    /** The schema of a connector, empty when no running plugin provides it. */
    public List<ConfigField> schema(String connectorId) {
        return schemaOf(connectorId);
    }

    /** All accounts, oldest first. */
    @Transactional(readOnly = true)
    public List<ChannelAccountView> list() {
        Map<String, List<ConfigField>> schemas = new java.util.HashMap<>();
        return accounts.findAllByOrderByCreatedAt().stream()
                .map(a -> view(a, schemas.computeIfAbsent(a.getConnectorId(), this::schemaOf)))
                .toList();
    }

    /** The accounts of one connector, oldest first. */
    @Transactional(readOnly = true)
    public List<ChannelAccountView> listByConnector(String connectorId) {
        List<ConfigField> schema = schemaOf(connectorId);
        return accounts.findByConnectorIdOrderByCreatedAt(connectorId).stream().map(a -> view(a, schema)).toList();
    }

    @Transactional(readOnly = true)
    public Optional<ChannelAccountView> find(String accountId) {
        return accounts.findById(accountId).map(a -> view(a, schemaOf(a.getConnectorId())));
    }

    /** The decrypted configuration, for opening a connection only. */
    @Transactional(readOnly = true)
    ChannelConfig decryptedConfig(String accountId) {
        ChannelAccount account = accounts.findById(accountId).orElseThrow();
        return new ChannelConfig(configs.open(account.getConfig()));
    }

    private List<ConfigField> schemaOf(String connectorId) {
        return plugins.connector(connectorId).map(c -> c.extension().configSchema()).orElse(List.of());
    }

    private static ChannelAccountView view(ChannelAccount account, List<ConfigField> schema) {
        return new ChannelAccountView(account.getId(), account.getName(), account.getConnectorId(),
                account.isEnabled(), SealedConfigs.masked(account.getConfig(), schema));
    }
}
