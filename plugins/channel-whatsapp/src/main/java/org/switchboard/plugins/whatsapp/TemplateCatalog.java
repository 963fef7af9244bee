package org.switchboard.plugins.whatsapp;

import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.switchboard.plugin.api.channel.ChannelException;
import org.switchboard.plugin.api.channel.MessageTemplate;

/**
 * The approved templates of the business account, from {@code GET /{waba-id}/message_templates}, following
 * {@code paging.next} for a bounded number of pages.
 *
 * <p>Only templates the host can fill are offered: positional body placeholders ({@code {{1}}}) and nothing to
 * fill outside the body. A template with named placeholders, a media or variable header, or a button with a
 * variable URL would be refused by WhatsApp when sent with body parameters only, so it is left out (and logged).
 */
final class TemplateCatalog {

    /** 100 templates a page, 10 pages: more than the 250 template names WhatsApp allows a business account. */
    private static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 10;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\d{1,3})\\s*}}");
    private static final Pattern ANY_PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");

    private final GraphApi graph;
    private final String businessAccountId;
    private final System.Logger log;

    TemplateCatalog(GraphApi graph, String businessAccountId, System.Logger log) {
        this.graph = graph;
        this.businessAccountId = businessAccountId;
        this.log = log;
    }

    List<MessageTemplate> approved() throws ChannelException {
        List<MessageTemplate> templates = new ArrayList<>();
        URI page = graph.url(businessAccountId + "/message_templates?fields="
                + "name,language,status,parameter_format,components&limit=" + PAGE_SIZE);
        for (int pages = 0; page != null && pages < MAX_PAGES; pages++) {
            JsonObject json = fetch(page);
            JsonValue data = json.get("data");
            if (data != null && data.isArray()) {
                for (JsonValue item : data.asArray()) {
                    if (item.isObject()) {
                        usable(item.asObject(), templates);
                    }
                }
            }
            page = next(json);
        }
        return templates;
    }

    private JsonObject fetch(URI page) throws ChannelException {
        GraphResponse response;
        try {
            response = graph.get(page, GraphApi.DEFAULT_TIMEOUT);
        } catch (IOException e) {
            throw new ChannelException("WhatsApp could not be asked for the templates: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
        if (!response.isSuccess()) {
            throw new ChannelException("WhatsApp did not list the templates: " + response.error().describe());
        }
        return response.json().orElseThrow(
                () -> new ChannelException("WhatsApp answered the template list with something other than JSON"));
    }

    /** The next page, only on the Graph host itself: the token goes with the request. */
    private URI next(JsonObject json) {
        JsonValue paging = json.get("paging");
        if (paging == null || !paging.isObject()) {
            return null;
        }
        JsonValue next = paging.asObject().get("next");
        if (next == null || !next.isString() || next.asString().isBlank()) {
            return null;
        }
        try {
            URI url = URI.create(next.asString());
            if (graph.isGraphUrl(url)) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // fall through: an unusable link ends the listing
        }
        log.log(Level.WARNING, "WhatsApp template paging link ignored: it does not point at the Graph API");
        return null;
    }

    private void usable(JsonObject template, List<MessageTemplate> into) {
        String name = string(template, "name");
        String language = string(template, "language");
        if (name == null || language == null || !"APPROVED".equalsIgnoreCase(string(template, "status"))) {
            return;
        }
        if ("NAMED".equalsIgnoreCase(string(template, "parameter_format"))) {
            log.log(Level.INFO, "WhatsApp template {0} ({1}) not offered: it has named parameters", name, language);
            return;
        }
        String body = null;
        JsonValue components = template.get("components");
        if (components != null && components.isArray()) {
            for (JsonValue value : components.asArray()) {
                if (!value.isObject()) {
                    continue;
                }
                JsonObject component = value.asObject();
                String type = String.valueOf(string(component, "type")).toUpperCase(Locale.ROOT);
                if (type.equals("BODY")) {
                    body = string(component, "text");
                } else if (needsParameters(type, component)) {
                    log.log(Level.INFO, "WhatsApp template {0} ({1}) not offered: its {2} needs parameters", name,
                            language, type.toLowerCase(Locale.ROOT));
                    return;
                }
            }
        }
        String text = body == null ? "" : body;
        into.add(new MessageTemplate(name, language, text, parameterCount(text)));
    }

    private static boolean needsParameters(String type, JsonObject component) {
        if (type.equals("HEADER")) {
            String format = string(component, "format");
            String text = string(component, "text");
            boolean media = format != null && !format.equalsIgnoreCase("TEXT");
            return media || text != null && ANY_PLACEHOLDER.matcher(text).find();
        }
        if (type.equals("BUTTONS")) {
            JsonValue buttons = component.get("buttons");
            if (buttons != null && buttons.isArray()) {
                for (JsonValue button : buttons.asArray()) {
                    String url = button.isObject() ? string(button.asObject(), "url") : null;
                    if (url != null && ANY_PLACEHOLDER.matcher(url).find()) {
                        return true;
                    }
                    String kind = button.isObject() ? string(button.asObject(), "type") : null;
                    if ("COPY_CODE".equalsIgnoreCase(kind) || "OTP".equalsIgnoreCase(kind)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The highest {{n}}: WhatsApp wants one body parameter per position up to it. */
    static int parameterCount(String body) {
        int highest = 0;
        Matcher matcher = PLACEHOLDER.matcher(body);
        while (matcher.find()) {
            highest = Math.max(highest, Integer.parseInt(matcher.group(1)));
        }
        return highest;
    }

    private static String string(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value != null && value.isString() ? value.asString() : null;
    }
}
