package uk.cin.live;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import uk.cin.CinApplication;
import uk.cin.security.EventTransactions;
import uk.cin.security.TestTokens;

/**
 * Subscriptions share bounded resources with everything else. Many subscriptions whose
 * events ask for the plan's own fields (read from the database for each event) while
 * plans are written: the writes and another authority's queries still answer promptly and
 * without error, subscribers that cannot be served in time are told so with a code, and
 * nothing is logged as a failure. And one caller cannot open subscriptions without end:
 * past the limit for a WebSocket, or for the caller (SSE streams counted), a subscription
 * is refused with TOO_MANY_SUBSCRIPTIONS.
 *
 * <p>
 * Its own service, with a small pool (6) of which subscription events may use 2 at a
 * time.
 */
class SubscriptionLimitsIT {

	private static final int PER_SOCKET = 25;

	private static final int PER_CALLER = 50;

	private static final String WATCH_PLANS = "subscription { deadlinesChanged(authorityCode: \"camden\") {"
			+ " id plan { isOverdue child { id } } } }";

	private static ConfigurableApplicationContext service;

	private static int port;

	@BeforeAll
	static void start() {
		service = new SpringApplicationBuilder(CinApplication.class).run("--server.port=0",
				"--spring.r2dbc.pool.initial-size=2", "--spring.r2dbc.pool.max-size=6",
				"--spring.r2dbc.pool.max-acquire-time=3s", "--cin.limits.timeout=20s",
				"--cin.live.event-transactions=2", "--cin.live.event-wait=2s",
				"--cin.live.max-subscriptions-per-socket=" + PER_SOCKET,
				"--cin.live.max-subscriptions-per-caller=" + PER_CALLER);
		port = ((WebServerApplicationContext) service).getWebServer().getPort();
	}

	@AfterAll
	static void stop() {
		service.close();
	}

	private static String manager(String subject, String authority) {
		return TestTokens.token(subject, authority, "TEAM_MANAGER", Duration.ofHours(1), List.of("team-a"));
	}

	private record Answer(JsonNode body, long millis) {
	}

