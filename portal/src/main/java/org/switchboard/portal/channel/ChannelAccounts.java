package org.switchboard.portal.channel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.plugin.api.channel.ChannelConnector;
import org.switchboard.plugin.api.config.ChannelConfig;
import org.switchboard.plugin.api.config.ConfigField;
import org.switchboard.plugin.api.config.ConfigProblem;
import org.switchboard.portal.plugin.PluginHost;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Creates, reads and configures channel accounts; validates configuration against the connector's schema. */
@Service
public class ChannelAccounts {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChannelAccountRepository accounts;
    private final SecretCipher cipher;
    private final PluginHost plugins;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ChannelAccounts(ChannelAccountRepository accounts, SecretCipher cipher, PluginHost plugins, Clock clock,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.cipher = cipher;
        this.plugins = plugins;
        this.clock = clock;
        this.events = events;
    }

    /** Creates an account for an installed connector; throws {@link InvalidConfigurationException} if invalid. */
    @Transactional
    public ChannelAccountView create(String name, String connectorId, Map<String, String> values) {
        ChannelConnector connector = plugins.connector(connectorId)
                .orElseThrow(() -> new InvalidConfigurationException(List.of(new ConfigProblem(null,
                        "no started plugin provides the connector '" + connectorId + "'"))))
                .extension();
        if (name == null || name.isBlank()) {
            throw new InvalidConfigurationException(List.of(new ConfigProblem("name", "a name is required")));
        }
        Map<String, String> complete = completeAndCheck(connector, values);
        ChannelAccount account = new ChannelAccount(UUID.randomUUID().toString(), name.strip(), connectorId,
                JSON.writeValueAsString(sealSecrets(connector.configSchema(), complete)), clock.instant());
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
        Map<String, String> stored = decrypt(parse(account.getConfig()));
        Map<String, String> merged = new LinkedHashMap<>(values);
        for (ConfigField field : connector.configSchema()) {
            String given = merged.get(field.key());
            boolean unchanged = given == null || given.isBlank() || ChannelAccountView.MASK.equals(given);
            if (field.secret() && unchanged && stored.containsKey(field.key())) {
                merged.put(field.key(), stored.get(field.key()));
            }
        }
        Map<String, String> complete = completeAndCheck(connector, merged);
        account.setName(name.strip());
        account.setConfig(JSON.writeValueAsString(sealSecrets(connector.configSchema(), complete)));
        events.publishEvent(new ChannelAccountChanged(accountId));
        return view(account, connector.configSchema());
    }

    /** Enables or disables an account; a disabled account neither accepts webhooks nor sends. */
    @Transactional
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
        return new ChannelConfig(decrypt(parse(account.getConfig())));
    }

    private Map<String, String> decrypt(Map<String, String> sealed) {
        Map<String, String> values = new LinkedHashMap<>(sealed);
        values.replaceAll((k, v) -> v != null && v.startsWith("enc:") ? cipher.decrypt(v) : v);
        return values;
    }

    private Map<String, String> completeAndCheck(ChannelConnector connector, Map<String, String> values) {
        Map<String, String> complete = new LinkedHashMap<>();
        List<ConfigProblem> problems = new ArrayList<>();
        for (ConfigField field : connector.configSchema()) {
            String value = values.get(field.key());
            if ((value == null || value.isBlank()) && field.defaultValue() != null) {
                value = field.defaultValue();
            }
            if ((value == null || value.isBlank())
                    && field.type() == org.switchboard.plugin.api.config.FieldType.GENERATED_SECRET) {
                value = cipher.randomSecret();
            }
            if (value == null || value.isBlank()) {
                if (field.required()) {
                    problems.add(new ConfigProblem(field.key(), field.label() + " is required"));
                }
                continue;
            }
            typeProblem(field, value.strip()).ifPresent(problems::add);
            complete.put(field.key(), value.strip());
        }
        if (problems.isEmpty()) {
            problems.addAll(connector.validate(new ChannelConfig(complete)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        return complete;
    }

    private static Optional<ConfigProblem> typeProblem(ConfigField field, String value) {
        String problem = switch (field.type()) {
            case INTEGER -> value.matches("-?\\d{1,18}") ? null : "must be a whole number";
            case BOOLEAN -> value.equals("true") || value.equals("false") ? null : "must be true or false";
            case URL -> value.matches("https?://\\S+") ? null : "must be an http(s) URL";
            case EMAIL -> EMAIL.matcher(value).matches() ? null : "must be an email address";
            default -> null;
        };
        return Optional.ofNullable(problem).map(p -> new ConfigProblem(field.key(), field.label() + " " + p));
    }

    private Map<String, String> sealSecrets(List<ConfigField> schema, Map<String, String> values) {
        Map<String, String> sealed = new LinkedHashMap<>(values);
        for (ConfigField field : schema) {
            if (field.secret() && sealed.containsKey(field.key())) {
                sealed.put(field.key(), cipher.encrypt(sealed.get(field.key())));
            }
        }
        return sealed;
    }

    private List<ConfigField> schemaOf(String connectorId) {
        return plugins.connector(connectorId).map(c -> c.extension().configSchema()).orElse(List.of());
    }

    private static ChannelAccountView view(ChannelAccount account, List<ConfigField> schema) {
        Map<String, String> shown = new LinkedHashMap<>(parse(account.getConfig()));
        // Mask anything encrypted, and anything the schema calls secret, even when the plugin is not running.
        shown.replaceAll((k, v) -> v != null && v.startsWith("enc:") ? ChannelAccountView.MASK : v);
        schema.stream().filter(ConfigField::secret).forEach(f -> shown.computeIfPresent(f.key(),
                (k, v) -> ChannelAccountView.MASK));
        return new ChannelAccountView(account.getId(), account.getName(), account.getConnectorId(),
                account.isEnabled(), shown);
    }

    private static Map<String, String> parse(String json) {
        return JSON.readValue(json, new TypeReference<Map<String, String>>() { });
    }
}
