package uk.cin.live;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import uk.cin.api.Api;
import uk.cin.api.GlobalId;
import uk.cin.api.RequestIds;
import uk.cin.security.AuthorityScope;
import uk.cin.security.CallerToken;
import uk.cin.security.TestTokens;

/**
 * A subscriber that stops reading is ended with SUBSCRIBER_TOO_SLOW naming its request's
 * correlation id, as every error a client receives does: through the whole GraphQL
 * handler (interceptors, execution, the subscription's error resolver) that WebSocket and
 * SSE both hand their requests to.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class SubscriberTooSlowIT {

	@Autowired
	HttpGraphQlTester tester;

	@Autowired
	WebGraphQlHandler handler;

	@Autowired
	ChangeRecorder recorder;

	@Autowired
	AuthorityScope scope;

	@Autowired
	DeadlineSubscriptions subscriptions;

	@Test
	void aStalledSubscriberIsEndedWithSubscriberTooSlowNamingItsCorrelationId() {
		Api api = new Api(tester);
		String plan = api.openPlan(api.addChild(api.createFamily("camden", "Stalled"), "S", false), "AFTER_ASSESSMENT",
				"2026-09-01", "2026-10-01");
		UUID planId = GlobalId.require(plan, GlobalId.NodeType.CinPlan);
		HttpHeaders headers = new HttpHeaders();
		headers.set(RequestIds.HEADER, "too-slow-1");
		// As over SSE: a subscription sent as a plain POST is refused.
		headers.setAccept(List.of(MediaType.TEXT_EVENT_STREAM));
		WebGraphQlRequest request = new WebGraphQlRequest(
				URI.create("http://localhost/graphql"), headers, null, null, Map.of(), Map.of("query",
						"subscription($p: ID) { deadlinesChanged(planId: $p) { id } }", "variables", Map.of("p", plan)),
				"1", null);
		// As the HTTP handler runs it: the caller from the verified token, the id in the
		// request's context.
		WebGraphQlResponse response = handler.handleRequest(request)
			.contextWrite(ReactiveSecurityContextHolder
				.withAuthentication(new CallerToken(TestTokens.managerCaller("camden"))))
			.contextWrite(RequestIds.context("too-slow-1"))
			.block(Duration.ofSeconds(10));
		assertThat(response).isNotNull();
		assertThat(response.getErrors()).isEmpty();
		@SuppressWarnings("unchecked")
		Publisher<ExecutionResult> results = (Publisher<ExecutionResult>) response.getData();
		AtomicReference<Throwable> ended = new AtomicReference<>();
		AtomicInteger received = new AtomicInteger();
		BaseSubscriber<ExecutionResult> stalled = new BaseSubscriber<>() {
			@Override
			protected void hookOnSubscribe(Subscription subscription) {
				// Asks for one event, as a transport does when it starts, then reads no
				// more.
				subscription.request(1);
			}

			@Override
			protected void hookOnNext(ExecutionResult value) {
				received.incrementAndGet();
			}

			@Override
			protected void hookOnError(Throwable error) {
				ended.set(error);
			}
		};
		int open = subscriptions.activeSubscriptions();
		Flux.from(results).subscribe(stalled);
		// Listening before the changes are made: a change committed earlier is not live.
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> subscriptions.activeSubscriptions() > open);

		Flux.range(0, DeadlineSubscriptions.BUFFER * 2)
			.concatMap(i -> scope.mono("camden",
					recorder.record(planId, "camden", DeadlineChange.Cause.MUTATION, null, false)))
			.blockLast(Duration.ofSeconds(60));

		// Ended where it fell behind (the count falls as the end leaves the
		// subscription);
		// reading again sooner would let it catch up. Then it reads again: what
		// graphql-java had in hand, then the end, which graphql-java sends only after
		// what
		// it holds.
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> subscriptions.activeSubscriptions() <= open);
		stalled.request(DeadlineSubscriptions.BUFFER);
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.alias("the subscription ended (" + received.get() + " events received)")
			.until(() -> ended.get() != null);
		assertThat(received.get()).as("events before the end").isLessThan(DeadlineSubscriptions.BUFFER / 4);
		assertThat(ended.get()).isInstanceOf(SubscriptionPublisherException.class);
		assertThat(((SubscriptionPublisherException) ended.get()).getErrors()).singleElement()
			.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "SUBSCRIBER_TOO_SLOW")
				.containsEntry("correlationId", "too-slow-1"));
	}

}
