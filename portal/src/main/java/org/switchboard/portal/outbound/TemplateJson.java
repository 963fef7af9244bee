package org.switchboard.portal.outbound;

import java.util.List;
import java.util.Map;
import org.switchboard.plugin.api.channel.TemplateMessage;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The stored form of a template send ({@code message.template_json}). */
final class TemplateJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TemplateJson() {
    }

    static String write(TemplateMessage template) {
        return JSON.writeValueAsString(Map.of("name", template.name(), "language", template.language(),
                "parameters", template.parameters()));
    }

    /** The template, or {@code null} for a free-text message. */
    static TemplateMessage read(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        Map<String, Object> values = JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        @SuppressWarnings("unchecked")
        List<String> parameters = (List<String>) values.getOrDefault("parameters", List.of());
        return new TemplateMessage((String) values.get("name"), (String) values.get("language"), parameters);
    }
}
