package uk.cin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;

/**
 * The token of a WebSocket comes in connection_init, as {"Authorization": "Bearer …"} or
 * as Hasura's (and many clients') {"headers": {"Authorization": "Bearer …"}}; either way
 * a token that is not valid closes the socket with 4401.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConnectionInitIT {

	private static final String QUERY = "{ authorities { code } }";

	@LocalServerPort
	int port;

	private WebSocketGraphQlClient client(Map<String, Object> payload) {
		return WebSocketGraphQlClient
			.builder(URI.create("ws://localhost:" + port + "/graphql"), new ReactorNettyWebSocketClient())
			.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(payload);
				}
			})
			.build();
	}

	private List<?> authorities(Map<String, Object> payload) {
		WebSocketGraphQlClient client = client(payload);
		try {
			return client.document(QUERY).retrieve("authorities").toEntity(List.class).block(Duration.ofSeconds(20));
		}
		finally {
			client.stop().block(Duration.ofSeconds(10));
		}
	}

	private String refusal(Map<String, Object> payload) {
		WebSocketGraphQlClient client = client(payload);
		try {
			Throwable[] failure = new Throwable[1];
			assertThatThrownBy(() -> client.document(QUERY)
				.retrieve("authorities")
				.toEntity(List.class)
				.block(Duration.ofSeconds(20))).satisfies(e -> failure[0] = e);
			return String.valueOf(failure[0].getMessage());
		}
		finally {
			client.stop().block(Duration.ofSeconds(10));
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "Authorization", "authorization" })
	void theTokenAtTheTopLevelIsAccepted(String name) {
		assertThat(authorities(Map.of(name, TestTokens.bearer(TestTokens.manager("camden"))))).isNotEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "Authorization", "authorization" })
	void theTokenUnderHeadersIsAccepted(String name) {
		assertThat(authorities(Map.of("headers", Map.of(name, TestTokens.bearer(TestTokens.manager("camden"))))))
			.isNotEmpty();
	}

	@Test
	void aBadTokenIsRefusedInEitherForm() {
		String bad = TestTokens
			.bearer(TestTokens.token("s", "camden", "TEAM_MANAGER", Duration.ofSeconds(-120), List.of("team-a")));
		assertThat(refusal(Map.of("Authorization", bad))).contains("4401");
		assertThat(refusal(Map.of("headers", Map.of("Authorization", bad)))).contains("4401");
		assertThat(refusal(Map.of("headers", Map.of("Authorization", "Bearer not-a-token")))).contains("4401");
		assertThat(refusal(Map.of("headers", "Bearer " + TestTokens.manager("camden")))).contains("4401");
		assertThat(refusal(Map.of())).contains("4401");
	}

}
