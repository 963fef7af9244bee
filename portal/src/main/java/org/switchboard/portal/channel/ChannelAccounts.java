package org.switchboard.portal.channel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
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

    ChannelAccounts(ChannelAccountRepository accounts, SecretCipher cipher, PluginHost plugins, Clock clock) {
        this.accounts = accounts;
        this.cipher = cipher;
        this.plugins = plugins;
        this.clock = clock;
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
        return view(accounts.save(account), connector.configSchema());
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
        Map<String, String> values = new LinkedHashMap<>(parse(account.getConfig()));
        values.replaceAll((k, v) -> v != null && v.startsWith("enc:") ? cipher.decrypt(v) : v);
        return new ChannelConfig(values);
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
