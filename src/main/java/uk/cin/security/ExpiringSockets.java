package uk.cin.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webflux.GraphQlWebSocketHandler;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import uk.cin.api.RequestIds;

/**
 * A WebSocket lives no longer than the token it was opened with. Its subscriptions end
 * with TOKEN_EXPIRED when the token does (DeadlineSubscriptions); a moment later the
 * connection itself is closed with 4401, so a client cannot keep an authenticated socket
 * open past its token and must reconnect with a new one.
 */
@Configuration(proxyBeanMethods = false)
public class ExpiringSockets {

	/** The graphql-transport-ws code for "Unauthorized". */
	public static final int TOKEN_EXPIRED_CLOSE = 4401;

	/**
	 * Lets each subscription's TOKEN_EXPIRED error reach the client before the close
	 * frame.
	 */
	static final Duration GRACE = Duration.ofSeconds(1);

	private final Map<String, WebSocketSession> open = new ConcurrentHashMap<>();

	private final Map<String, Disposable> closings = new ConcurrentHashMap<>();

	private final Clock clock;

	public ExpiringSockets(Clock clock) {
		this.clock = clock;
	}

	/** Spring Boot's own handler, with its settings, but knowing its open sessions. */
	@Bean
	// Not when the generator runs without a server.
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler handler, GraphQlProperties properties,
			ServerCodecConfigurer codecs) {
		GraphQlProperties.Websocket socket = properties.getWebsocket();
		return new GraphQlWebSocketHandler(handler, codecs, socket.getConnectionInitTimeout(), socket.getKeepAlive()) {
			@Override
			public Mono<Void> handle(WebSocketSession session) {
				String id = session.getId();
				open.put(id, session);
				Mono<Void> handled = super.handle(session).doFinally(signal -> forget(id));
				// The socket's work outlives its handshake's exchange: it carries the
				// handshake's correlation id.
				String requestId = session.getHandshakeInfo().getHeaders().getFirst(RequestIds.HEADER);
				return requestId == null ? handled : handled.contextWrite(RequestIds.context(requestId));
			}
		};
	}

	/** Called once the connection's token is verified (connection_init). */
	void closeWhenExpired(String sessionId, Instant expiresAt) {
		WebSocketSession session = open.get(sessionId);
		if (session == null) {
			return;
		}
		Duration left = Duration.between(clock.instant(), expiresAt).plus(GRACE);
		Disposable closing = Mono.delay(left.isNegative() ? Duration.ZERO : left)
			.flatMap(tick -> session.close(new CloseStatus(TOKEN_EXPIRED_CLOSE, "Token expired")))
			.onErrorComplete()
			.subscribe();
		Disposable earlier = closings.put(sessionId, closing);
		if (earlier != null) {
			earlier.dispose();
		}
		if (!open.containsKey(sessionId)) {
			forget(sessionId);
		}
	}

	/** How many sockets are open now (for metrics). */
	public int openCount() {
		return open.size();
	}

	/**
	 * Closes every open socket with this status (shutdown: 1001, going away); completes
	 * once each close is sent.
	 */
	public Mono<Void> closeAll(CloseStatus status) {
		return Flux.fromIterable(open.values()).flatMap(session -> session.close(status).onErrorComplete()).then();
	}

	private void forget(String id) {
		open.remove(id);
		Disposable closing = closings.remove(id);
		if (closing != null) {
			closing.dispose();
		}
	}

}
