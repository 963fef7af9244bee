package org.switchboard.portal.agent;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OpenID Connect provider as far as the portal sees it, following the contract: a discovery document, a JWKS
 * with the signing key, and a token endpoint that trades a code for an RS256-signed ID token. The browser part
 * (the provider's login page) is played by the test: it hands out a code for a user with {@link #codeFor}.
 */
final class FakeOidcProvider implements AutoCloseable {

    static final String CLIENT_ID = "switchboard-test";
    static final String CLIENT_SECRET = "client-secret-" + UUID.randomUUID();

    private record User(String email, boolean verified, String name, String nonce) {
    }

    private final HttpServer server;
    private final RSAKey key;
    private final Map<String, User> codes = new ConcurrentHashMap<>();

    FakeOidcProvider() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-key").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/jwks", exchange -> reply(exchange, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/token", this::token);
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What the provider's login page would do: the user signed in, here is a code for the portal's callback. */
    String codeFor(String email, boolean verified, String name, String nonce) {
        String code = UUID.randomUUID().toString();
        codes.put(code, new User(email, verified, name, nonce));
        return code;
    }

    private void discovery(HttpExchange exchange) throws IOException {
        String issuer = issuer();
        reply(exchange, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                 "jwks_uri":"%1$s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"scopes_supported":["openid","email","profile"],
                 "token_endpoint_auth_methods_supported":["client_secret_basic"]}""".formatted(issuer));
    }

    private void token(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String expected = "Basic " + java.util.Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        String code = java.util.Arrays.stream(form.split("&")).filter(p -> p.startsWith("code="))
                .map(p -> java.net.URLDecoder.decode(p.substring(5), StandardCharsets.UTF_8)).findFirst().orElse("");
        User user = codes.remove(code);
        if (!expected.equals(auth) || user == null) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] body = "{\"error\":\"invalid_grant\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
            return;
        }
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer()).subject("sub-" + user.email())
                .audience(CLIENT_ID).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", user.nonce()).claim("email", user.email()).claim("email_verified", user.verified())
                .claim("name", user.name()).build();
        try {
            SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            idToken.sign(new RSASSASigner(key));
            reply(exchange, """
                    {"access_token":"%s","token_type":"Bearer","expires_in":300,"scope":"openid email",
                     "id_token":"%s"}""".formatted(UUID.randomUUID(), idToken.serialize()));
        } catch (JOSEException e) {
            throw new IOException(e);
        }
    }

    private static void reply(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
