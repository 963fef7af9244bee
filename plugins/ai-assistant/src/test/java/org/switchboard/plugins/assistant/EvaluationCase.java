package org.switchboard.plugins.assistant;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.switchboard.plugin.api.ai.AssistantReply.Decision;
import org.switchboard.plugin.api.ai.AssistantRequest;
import org.switchboard.plugin.api.ai.SnapshotMessage.Author;
import org.switchboard.plugin.api.customer.CustomerRecord;

/**
 * One scripted conversation of the evaluation set (src/test/resources/evaluation/conversations.json) and what a
 * good assistant does with it.
 *
 * @param id        stable id
 * @param category  what it exercises
 * @param request   the request as the host would build it
 * @param expected  answer or escalate
 * @param facts     strings an answer must contain (case-insensitive)
 * @param forbidden strings an answer must not contain (a wrong order, a wrong number)
 * @param note      why the case is there, or empty
 */
record EvaluationCase(String id, String category, AssistantRequest request, Decision expected, List<String> facts,
        List<String> forbidden, String note) {

    static final int PASSAGES = 3;

    static List<EvaluationCase> load(Bm25 retriever) {
        JsonObject root = json("evaluation/conversations.json");
        JsonObject sets = root.get("orderSets").asObject();
        List<EvaluationCase> cases = new ArrayList<>();
        for (JsonValue value : root.get("cases").asArray()) {
            JsonObject c = value.asObject();
            Requests request = Requests.conversation().id(c.getString("id", "?"))
                    .language(c.getString("language", null));
            for (JsonValue m : c.get("messages").asArray()) {
                JsonObject message = m.asObject();
                request.message(Author.valueOf(message.getString("author", "customer").toUpperCase(Locale.ROOT)),
                        message.getString("channel", null), message.getString("text", ""));
            }
            for (JsonValue r : sets.get(c.getString("customer", "none")).asArray()) {
                request.record(record(r.asObject()));
            }
            if (c.get("intent") != null) {
                JsonObject intent = c.get("intent").asObject();
                request.intent(intent.getString("label", "other"), intent.getDouble("confidence", 0));
            }
            if (c.get("sentiment") != null) {
                JsonObject sentiment = c.get("sentiment").asObject();
                request.sentiment(sentiment.getString("label", "neutral"), sentiment.getDouble("confidence", 0));
            }
            AssistantRequest draft = request.build();
            request.passages(retriever.search(draft.conversation().lastCustomerText(), PASSAGES));
            JsonObject expect = c.get("expect").asObject();
            cases.add(new EvaluationCase(c.getString("id", "?"), c.getString("category", "?"), request.build(),
                    Decision.valueOf(expect.getString("decision", "ESCALATE")), strings(expect, "facts"),
                    strings(expect, "forbidden"), c.getString("note", "")));
        }
        return cases;
    }

    static List<Bm25.Article> articles() {
        List<Bm25.Article> articles = new ArrayList<>();
        for (JsonValue value : json("evaluation/knowledge-base.json").get("articles").asArray()) {
            JsonObject a = value.asObject();
            JsonValue url = a.get("url");
            articles.add(new Bm25.Article(a.getString("id", "?"), a.getString("title", ""), a.getString("text", ""),
                    url == null || url.isNull() ? null : url.asString()));
        }
        return articles;
    }

    private static CustomerRecord record(JsonObject r) {
        Map<String, String> details = new HashMap<>();
        JsonValue d = r.get("details");
        if (d != null && d.isObject()) {
            d.asObject().forEach(member -> details.put(member.getName(), member.getValue().asString()));
        }
        String amount = r.getString("amount", null);
        String updated = r.getString("updatedAt", null);
        return new CustomerRecord(r.getString("type", "order"), r.getString("reference", "?"),
                r.getString("title", ""), r.getString("status", ""), updated == null ? null : Instant.parse(updated),
                amount == null ? null : new BigDecimal(amount), r.getString("currency", null), null, details);
    }

    private static List<String> strings(JsonObject object, String name) {
        List<String> values = new ArrayList<>();
        JsonValue array = object.get(name);
        if (array != null) {
            array.asArray().forEach(v -> values.add(v.asString()));
        }
        return values;
    }

    private static JsonObject json(String resource) {
        try (InputStream in = EvaluationCase.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the test resources");
            }
            return Json.parse(new InputStreamReader(in, StandardCharsets.UTF_8)).asObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
