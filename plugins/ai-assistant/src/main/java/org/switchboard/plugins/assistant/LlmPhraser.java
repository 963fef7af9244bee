package org.switchboard.plugins.assistant;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import com.eclipsesource.json.ParseException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Phrases an answer with an OpenAI-compatible chat-completions endpoint ({@code POST <base>/chat/completions}:
 * OpenAI, Ollama, llama.cpp's server, vLLM...). The model only rewords: the decision, the facts and the sources are
 * the assistant's, the system prompt tells it to use nothing else, and a reply that drops a key fact (an order
 * number, a tracking number, an amount) is thrown away for the template. Any failure is an {@link LlmFailure}
 * whose message is safe to show (never the key, never the server's body).
 */
final class LlmPhraser {

    /** Low: the answer must follow the facts, not be creative. */
    static final double TEMPERATURE = 0.1;

    private static final int MAX_REPLY = 1500;

    private final Supplier<HttpClient> http;

    LlmPhraser(Supplier<HttpClient> http) {
        this.http = http;
    }

    /** Why the LLM's reply was not used; the message is safe for reasons shown to agents. */
    static final class LlmFailure extends Exception {
        LlmFailure(String message) {
            super(message);
        }
    }

    /**
     * @param settings the endpoint
     * @param language the language to answer in
     * @param question the customer's latest message
     * @param facts    the facts the answer may use, one per line
     * @param draft    the template answer, which the model may reword
     * @param keyFacts strings that must appear verbatim in the reply
     * @return the reply text
     */
    String phrase(LlmSettings settings, Language language, String question, List<String> facts, String draft,
            List<String> keyFacts) throws LlmFailure {
        JsonObject body = Json.object()
                .add("model", settings.model())
                .add("temperature", TEMPERATURE)
                .add("stream", false)
                .add("messages", Json.array()
                        .add(Json.object().add("role", "system").add("content", systemPrompt(language, facts, draft)))
                        .add(Json.object().add("role", "user").add("content", question)));
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.endpoint())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (settings.apiKey() != null) {
            request.header("Authorization", "Bearer " + settings.apiKey());
        }
        HttpResponse<String> response = send(request.build(), settings);
        if (response.statusCode() / 100 != 2) {
            throw new LlmFailure("the LLM server answered HTTP " + response.statusCode());
        }
        String text = content(response.body());
        for (String fact : keyFacts) {
            if (!text.toLowerCase(Locale.ROOT).contains(fact.toLowerCase(Locale.ROOT))) {
                throw new LlmFailure("the LLM's reply left out a fact (" + fact + ")");
            }
        }
        return text;
    }

    /** One deadline for the whole exchange, body included (the request timeout alone stops at the headers). */
    private HttpResponse<String> send(HttpRequest request, LlmSettings settings) throws LlmFailure {
        CompletableFuture<HttpResponse<String>> pending = http.get().sendAsync(request,
                HttpResponse.BodyHandlers.ofString());
        try {
            return pending.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new LlmFailure("the LLM server did not answer within " + settings.timeout().toSeconds() + " s");
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new LlmFailure("interrupted while waiting for the LLM server");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String what = cause instanceof java.net.http.HttpTimeoutException
                    ? "did not answer within " + settings.timeout().toSeconds() + " s"
                    : "could not be reached (" + cause.getClass().getSimpleName() + ")";
            throw new LlmFailure("the LLM server " + what);
        }
    }

    /** {@code choices[0].message.content}, trimmed; anything else is a failure. */
    static String content(String body) throws LlmFailure {
        try {
            JsonValue root = Json.parse(body);
            JsonArray choices = root.isObject() && root.asObject().get("choices") != null
                    && root.asObject().get("choices").isArray() ? root.asObject().get("choices").asArray() : null;
            if (choices == null || choices.isEmpty() || !choices.get(0).isObject()) {
                throw new LlmFailure("the LLM's answer has no choices");
            }
            JsonValue message = choices.get(0).asObject().get("message");
            JsonValue content = message != null && message.isObject() ? message.asObject().get("content") : null;
            if (content == null || !content.isString() || content.asString().isBlank()) {
                throw new LlmFailure("the LLM's answer has no message content");
            }
            String text = content.asString().strip();
            if (text.length() > MAX_REPLY) {
                throw new LlmFailure("the LLM's reply is too long (" + text.length() + " characters)");
            }
            return text;
        } catch (ParseException e) {
            throw new LlmFailure("the LLM's answer is not JSON");
        }
    }

    /**
     * The grounding: answer only from the facts, keep numbers and links verbatim, no promises, in the customer's
     * language. The draft is given so a small local model has a correct answer to start from.
     */
    static String systemPrompt(Language language, List<String> facts, String draft) {
        String answerIn = language == Language.DE ? "German" : "the language of the customer's message";
        return """
                You are a customer-service assistant replying to a customer on a messaging channel.
                Answer the customer's message using ONLY the facts below. Do not add any information that is not \
                in the facts: no other dates, amounts, links, policies, promises or apologies for things not stated.
                Copy order numbers, tracking numbers, amounts and links exactly as written.
                If the facts do not answer the question, say that a colleague will get back to them.
                Reply in %s, in at most three short sentences, friendly and plain, without a greeting line or a \
                signature.

                FACTS:
                %s

                DRAFT ANSWER (correct; you may reword it):
                %s""".formatted(answerIn, String.join("\n", facts.stream().map(f -> "- " + f).toList()), draft);
    }
}
