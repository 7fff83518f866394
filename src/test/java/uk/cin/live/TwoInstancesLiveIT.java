package uk.cin.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.client.HttpGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import uk.cin.CinApplication;
import uk.cin.security.TestTokens;

/**
 * End to end, as clients see it: a subscriber on instance B over a real WebSocket
 * (graphql-transport-ws) receives the change a mutation made over HTTP on instance A;
 * over SSE too.
 */
class TwoInstancesLiveIT {

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	@BeforeAll
	static void startTwoInstances() {
		first = new SpringApplicationBuilder(CinApplication.class).run("--server.port=0");
		second = new SpringApplicationBuilder(CinApplication.class).run("--server.port=0",
				"--spring.graphql.websocket.connection-init-timeout=2s");
	}

	@AfterAll
	static void stop() {
		second.close();
		first.close();
	}

	private static final String TOKEN = TestTokens.manager("camden");

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static HttpGraphQlClient http(ConfigurableApplicationContext context) {
		return HttpGraphQlClient.builder()
			.url("http://localhost:" + port(context) + "/graphql")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TOKEN))
			.build();
	}

	/**
	 * A graphql-transport-ws client that sends the manager's token in connection_init.
	 */
	private static WebSocketGraphQlClient webSocket(ConfigurableApplicationContext context) {
		return WebSocketGraphQlClient
			.builder(URI.create("ws://localhost:" + port(context) + "/graphql"), new ReactorNettyWebSocketClient())
			.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(Map.of("Authorization", TestTokens.bearer(TOKEN)));
				}
			})
			.build();
	}

	private static String createPlan(HttpGraphQlClient a) {
		String family = a
			.document("mutation { createFamily(input: {authorityCode: \"camden\", name: \"WS\"})"
					+ " { family { id } } }")
			.retrieve("createFamily.family.id")
			.toEntity(String.class)
			.block();
		String child = a
			.document("mutation($f: ID!) { addChild(input: {familyId: $f, givenName: \"R\","
					+ " familyName: \"S\"}) { child { id } } }")
			.variable("f", family)
			.retrieve("addChild.child.id")
			.toEntity(String.class)
			.block();
		return a
			.document("mutation($c: ID!) { openPlan(input: {childId: $c, startReason: AFTER_ASSESSMENT,"
					+ " referralDate: \"2026-09-01\", triggerDate: \"2026-10-01\"}) { plan { id } } }")
			.variable("c", child)
			.retrieve("openPlan.plan.id")
			.toEntity(String.class)
			.block();
	}

	private static Mono<Void> recordMeeting(HttpGraphQlClient a, String plan) {
		return a
			.document("mutation($p: ID!) { recordMeeting(input: {planId: $p, kind: PLANNING,"
					+ " heldOn: \"2026-10-14\", chairRole: TEAM_MANAGER}) { userErrors { code } } }")
			.variable("p", plan)
			.execute()
			.then();
	}

	@Test
	void aMutationOnOneInstanceReachesAWebSocketSubscriberOnTheOther() {
		HttpGraphQlClient a = http(first);
		String plan = createPlan(a);
		WebSocketGraphQlClient b = webSocket(second);
		// Resumed from the start, so the plan's opening comes first however late instance
		// B hears of it (a subscription that started before it did would see it live):
		// then the meeting's change.
		Flux<Map> events = b
			.document("subscription($p: ID!) { deadlinesChanged(planId: $p, after: \"0\") {"
					+ " id cause changedAt nextReviewDue isOverdue plan { id status } } }")
			.variable("p", plan)
			.retrieveSubscription("deadlinesChanged")
			.toEntity(Map.class);
		StepVerifier.create(events.skip(1).take(1))
			.thenAwait(Duration.ofMillis(500))
			.then(() -> recordMeeting(a, plan).block())
			.assertNext(event -> {
				assertThat(event.get("cause")).isEqualTo("MUTATION");
				assertThat(((Map<?, ?>) event.get("plan")).get("id")).isEqualTo(plan);
				// CAM-03: 14 Oct + 3 months.
				assertThat(event.get("nextReviewDue")).isEqualTo("2027-01-14");
			})
			.expectComplete()
			.verify(Duration.ofSeconds(30));
		b.stop().block();
	}

	@Test
	void anEventCarriesThePlanAsItStandsAfterEachChange() {
		HttpGraphQlClient a = http(first);
		String plan = createPlan(a);
		WebSocketGraphQlClient b = webSocket(second);
		// The plan's own fields are read from the database while the event is sent: under
		// the subscriber's authority (row-level security), and afresh for every event.
		// Resumed from the start, as above: the plan's opening first, then the two
		// meetings' changes.
		Flux<Map> events = b
			.document("subscription($p: ID!) { deadlinesChanged(planId: $p, after: \"0\") {"
					+ " nextReviewDue isOverdue plan { id nextReviewDue isOverdue requiredChairRole"
					+ " child { givenName family { name } } deadlines { kind dueDate } } } }")
			.variable("p", plan)
			.retrieveSubscription("deadlinesChanged")
			.toEntity(Map.class);
		StepVerifier.create(events.skip(1).take(2))
			.thenAwait(Duration.ofMillis(500))
			.then(() -> recordMeeting(a, plan).block())
			.assertNext(event -> {
				Map<?, ?> changed = (Map<?, ?>) event.get("plan");
				// CAM-03: 14 Oct + 3 months.
				assertThat(changed.get("nextReviewDue")).isEqualTo("2027-01-14").isEqualTo(event.get("nextReviewDue"));
				assertThat(changed.get("isOverdue")).isEqualTo(event.get("isOverdue"));
				assertThat(((Map<?, ?>) changed.get("child")).get("givenName")).isEqualTo("R");
				assertThat(((Map<?, ?>) ((Map<?, ?>) changed.get("child")).get("family")).get("name")).isEqualTo("WS");
				assertThat((List<?>) changed.get("deadlines")).isNotEmpty();
			})
			.then(() -> a
				.document("mutation($p: ID!) { recordMeeting(input: {planId: $p, kind: REVIEW,"
						+ " heldOn: \"2026-11-20\", chairRole: TEAM_MANAGER}) { userErrors { code } } }")
				.variable("p", plan)
				.execute()
				.block())
			.assertNext(event -> {
				Map<?, ?> changed = (Map<?, ?>) event.get("plan");
				// CAM-04: the review of 20 Nov + 3 months; the first event's plan must
				// not be served again.
				assertThat(changed.get("nextReviewDue")).isEqualTo("2027-02-20").isEqualTo(event.get("nextReviewDue"));
			})
			.expectComplete()
			.verify(Duration.ofSeconds(30));
		b.stop().block();
	}

	@Test
	void aSubscriberOverSseReceivesTheChangeToo() {
		HttpGraphQlClient a = http(first);
		String plan = createPlan(a);
		Flux<String> sse = WebClient.create("http://localhost:" + port(second))
			.post()
			.uri("/graphql")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TOKEN))
			.bodyValue(Map.of("query", "subscription($p: ID!) { deadlinesChanged(planId: $p) { cause plan { id } } }",
					"variables", Map.of("p", plan)))
			.retrieve()
			.bodyToFlux(String.class);
		StepVerifier.create(sse.filter(line -> line.contains("deadlinesChanged")).take(1))
			.thenAwait(Duration.ofMillis(500))
			.then(() -> recordMeeting(a, plan).block())
			.assertNext(line -> assertThat(line).contains("MUTATION").contains(plan))
			.expectComplete()
			.verify(Duration.ofSeconds(30));
	}

	@Test
	void aSubscriptionWithoutConnectionInitIsClosed() {
		// graphql-transport-ws: a socket that never sends connection_init is closed after
		// the timeout.
		List<String> closed = new CopyOnWriteArrayList<>();
		WebSocketHandler silent = new WebSocketHandler() {
			@Override
			public List<String> getSubProtocols() {
				return List.of("graphql-transport-ws");
			}

			@Override
			public Mono<Void> handle(WebSocketSession session) {
				return session.closeStatus().doOnNext(status -> closed.add(String.valueOf(status.getCode()))).then();
			}
		};
		new ReactorNettyWebSocketClient().execute(URI.create("ws://localhost:" + port(second) + "/graphql"), silent)
			.block(Duration.ofSeconds(40));
		assertThat(closed).containsExactly("4408");
	}

}
