package org.switchboard.portal.testplugins;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A messaging provider on a local port, for the test channel plugin to send to (see {@link TestPlugins}): it records
 * every message it receives and answers as scripted, like a provider's sandbox.
 *
 * <p>Unscripted requests are accepted with a fresh provider id ({@code prov-1}, {@code prov-2}, …).
 */
public final class FakeProvider implements AutoCloseable {

    /** One message as the provider received it. */
    public record Received(String idempotencyKey, String recipient, String text) {
    }

    /** One scripted answer. */
    public record Answer(int status, String body) {

        /** 200 with the provider's id for the message. */
        public static Answer accepted(String providerId) {
            return new Answer(200, providerId);
        }

        public static Answer status(int status, String body) {
            return new Answer(status, body);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Answer> script = new ArrayDeque<>();
    private final AtomicInteger ids = new AtomicInteger();
    private Answer always;
    private CountDownLatch hold;

    private FakeProvider(HttpServer server) {
        this.server = server;
    }

    /** Starts a provider on a free port of 127.0.0.1. */
    public static FakeProvider start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeProvider provider = new FakeProvider(server);
            server.createContext("/messages", provider::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return provider;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the channel plugin sends messages: the value of its {@code url} setting. */
    public String url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/messages").toString();
    }

    /** The next requests get these answers, in order; later ones are accepted again. */
    public synchronized FakeProvider answer(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    /** Every request from now on gets this answer. */
    public synchronized FakeProvider answerAlways(Answer answer) {
        this.always = answer;
        return this;
    }

    /** The next requests are received (and recorded) but not answered until {@link #release()}. */
    public synchronized void hold() {
        hold = new CountDownLatch(1);
    }

    /** Answers the held requests. */
    public synchronized void release() {
        if (hold != null) {
            hold.countDown();
            hold = null;
        }
    }

    /** The messages received so far, oldest first. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("X-Recipient"), text));
            CountDownLatch held;
            Answer answer;
            synchronized (this) {
                held = hold;
                answer = !script.isEmpty() ? script.poll()
                        : always != null ? always
                        : Answer.accepted("prov-" + ids.incrementAndGet());
            }
            if (held != null) {
                awaitRelease(held);
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void awaitRelease(CountDownLatch held) {
        try {
            // Bounded, so a test that forgets to release cannot hang the build.
            held.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
