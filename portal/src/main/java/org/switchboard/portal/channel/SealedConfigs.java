package org.switchboard.portal.channel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.switchboard.plugin.api.config.ChannelConfig;
import org.switchboard.plugin.api.config.ConfigField;
import org.switchboard.plugin.api.config.ConfigProblem;
import org.switchboard.plugin.api.config.FieldType;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plugin configurations as the portal stores them (channel accounts, customer-data sources): checked against the
 * extension's schema, secrets encrypted in the stored JSON, masked for any view, and kept when an admin edits
 * something else without retyping them.
 */
@Component
public class SealedConfigs {

    /** What the UI shows instead of a secret's value. */
    public static final String MASK = "••••••••";

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SecretCipher cipher;

    SealedConfigs(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /**
     * Fills defaults and generated secrets, checks required fields and types, then the extension's own
     * validation; returns the complete values in clear.
     *
     * @throws InvalidConfigurationException with every problem found (nothing is stored)
     */
    public Map<String, String> complete(List<ConfigField> schema, Map<String, String> values,
            Function<ChannelConfig, List<ConfigProblem>> validation) {
        Map<String, String> complete = new LinkedHashMap<>();
        List<ConfigProblem> problems = new ArrayList<>();
        for (ConfigField field : schema) {
            String value = values.get(field.key());
            if ((value == null || value.isBlank()) && field.defaultValue() != null) {
                value = field.defaultValue();
            }
            if ((value == null || value.isBlank()) && field.type() == FieldType.GENERATED_SECRET) {
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
            problems.addAll(validation.apply(new ChannelConfig(complete)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        return complete;
    }

    /** {@code given} with every secret left empty (or still showing the mask) replaced by its stored value. */
    public Map<String, String> keepingUnchangedSecrets(List<ConfigField> schema, String storedJson,
            Map<String, String> given) {
        Map<String, String> stored = open(storedJson);
        Map<String, String> merged = new LinkedHashMap<>(given);
        for (ConfigField field : schema) {
            String value = merged.get(field.key());
            boolean unchanged = value == null || value.isBlank() || MASK.equals(value);
            if (field.secret() && unchanged && stored.containsKey(field.key())) {
                merged.put(field.key(), stored.get(field.key()));
            }
        }
        return merged;
    }

    /** The JSON to store: secret fields encrypted. */
    public String seal(List<ConfigField> schema, Map<String, String> values) {
        Map<String, String> sealed = new LinkedHashMap<>(values);
        for (ConfigField field : schema) {
            if (field.secret() && sealed.containsKey(field.key())) {
                sealed.put(field.key(), cipher.encrypt(sealed.get(field.key())));
            }
        }
        return JSON.writeValueAsString(sealed);
    }

    /** The stored values in clear, for opening a connection or source only. */
    public Map<String, String> open(String storedJson) {
        Map<String, String> values = new LinkedHashMap<>(parse(storedJson));
        values.replaceAll((k, v) -> v != null && v.startsWith("enc:") ? cipher.decrypt(v) : v);
        return values;
    }

    /** The stored values for a view: anything encrypted, and anything the schema calls secret, masked. */
    public static Map<String, String> masked(String storedJson, List<ConfigField> schema) {
        Map<String, String> shown = new LinkedHashMap<>(parse(storedJson));
        // Even when the plugin is not running (no schema), encrypted values are recognisable and masked.
        shown.replaceAll((k, v) -> v != null && v.startsWith("enc:") ? MASK : v);
        schema.stream().filter(ConfigField::secret).forEach(f -> shown.computeIfPresent(f.key(), (k, v) -> MASK));
        return shown;
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

    private static Map<String, String> parse(String json) {
        return JSON.readValue(json, new TypeReference<Map<String, String>>() { });
    }
}
