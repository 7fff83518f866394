package uk.cin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;

/**
 * Cross-origin requests as a browser sends them, with cin.cors.allowed-origins listing
 * one portal: from that origin the preflight, the POST, an SSE stream and the WebSocket
 * handshake are answered with the CORS headers; from any other origin each is refused
 * with 403 and runs nothing. The service's own origin needs no listing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "cin.cors.allowed-origins=" + CrossOriginIT.PORTAL)
class CrossOriginIT {

	static final String PORTAL = "http://portal.example:5173";

	static final String UNLISTED = "http://elsewhere.example";

	private static final String QUERY = "{\"query\":\"{ authorities { code } }\"}";

	private static final String SUBSCRIPTION = "{\"query\":\"subscription { deadlinesChanged(authorityCode: "
			+ "\\\"camden\\\") { id } }\"}";

	record Answer(int status, HttpHeaders headers, String body) {

		String allowedOrigin() {
			return headers.getFirst(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
		}
	}

	@LocalServerPort
	int port;

	private Answer preflight(String origin, String path) {
		return WebClient.create("http://localhost:" + port)
			.options()
			.uri(path)
			.header(HttpHeaders.ORIGIN, origin)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
			.exchangeToMono(r -> r.bodyToMono(String.class)
				.defaultIfEmpty("")
				.map(b -> new Answer(r.statusCode().value(), r.headers().asHttpHeaders(), b)))
			.block(Duration.ofSeconds(30));
	}

	private Answer post(String origin, String accept, String body) {
		var request = WebClient.create("http://localhost:" + port)
			.method(HttpMethod.POST)
			.uri("/graphql")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.manager("camden")))
			.header(HttpHeaders.ACCEPT, accept)
			.contentType(MediaType.APPLICATION_JSON);
		if (origin != null) {
			request = request.header(HttpHeaders.ORIGIN, origin);
		}
		if (MediaType.TEXT_EVENT_STREAM_VALUE.equals(accept)) {
			// A stream does not end: its status and headers, then it is cancelled.
			var entity = request.bodyValue(body)
				.retrieve()
				.onStatus(status -> true, response -> Mono.empty())
				.toEntityFlux(String.class)
				.block(Duration.ofSeconds(30));
			entity.getBody().subscribe().dispose();
			return new Answer(entity.getStatusCode().value(), entity.getHeaders(), "");
		}
		return request.bodyValue(body)
			.exchangeToMono(r -> r.bodyToMono(String.class)
				.defaultIfEmpty("")
				.map(b -> new Answer(r.statusCode().value(), r.headers().asHttpHeaders(), b)))
			.block(Duration.ofSeconds(30));
	}

	@Test
	void aListedOriginsPreflightIsAnsweredWithoutAToken() {
		Answer answer = preflight(PORTAL, "/graphql");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.allowedOrigin()).isEqualTo(PORTAL);
		assertThat(answer.headers().getAccessControlAllowMethods()).contains(HttpMethod.POST);
		assertThat(answer.headers().getAccessControlAllowHeaders()).isNotEmpty();
		assertThat(answer.headers().getAccessControlAllowCredentials()).isFalse();
	}

	@Test
	void anUnlistedOriginsPreflightIsRefused() {
		for (String origin : List.of(UNLISTED, "http://portal.example:5174", "https://portal.example:5173")) {
			Answer answer = preflight(origin, "/graphql");
			assertThat(answer.status()).as(origin).isEqualTo(403);
			assertThat(answer.allowedOrigin()).as(origin).isNull();
		}
	}

	@Test
	void aListedOriginsPostRunsAndIsReadable() {
		Answer answer = post(PORTAL, MediaType.APPLICATION_JSON_VALUE, QUERY);
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.allowedOrigin()).isEqualTo(PORTAL);
		assertThat(answer.headers().getAccessControlExposeHeaders()).contains("X-Request-Id");
		assertThat(answer.body()).contains("camden").doesNotContain("errors");
	}

	@Test
	void anUnlistedOriginsPostIsRefusedAndRunsNothing() {
		Answer answer = post(UNLISTED, MediaType.APPLICATION_JSON_VALUE, QUERY);
		assertThat(answer.status()).isEqualTo(403);
		assertThat(answer.allowedOrigin()).isNull();
		assertThat(answer.body()).doesNotContain("camden");
	}

	@Test
	void theServicesOwnOriginAndClientsWithoutAnOriginNeedNoListing() {
		assertThat(post("http://localhost:" + port, MediaType.APPLICATION_JSON_VALUE, QUERY).body()).contains("camden");
		assertThat(post(null, MediaType.APPLICATION_JSON_VALUE, QUERY).body()).contains("camden");
	}

	@Test
	void anSseStreamIsOpenToAListedOriginOnly() {
		Answer listed = post(PORTAL, MediaType.TEXT_EVENT_STREAM_VALUE, SUBSCRIPTION);
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.headers().getContentType().isCompatibleWith(MediaType.TEXT_EVENT_STREAM)).isTrue();
		assertThat(listed.allowedOrigin()).isEqualTo(PORTAL);

		Answer unlisted = post(UNLISTED, MediaType.TEXT_EVENT_STREAM_VALUE, SUBSCRIPTION);
		assertThat(unlisted.status()).isEqualTo(403);
		assertThat(unlisted.allowedOrigin()).isNull();
	}

	@Test
	void theWebSocketHandshakeChecksTheOrigin() throws Exception {
		assertThat(handshake(PORTAL)).isEqualTo("acknowledged");
		assertThat(handshake("http://localhost:" + port)).isEqualTo("acknowledged");
		assertThat(handshake(UNLISTED)).contains("403");
	}

	/** "acknowledged" once connection_ack arrives, or the handshake's failure. */
	private String handshake(String origin) throws Exception {
		CompletableFuture<String> outcome = new CompletableFuture<>();
		WebSocketHandler handler = new WebSocketHandler() {
			@Override
			public List<String> getSubProtocols() {
				return List.of("graphql-transport-ws");
			}

			@Override
			public Mono<Void> handle(WebSocketSession session) {
				String init = "{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\""
						+ TestTokens.bearer(TestTokens.manager("camden")) + "\"}}";
				return session.send(Mono.just(session.textMessage(init)))
					.thenMany(session.receive().map(WebSocketMessage::getPayloadAsText))
					.filter(text -> text.contains("connection_ack"))
					.next()
					.doOnNext(ack -> outcome.complete("acknowledged"))
					.then(session.close());
			}
		};
		HttpHeaders headers = new HttpHeaders();
		headers.setOrigin(origin);
		new ReactorNettyWebSocketClient().execute(URI.create("ws://localhost:" + port + "/graphql"), headers, handler)
			.subscribe(done -> {
			}, failed -> outcome.complete(String.valueOf(failed.getMessage())),
					() -> outcome.complete("closed without connection_ack"));
		return outcome.get(30, TimeUnit.SECONDS);
	}

}
