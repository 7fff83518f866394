package uk.cin.live;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.cin.security.TestTokens;

/**
 * graphql-transport-ws by hand, for tests that need many subscriptions on one socket:
 * connects with a token, waits for connection_ack, then sends subscribe and complete
 * messages and keeps every message the server sends.
 */
public final class GraphQlSocket implements AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();

	private final List<JsonNode> received = new CopyOnWriteArrayList<>();

	private final CompletableFuture<Void> acknowledged = new CompletableFuture<>();

	private final Disposable connection;

	private GraphQlSocket(int port, String token) {
		outgoing.tryEmitNext(
				"{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"" + TestTokens.bearer(token) + "\"}}");
		WebSocketHandler handler = new WebSocketHandler() {
			@Override
			public List<String> getSubProtocols() {
				return List.of("graphql-transport-ws");
			}

			@Override
			public Mono<Void> handle(WebSocketSession session) {
				Mono<Void> in = session.receive().map(WebSocketMessage::getPayloadAsText).doOnNext(text -> {
					JsonNode message = JSON.readTree(text);
					if ("connection_ack".equals(message.at("/type").asString())) {
						acknowledged.complete(null);
					}
					else if ("ping".equals(message.at("/type").asString())) {
						outgoing.tryEmitNext("{\"type\":\"pong\"}");
					}
					else {
						received.add(message);
					}
				}).then();
				return Mono.when(session.send(outgoing.asFlux().map(session::textMessage)), in);
			}
		};
		connection = new ReactorNettyWebSocketClient()
			.execute(URI.create("ws://localhost:" + port + "/graphql"), handler)
			.subscribe(done -> {
			}, failed -> acknowledged.completeExceptionally(failed));
	}

	/** A socket that has been acknowledged (its token accepted). */
	public static GraphQlSocket open(int port, String token) {
		GraphQlSocket socket = new GraphQlSocket(port, token);
		try {
			socket.acknowledged.get(30, TimeUnit.SECONDS);
		}
		catch (Exception e) {
			socket.close();
			throw new IllegalStateException("the socket was not acknowledged", e);
		}
		return socket;
	}

	public void subscribe(String id, String query, Map<String, Object> variables) {
		ObjectNode message = JSON.createObjectNode().put("id", id).put("type", "subscribe");
		message.putObject("payload").put("query", query).set("variables", JSON.valueToTree(variables));
		outgoing.tryEmitNext(message.toString());
	}

	public void complete(String id) {
		outgoing.tryEmitNext("{\"id\":\"" + id + "\",\"type\":\"complete\"}");
	}

	/** Every message received but connection_ack and ping, in order. */
	public List<JsonNode> received() {
		return List.copyOf(received);
	}

	/** The messages of one type received so far. */
	public List<JsonNode> received(String type) {
		return received.stream().filter(m -> type.equals(m.at("/type").asString())).toList();
	}

	/** The error message received for this subscription, if any. */
	public JsonNode errorOf(String id) {
		return received("error").stream().filter(m -> id.equals(m.at("/id").asString())).findFirst().orElse(null);
	}

	@Override
	public void close() {
		outgoing.tryEmitComplete();
		connection.dispose();
	}

}
