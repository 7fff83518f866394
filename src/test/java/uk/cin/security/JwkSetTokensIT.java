package uk.cin.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * With keys from an identity provider's JWK set (jwk-set-uri, no issuer-uri), a token is
 * still checked for the issuer named in cin.security.token-issuer and the configured
 * audience, as with any other source of keys.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JwkSetTokensIT {

	private static final AtomicInteger SERVED = new AtomicInteger();

	private static HttpServer keys;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void keysFromAJwkSet(DynamicPropertyRegistry registry) throws IOException {
		keys = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		keys.createContext("/jwks.json", exchange -> {
			SERVED.incrementAndGet();
			byte[] body = TestTokens.publicJwkSet().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		keys.start();
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
				() -> "http://127.0.0.1:" + keys.getAddress().getPort() + "/jwks.json");
	}

	@AfterAll
	static void stop() {
		keys.stop(0);
	}

	@Test
	void aTokenVerifiedByAJwkSetMustNameTheIssuerAndTheAudience() {
		assertThat(status(TestTokens.changed(c -> {
		}))).as("a good token").isEqualTo(200);
		assertThat(SERVED.get()).as("its key came from the JWK set").isPositive();
		assertThat(status(TestTokens.changed(c -> c.issuer("https://elsewhere.example")))).as("another issuer")
			.isEqualTo(401);
		assertThat(status(TestTokens.changed(c -> c.claims(all -> all.remove("iss"))))).as("no issuer").isEqualTo(401);
		assertThat(status(TestTokens.changed(c -> c.audience(List.of("another-app"))))).as("another audience")
			.isEqualTo(401);
		assertThat(status(TestTokens.changed(c -> c.claims(all -> all.remove("aud"))))).as("no audience")
			.isEqualTo(401);
		assertThat(status(TestTokens.changed(c -> c.claims(all -> all.remove("exp"))))).as("no expiry").isEqualTo(401);
	}

	private int status(String token) {
		return WebClient.create("http://localhost:" + port)
			.post()
			.uri("/graphql")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\": \"{ authorities { code } }\"}")
			.exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value()))
			.block();
	}

}