	private static Answer call(String token, String query, Map<String, Object> variables) {
		long began = System.nanoTime();
		String body = WebClient.create("http://localhost:" + port)
			.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
			.bodyValue(Map.of("query", query, "variables", variables))
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(60));
		return new Answer(GraphQlSocket.JSON.readTree(body), (System.nanoTime() - began) / 1_000_000);
	}

	private static List<String> children(String token, String name, int count) {
		String family = call(token,
				"mutation($n: String!) { createFamily(input: {authorityCode: \"camden\","
						+ " name: $n}) { family { id } } }",
				Map.of("n", name))
			.body()
			.at("/data/createFamily/family/id")
			.asString();
		List<String> children = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			children.add(call(token,
					"mutation($f: ID!) { addChild(input: {familyId: $f, givenName: \"L\","
							+ " familyName: \"M\"}) { child { id } } }",
					Map.of("f", family))
				.body()
				.at("/data/addChild/child/id")
				.asString());
		}
		return children;
	}

	private static Answer openPlan(String token, String child) {
		return call(token, "mutation($c: ID!) { openPlan(input: {childId: $c, startReason: AFTER_ASSESSMENT,"
				+ " referralDate: \"2026-09-01\", triggerDate: \"2026-10-01\"}) { plan { id } userErrors { code } } }",
				Map.of("c", child));
	}

	@Test
	void manySubscriptionsNeitherHoldUpWritesNorAnotherAuthoritysQueries() throws Exception {
		String writer = manager("load-writer", "camden");
		List<String> children = children(writer, "Load", 20);
		String derby = manager("load-reader", "derby");
		DeadlineSubscriptions live = service.getBean(DeadlineSubscriptions.class);
		int before = live.activeSubscriptions();

		// Two callers, two sockets each, as many subscriptions on each as a socket may
		// have.
		List<GraphQlSocket> sockets = new ArrayList<>();
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		ListAppender<ILoggingEvent> logged = new ListAppender<>();
		try {
			for (int s = 0; s < 4; s++) {
				GraphQlSocket socket = GraphQlSocket.open(port, manager("load-" + (s / 2), "camden"));
				sockets.add(socket);
				for (int i = 1; i <= PER_SOCKET; i++) {
					socket.subscribe(Integer.toString(i), WATCH_PLANS, Map.of());
				}
			}
			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.until(() -> live.activeSubscriptions() - before == 4 * PER_SOCKET);
			logged.start();
			root.addAppender(logged);
			EventTransactions transactions = service.getBean(EventTransactions.class);
			long transactionsBefore = transactions.started();

			// Another authority's caseload, asked again and again while camden's plans
			// are written.
			AtomicBoolean writing = new AtomicBoolean(true);
			List<Answer> queries = new CopyOnWriteArrayList<>();
			CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
				while (writing.get()) {
					queries.add(call(derby, "{ plans(first: 5) { edges { node { id isOverdue child { id } } } } }",
							Map.of()));
				}
			});
			List<Answer> writes = new ArrayList<>();
			try {
				for (String child : children) {
					writes.add(openPlan(writer, child));
				}
			}
			finally {
				writing.set(false);
			}
			reading.get(60, TimeUnit.SECONDS);

			// Every write and query answered, without error, and none waited long
			// (generous: a loaded 2-core machine); before subscription events shared a
			// bounded number of connections, they waited for the pool past its acquire
			// time and failed.
			assertThat(writes).allSatisfy(w -> {
				assertThat(w.body().has("errors")).as(w.body().toString()).isFalse();
				assertThat(w.body().at("/data/openPlan/userErrors").size()).isZero();
			});
			assertThat(queries).isNotEmpty()
				.allSatisfy(q -> assertThat(q.body().has("errors")).as(q.body().toString()).isFalse());
			assertThat(writes.stream().mapToLong(Answer::millis).max().orElseThrow()).isLessThan(10_000);
			assertThat(queries.stream().mapToLong(Answer::millis).max().orElseThrow()).isLessThan(10_000);

			// Subscribers were served: events arrived, and a subscriber not served in
			// time was told why, with a code.
			int[] seen = { -1 };
			Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3)).until(() -> {
				int now = sockets.stream().mapToInt(s -> s.received().size()).sum();
				boolean settled = now > 0 && now == seen[0];
				seen[0] = now;
				return settled;
			});
			List<JsonNode> messages = sockets.stream().flatMap(s -> s.received().stream()).toList();
			// What every subscriber of an event asked of its plan was read once, and
			// their audit rows written together: a few transactions an event, where each
			// subscriber took two or three of its own before.
			long deliveries = messages.stream().filter(m -> m.at("/type").asString().equals("next")).count();
			assertThat(transactions.started() - transactionsBefore).isLessThan(deliveries / 4);
			assertThat(messages).anySatisfy(m -> {
				assertThat(m.at("/type").asString()).isEqualTo("next");
				assertThat(m.at("/payload/data/deadlinesChanged/plan/child/id").asString()).isNotBlank();
			});
			for (JsonNode message : messages) {
				JsonNode errors = message.at("/type").asString().equals("error") ? message.at("/payload")
						: message.at("/payload/errors");
				for (JsonNode error : errors) {
					assertThat(error.at("/extensions/code").asString()).as(message.toString())
						.isEqualTo("SUBSCRIPTIONS_BUSY");
				}
			}
			// No failure logged, let alone a stack trace for each subscriber.
			assertThat(logged.list).noneSatisfy(event -> assertThat(
					event.getLevel().isGreaterOrEqual(Level.ERROR) || event.getThrowableProxy() != null)
				.as(event.getFormattedMessage())
				.isTrue());
		}
		finally {
			root.detachAppender(logged);
			sockets.forEach(GraphQlSocket::close);
		}
	}

	@Test
	void pastTheLimitOfASocketOrOfACallerASubscriptionIsRefusedWithItsCode() throws Exception {
		String token = manager("caps", "camden");
		String writer = manager("caps-writer", "camden");
		List<String> children = children(writer, "Caps", 2);
		String query = "subscription { deadlinesChanged(authorityCode: \"camden\") { id } }";
		try (GraphQlSocket first = GraphQlSocket.open(port, token);
				GraphQlSocket second = GraphQlSocket.open(port, token);
				GraphQlSocket third = GraphQlSocket.open(port, token)) {
			for (int i = 1; i <= PER_SOCKET + 1; i++) {
				first.subscribe(Integer.toString(i), query, Map.of());
			}
			// One more than a socket may have: refused, naming the limit; the socket and
			// the others stay. (The server starts subscriptions concurrently: any one of
			// them may be the one refused.)
			Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> first.received("error").size() == 1);
			JsonNode refusal = first.received("error").get(0);
			JsonNode refused = refusal.at("/payload/0");
			assertThat(refused.at("/extensions/code").asString()).isEqualTo("TOO_MANY_SUBSCRIPTIONS");
			assertThat(refused.at("/extensions/limit").asInt()).isEqualTo(PER_SOCKET);
			assertThat(refused.at("/message").asString()).contains(Integer.toString(PER_SOCKET));

			// The caller's second socket takes it to the caller's limit.
			for (int i = 1; i <= PER_SOCKET; i++) {
				second.subscribe(Integer.toString(i), query, Map.of());
			}
			Thread.sleep(1_000);
			assertThat(openPlan(writer, children.get(0)).body().has("errors")).isFalse();
			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.until(() -> first.received("next").size() == PER_SOCKET
						&& second.received("next").size() == PER_SOCKET);
			assertThat(first.received("error")).hasSize(1);
			assertThat(second.received("error")).isEmpty();

			// Then neither another socket nor an SSE stream of the same caller may add
			// one.
			third.subscribe("1", query, Map.of());
			Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> third.errorOf("1") != null);
			assertThat(third.errorOf("1").at("/payload/0/extensions/code").asString())
				.isEqualTo("TOO_MANY_SUBSCRIPTIONS");
			assertThat(third.errorOf("1").at("/payload/0/extensions/limit").asInt()).isEqualTo(PER_CALLER);
			List<String> refusedStream = sse(token, query).take(Duration.ofSeconds(10))
				.collectList()
				.block(Duration.ofSeconds(20));
			assertThat(refusedStream).anySatisfy(
					data -> assertThat(data).contains("TOO_MANY_SUBSCRIPTIONS").contains("\"limit\":" + PER_CALLER));

			// One ended makes room for one more: an SSE stream now receives the next
			// change.
			String accepted = refusal.at("/id").asString().equals("1") ? "2" : "1";
			first.complete(accepted);
			List<String> events = new CopyOnWriteArrayList<>();
			Disposable[] stream = new Disposable[1];
			try {
				// The completion is handled asynchronously: open the stream until it is
				// not refused.
				Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
					if (stream[0] != null) {
						stream[0].dispose();
					}
					events.clear();
					stream[0] = sse(token, query).subscribe(events::add, e -> {
					});
					Thread.sleep(1_000);
					return events.stream().noneMatch(data -> data.contains("TOO_MANY_SUBSCRIPTIONS"));
				});
				assertThat(openPlan(writer, children.get(1)).body().has("errors")).isFalse();
				Awaitility.await()
					.atMost(Duration.ofSeconds(20))
					.until(() -> events.stream().anyMatch(data -> data.contains("deadlinesChanged")));
				assertThat(events).noneMatch(data -> data.contains("TOO_MANY_SUBSCRIPTIONS"));
			}
			finally {
				if (stream[0] != null) {
					stream[0].dispose();
				}
			}
		}
	}

	@Test
	void anEventThatCannotGetItsTurnInTimeEndsItsSubscriptionWithACodeAndLogsNothing() throws Exception {
		String writer = manager("busy-writer", "camden");
		List<String> children = children(writer, "Busy", 1);
		String token = manager("busy", "camden");
		EventTransactions transactions = service.getBean(EventTransactions.class);
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		ListAppender<ILoggingEvent> logged = new ListAppender<>();
		List<Disposable> holds = new ArrayList<>();
		List<String> streamed = new CopyOnWriteArrayList<>();
		Disposable stream = null;
		try (GraphQlSocket socket = GraphQlSocket.open(port, token)) {
			socket.subscribe("1", WATCH_PLANS, Map.of());
			stream = sse(token, WATCH_PLANS).subscribe(streamed::add, e -> {
			});
			DeadlineSubscriptions live = service.getBean(DeadlineSubscriptions.class);
			Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> live.activeSubscriptions() >= 2);
			logged.start();
			root.addAppender(logged);
			// Every turn taken (as by events stuck on a slow database), and none given
			// back.
			for (int i = 0; i < 2; i++) {
				holds.add(transactions.mono(Mono.never()).subscribe());
			}
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> transactions.running() == 2);

			// Writes and other queries do not wait for turns: they are answered as usual.
			Answer write = openPlan(writer, children.get(0));
			assertThat(write.body().has("errors")).as(write.body().toString()).isFalse();
			Answer query = call(manager("busy-reader", "derby"),
					"{ plans(first: 5) { edges { node { id isOverdue" + " } } } }", Map.of());
			assertThat(query.body().has("errors")).as(query.body().toString()).isFalse();

			// The event's reads got no turn within the wait (2 s): each subscription ends
			// with the code, over WebSocket and SSE.
			Awaitility.await()
				.atMost(Duration.ofSeconds(20))
				.until(() -> socket.errorOf("1") != null
						&& streamed.stream().anyMatch(data -> data.contains("SUBSCRIPTIONS_BUSY")));
			JsonNode error = socket.errorOf("1").at("/payload/0");
			assertThat(error.at("/extensions/code").asString()).isEqualTo("SUBSCRIPTIONS_BUSY");
			assertThat(error.at("/message").asString()).contains("after:");
			assertThat(socket.received("next")).isEmpty();
			assertThat(logged.list).noneSatisfy(event -> assertThat(
					event.getLevel().isGreaterOrEqual(Level.ERROR) || event.getThrowableProxy() != null)
				.as(event.getFormattedMessage())
				.isTrue());
		}
		finally {
			root.detachAppender(logged);
			holds.forEach(Disposable::dispose);
			if (stream != null) {
				stream.dispose();
			}
		}
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> transactions.running() == 0);
	}

	private static Flux<String> sse(String token, String query) {
		return WebClient.create("http://localhost:" + port)
			.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
			.bodyValue(Map.of("query", query))
			.retrieve()
			.bodyToFlux(String.class);
	}

}
