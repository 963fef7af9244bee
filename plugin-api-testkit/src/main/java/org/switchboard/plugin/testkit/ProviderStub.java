package org.switchboard.plugin.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A real HTTP server on loopback that plays a provider's API in tests: answers are scripted per request
 * (first matching rule wins, one-shot answers before standing ones) and every request is recorded.
 *
 * <p>It follows no provider's contract by itself; a scenario scripts the documented responses of its provider.
 */
public final class ProviderStub implements AutoCloseable {

    /**
     * A scripted answer.
     *
     * @param status      HTTP status
     * @param contentType content type of the body
     * @param body        the body
     * @param headers     extra response headers
     */
    public record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {

        /** A JSON answer. */
        public static Answer json(int status, String json) {
            return new Answer(status, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        /** A plain-text answer. */
        public static Answer text(int status, String text) {
            return new Answer(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        /** The same answer with one more header. */
        public Answer withHeader(String name, String value) {
            Map<String, String> copy = new HashMap<>(headers);
            copy.put(name, value);
            return new Answer(status, contentType, body, Map.copyOf(copy));
        }
    }

    private record Rule(String method, String pathPrefix, Function<RecordedRequest, Answer> answer, boolean once) {
        boolean matches(RecordedRequest request) {
            return (method == null || method.equalsIgnoreCase(request.method()))
                    && request.path().startsWith(pathPrefix);
        }
    }

    private final HttpServer server;
    private final Deque<Rule> rules = new ArrayDeque<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final BlockingQueue<RecordedRequest> unread = new LinkedBlockingQueue<>();

    private ProviderStub(HttpServer server) {
        this.server = server;
    }

    /** Starts a stub on a free loopback port. */
    public static ProviderStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ProviderStub stub = new ProviderStub(server);
            server.createContext("/", stub::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the provider stub", e);
        }
    }

    /** The stub's base URL, e.g. {@code http://127.0.0.1:40123} (no trailing slash). */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers every matching request with {@code answer} (until {@link #reset()}). */
    public ProviderStub always(String method, String pathPrefix, Answer answer) {
        return always(method, pathPrefix, request -> answer);
    }

    /** Answers every matching request with what {@code answer} computes from it. */
    public synchronized ProviderStub always(String method, String pathPrefix,
            Function<RecordedRequest, Answer> answer) {
        rules.addLast(new Rule(method, pathPrefix, answer, false));
        return this;
    }

    /** Answers the next matching request with {@code answer}, before any standing rule. */
    public synchronized ProviderStub once(String method, String pathPrefix, Answer answer) {
        rules.addFirst(new Rule(method, pathPrefix, request -> answer, true));
        return this;
    }

    /** Forgets all rules and recorded requests. */
    public synchronized void reset() {
        rules.clear();
        requests.clear();
        unread.clear();
    }

    /** Every request received so far, oldest first. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The next request not yet taken, waiting up to {@code seconds}; fails the test if none arrives. */
    public RecordedRequest takeRequest(long seconds) {
        try {
            RecordedRequest request = unread.poll(seconds, TimeUnit.SECONDS);
            if (request == null) {
                throw new AssertionError("the provider stub received no request within " + seconds + " s");
            }
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a request", e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(headers), exchange.getRequestBody().readAllBytes());
            requests.add(request);
            unread.add(request);
            Answer answer = answerFor(request);
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                exchange.getResponseBody().write(answer.body());
            }
        }
    }

    private synchronized Answer answerFor(RecordedRequest request) {
        for (var iterator = rules.iterator(); iterator.hasNext(); ) {
            Rule rule = iterator.next();
            if (rule.matches(request)) {
                if (rule.once()) {
                    iterator.remove();
                }
                return rule.answer().apply(request);
            }
        }
        return Answer.text(404, "provider stub: no answer scripted for " + request.method() + " "
                + request.path());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
