package uk.cin.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.cin.CinApplication;
import uk.cin.api.RequestIds;
import uk.cin.live.DeadlineSubscriptions;
import uk.cin.security.TestTokens;

/**
 * Shutting down (its own service instance, closed by the test): a WebSocket subscription
 * ends with SHUTTING_DOWN and its socket is closed with 1001, an SSE subscription ends
 * the same way and its stream finishes, and a mutation in flight when the shutdown starts
 * still gets its answer.
 */
class GracefulShutdownIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The lock every write that records a change takes last (ChangeRecorder): holding it
	 * keeps a write in flight.
	 */
	private static final long CHANGE_ORDER_LOCK = 7_261_001L;

	@Test
	void subscriptionsEndSocketsGoAwayAndARequestInFlightIsAnswered() throws Exception {
		// A generous time limit: the mutation held in flight must not be ended by it.
		ConfigurableApplicationContext context = new SpringApplicationBuilder(CinApplication.class)
			.run("--server.port=0", "--cin.limits.timeout=60s");
		CompletableFuture<Void> closing = null;
		try {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			WebClient http = WebClient.builder()
				.baseUrl("http://localhost:" + port)
				.defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.manager("derby")))
				.build();
			String family = call(http, "mutation { createFamily(input: {authorityCode: \"derby\", name: \"Closing\"})"
					+ " { family { id } } }")
				.at("/data/createFamily/family/id")
				.asString();
			String child = call(http, "mutation { addChild(input: {familyId: \"" + family + "\", givenName: \"C\","
					+ " familyName: \"D\"}) { child { id } } }")
				.at("/data/addChild/child/id")
				.asString();
			String plan = call(http, "mutation { openPlan(input: {childId: \"" + child + "\", startReason:"
					+ " AFTER_ASSESSMENT, referralDate: \"2026-09-01\", triggerDate: \"2026-10-01\"}) { plan { id } } }")
				.at("/data/openPlan/plan/id")
				.asString();

			// A subscription over WebSocket, watching every message and how the socket
			// ends.
			List<String> socketMessages = new CopyOnWriteArrayList<>();
			AtomicReference<CloseStatus> socketClosed = new AtomicReference<>();
			Disposable socket = new ReactorNettyWebSocketClient()
				.execute(URI.create("ws://localhost:" + port + "/graphql"),
						subscriber(plan, socketMessages, socketClosed))
				.subscribe(done -> {
				}, e -> {
				});
			// And one over SSE.
			List<String> sseEvents = new CopyOnWriteArrayList<>();
			AtomicBoolean sseFinished = new AtomicBoolean();
			Disposable sse = http.post()
				.uri("/graphql")
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.TEXT_EVENT_STREAM)
				.header(RequestIds.HEADER, "shutting-down-sse")
				.bodyValue(Map.of("query", "subscription($p: ID!) { deadlinesChanged(planId: $p) { id } }", "variables",
						Map.of("p", plan)))
				.retrieve()
				.bodyToFlux(String.class)
				.subscribe(sseEvents::add, e -> {
				}, () -> sseFinished.set(true));
			DeadlineSubscriptions live = context.getBean(DeadlineSubscriptions.class);
			Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> live.activeSubscriptions() == 2);

			try (Connection owner = DriverManager
				.getConnection(context.getEnvironment().getRequiredProperty("spring.liquibase.url"), "cin", "cin");
					Statement sql = owner.createStatement()) {
				sql.execute("select pg_advisory_lock(" + CHANGE_ORDER_LOCK + ")");
				// A mutation that will wait for the lock: in flight when the shutdown
				// starts.
				CompletableFuture<JsonNode> inFlight = CompletableFuture.supplyAsync(() -> call(http,
						"mutation {" + " recordMeeting(input: {planId: \"" + plan
								+ "\", kind: REVIEW, heldOn: \"2026-10-14\","
								+ " chairRole: CIN_REVIEWING_OFFICER}) { meeting { id } userErrors { code } } }"));
				Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> waitingForTheLock(sql));

				closing = CompletableFuture.runAsync(context::close);

				// Subscriptions end first: an error naming the shutdown, then the
				// WebSocket goes away (1001) and the SSE stream finishes.
				Awaitility.await()
					.atMost(Duration.ofSeconds(15))
					.until(() -> socketClosed.get() != null && sseFinished.get());
				assertThat(socketClosed.get().getCode()).isEqualTo(CloseStatus.GOING_AWAY.getCode());
				assertThat(socketMessages).anySatisfy(text -> {
					JsonNode message = JSON.readTree(text);
					assertThat(message.at("/type").asString()).isEqualTo("error");
					assertThat(message.at("/id").asString()).isEqualTo("1");
					assertThat(message.at("/payload/0/extensions/code").asString())
						.isEqualTo(DeadlineSubscriptions.SHUTTING_DOWN);
					assertThat(message.at("/payload/0/extensions/correlationId").asString()).isNotBlank();
				});
				assertThat(sseEvents).anySatisfy(data -> assertThat(data).contains(DeadlineSubscriptions.SHUTTING_DOWN)
					.contains("\"correlationId\":\"shutting-down-sse\""));
				// The mutation is still waiting, and the service with it: its answer is
				// due.
				assertThat(inFlight).isNotDone();
				assertThat(closing).isNotDone();

				sql.execute("select pg_advisory_unlock(" + CHANGE_ORDER_LOCK + ")");
				JsonNode answer = inFlight.get(20, TimeUnit.SECONDS);
				assertThat(answer.has("errors")).as(answer.toString()).isFalse();
				assertThat(answer.at("/data/recordMeeting/meeting/id").asString()).isNotBlank();
				assertThat(answer.at("/data/recordMeeting/userErrors").size()).isZero();
			}
			closing.get(30, TimeUnit.SECONDS);
			assertThat(context.isActive()).isFalse();
			socket.dispose();
			sse.dispose();
		}
		finally {
			if (closing == null) {
				context.close();
			}
		}
	}

	private static JsonNode call(WebClient http, String query) {
		return JSON.readTree(http.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", query))
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(60)));
	}

	private static boolean waitingForTheLock(Statement sql) throws Exception {
		try (ResultSet waiting = sql
			.executeQuery("select count(*) from pg_locks where locktype = 'advisory'" + " and not granted")) {
			waiting.next();
			return waiting.getLong(1) > 0;
		}
	}

	/**
	 * graphql-transport-ws by hand: init, subscribe once acknowledged, keep every message
	 * and the close status.
	 */
	private static WebSocketHandler subscriber(String plan, List<String> messages,
			AtomicReference<CloseStatus> closed) {
		return new WebSocketHandler() {
			@Override
			public List<String> getSubProtocols() {
				return List.of("graphql-transport-ws");
			}

			@Override
			public Mono<Void> handle(WebSocketSession session) {
				Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();
				outgoing.tryEmitNext("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\""
						+ TestTokens.bearer(TestTokens.manager("derby")) + "\"}}");
				Mono<Void> in = session.receive().map(WebSocketMessage::getPayloadAsText).doOnNext(text -> {
					messages.add(text);
					if (text.contains("connection_ack")) {
						outgoing.tryEmitNext("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":"
								+ "\"subscription { deadlinesChanged(planId: \\\"" + plan + "\\\") { id } }\"}}");
					}
				}).then();
				return Mono.when(session.send(outgoing.asFlux().map(session::textMessage)), in,
						session.closeStatus().doOnNext(closed::set));
			}
		};
	}

}
