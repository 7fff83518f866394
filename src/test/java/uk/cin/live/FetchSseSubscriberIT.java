package uk.cin.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.cin.api.Api;
import uk.cin.security.Caller;
import uk.cin.security.TestTokens;

/**
 * A subscriber over SSE as fetch-based clients are (Node's fetch, graphql-sse in a
 * browser): the same request headers, and, like them, it holds the stream as open once
 * the response (status and headers) has arrived, then makes its change. fetch resolves
 * only on the response; a client that waits for it before writing must not wait for a
 * keep-alive (20 s), nor miss the change it makes as soon as the stream is open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class FetchSseSubscriberIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Half the keep-alive (spring.graphql.http.sse.keep-alive, 20 s), which would also
	 * open the response.
	 */
	private static final Duration PROMPTLY = Duration.ofSeconds(10);

	@Autowired
	HttpGraphQlTester tester;

	@Autowired
	DeadlineSubscriptions live;

	@LocalServerPort
	int port;

	@Test
	void theStreamOpensAtOnceAndTheChangeMadeThenArrives() throws Exception {
		Api api = new Api(tester);
		String plan = api.openPlan(api.addChild(api.createFamily("camden", "Fetch"), "F", false), "AFTER_ASSESSMENT",
				"2026-09-01", "2026-10-01");
		String body = JSON.writeValueAsString(Map.of("query",
				"subscription($p: ID){ deadlinesChanged(planId: $p){ cause nextReviewDue isOverdue plan{ id } } }",
				"variables", Map.of("p", plan)));

		CompletableFuture<HttpClientResponse> response = new CompletableFuture<>();
		StringBuffer received = new StringBuffer();
		// The headers Node 20's fetch sends with such a request (graphql-sse sends the
		// same through fetch).
		Disposable stream = HttpClient.create()
			.headers(headers -> headers.set("connection", "keep-alive")
				.set("content-type", "application/json")
				.set("accept", "text/event-stream")
				.set("authorization", TestTokens.bearer(TestTokens.manager("camden")))
				.set("accept-language", "*")
				.set("sec-fetch-mode", "cors")
				.set("user-agent", "node")
				.set("accept-encoding", "gzip, deflate"))
			.post()
			.uri("http://localhost:" + port + "/graphql")
			.send(ByteBufFlux.fromString(Mono.just(body)))
			.response((head, content) -> {
				response.complete(head);
				return content.asString();
			})
			.subscribe(received::append, response::completeExceptionally);
		try {
			// What `await fetch(...)` waits for.
			HttpClientResponse head = response.get(PROMPTLY.toSeconds(), TimeUnit.SECONDS);
			assertThat(head.status().code()).isEqualTo(200);
			assertThat(head.responseHeaders().get("content-type")).startsWith("text/event-stream");

			// At once, as a client does once its stream is open.
			assertThat(Api.errors(api.recordMeeting(
					Map.of("planId", plan, "kind", "PLANNING", "heldOn", "2026-10-14", "chairRole", "TEAM_MANAGER"))))
				.isEmpty();

			// The plan's opening may be announced after the stream opened, under load:
			// the meeting's change is the one that must arrive.
			Awaitility.await().atMost(PROMPTLY).until(() -> received.toString().contains("2027-01-14"));
			String text = received.toString();
			// The stream opened with a comment, before any event: that is what let the
			// response go out at once.
			assertThat(text).startsWith(":");
			JsonNode change = JSON.readTree(data(text.substring(text.lastIndexOf("event:next"))))
				.at("/data/deadlinesChanged");
			assertThat(change.at("/cause").asString()).isEqualTo("MUTATION");
			assertThat(change.at("/plan/id").asString()).isEqualTo(plan);
			// CAM-03: the planning meeting of 14 Oct + 3 months.
			assertThat(change.at("/nextReviewDue").asString()).isEqualTo("2027-01-14");
		}
		finally {
			stream.dispose();
		}
	}

	@Test
	void theSubscriptionSaysWhenItListensAndMissesNothingCommittedFromThen() {
		Api api = new Api(tester);
		String plan = api.openPlan(api.addChild(api.createFamily("camden", "Listening"), "L", false),
				"AFTER_ASSESSMENT", "2026-09-01", "2026-10-01");
		AtomicInteger told = new AtomicInteger();
		Flux<DeadlineChange> changes = live.deadlinesChanged(null, plan, null)
			.contextWrite(context -> context.put(Caller.class, TestTokens.managerCaller("camden"))
				.put(DeadlineSubscriptions.WHEN_LISTENING, (Runnable) told::incrementAndGet));
		assertThat(told).as("not before it is subscribed to").hasValue(0);
		StepVerifier.create(changes.take(1)).then(() -> {
			assertThat(told).as("once subscribed").hasValue(1);
			// Written the moment the subscriber is told, as an SSE client writes once its
			// response is in.
			api.recordMeeting(
					Map.of("planId", plan, "kind", "PLANNING", "heldOn", "2026-10-14", "chairRole", "TEAM_MANAGER"));
		})
			.assertNext(change -> assertThat(change.cause()).isEqualTo(DeadlineChange.Cause.MUTATION))
			.expectComplete()
			.verify(PROMPTLY);
		assertThat(told).hasValue(1);
	}

	/** The data of the first next event. */
	private static String data(String text) {
		int event = text.indexOf("event:next");
		assertThat(event).as("a next event in %s", text).isNotNegative();
		int start = text.indexOf("data:", event) + "data:".length();
		int end = text.indexOf("\n\n", start);
		return text.substring(start, end);
	}

}
