package org.switchboard.portal.agent;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as HTTP goes: keeps cookies, does not follow redirects, and signs in the way the login page's
 * form does (the CSRF token comes from the page's meta tags).
 */
public final class Browserish {

    private static final Pattern META = Pattern.compile("<meta name=\"(_csrf(?:_parameter)?)\" content=\"([^\"]*)\"");

    private final URI base;
    private final HttpClient http;

    public Browserish(int port) {
        this.base = URI.create("http://localhost:" + port);
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
    }

    /** Posts the login form; the answer is a redirect: to the app when signed in, to /login?error when refused. */
    public HttpResponse<String> signIn(String email, String password) {
        String page = get("/login").body();
        Map<String, String> csrf = new java.util.HashMap<>();
        Matcher matcher = META.matcher(page);
        while (matcher.find()) {
            csrf.put(matcher.group(1), matcher.group(2));
        }
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("username", email);
        form.put("password", password);
        if (csrf.containsKey("_csrf_parameter") && csrf.containsKey("_csrf")) {
            form.put(csrf.get("_csrf_parameter"), csrf.get("_csrf"));
        }
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public static boolean signedIn(HttpResponse<String> loginAnswer) {
        return loginAnswer.statusCode() == 302 && !location(loginAnswer).contains("/login");
    }

    public static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
