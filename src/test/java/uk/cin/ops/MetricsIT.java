package uk.cin.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import uk.cin.api.Api;
import uk.cin.live.MidnightSweep;
import uk.cin.security.TestTokens;

/**
 * /actuator/prometheus, scraped without a token after each kind of work: GraphQL
 * operations timed per name, type and outcome; open subscriptions and WebSockets; the
 * midnight sweep. Other tests share this service, so each assertion is on what this
 * test's own operations (named for it) added.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class MetricsIT {

	private static final String COUNT = "graphql_request_seconds_count";

	@Autowired
	HttpGraphQlTester tester;

	@Autowired
	MidnightSweep sweep;

	@LocalServerPort
	int port;

	@Test
	void queriesFailingQueriesAndMutationsAreTimedByNameTypeAndOutcome() {
		Prometheus before = Prometheus.scrape(port);
		HttpGraphQlTester camden = Api.as(tester, "camden");
		camden.document("query MetricsCaseload { plans(first: 2) { edges { node { id nextReviewDue } } } }")
			.execute()
			.path("plans.edges")
			.hasValue();
		camden.document("query MetricsCaseload { plans(first: 1) { edges { node { id } } } }")
			.execute()
			.path("plans.edges")
			.hasValue();
		camden.document("query MetricsLookup { node(id: \"not-an-id\") { id } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "INVALID_ID")));
		camden
			.document("mutation MetricsNewFamily { createFamily(input: {authorityCode: \"camden\","
					+ " name: \"Metrics\"}) { family { id } userErrors { code } } }")
			.execute()
			.path("createFamily.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		// Names that cannot be tags: none, and one the bounds refuse.
		camden.document("{ authorities { code } }").execute().path("authorities").hasValue();
		camden.document("query _metricsHidden { authorities { code } }").execute().path("authorities").hasValue();
		Prometheus after = Prometheus.scrape(port);

		assertThat(added(before, after, COUNT, "MetricsCaseload", "query", "SUCCESS")).isEqualTo(2);
		assertThat(added(before, after, COUNT, "MetricsLookup", "query", "REQUEST_ERROR")).isEqualTo(1);
		assertThat(added(before, after, COUNT, "MetricsNewFamily", "mutation", "SUCCESS")).isEqualTo(1);
		assertThat(added(before, after, COUNT, "anonymous", "query", "SUCCESS")).isGreaterThanOrEqualTo(1);
		assertThat(added(before, after, COUNT, "invalid", "query", "SUCCESS")).isGreaterThanOrEqualTo(1);
		assertThat(after.text()).doesNotContain("_metricsHidden");
		// Latency: a sum, and the SLO buckets up to +Inf, which holds every request.
		assertThat(added(before, after, "graphql_request_seconds_sum", "MetricsCaseload", "query", "SUCCESS"))
			.isPositive();
		assertThat(after.value("graphql_request_seconds_bucket", "graphql_operation_name", "MetricsCaseload", "le",
				"+Inf"))
			.isEqualTo(after.value(COUNT, "graphql_operation_name", "MetricsCaseload"));
		assertThat(after.value("graphql_request_seconds_bucket", "graphql_operation_name", "MetricsCaseload", "le",
				"15.0"))
			.isEqualTo(2);
		// The misleading per-error-type counters are left out.
		assertThat(after.text()).doesNotContain("graphql_request_BAD_REQUEST", "graphql_request_ValidationError");
	}

	@Test
	void openSubscriptionsAndWebSocketsAreGauged() {
		Api api = new Api(tester);
		String plan = api.openPlan(api.addChild(api.createFamily("camden", "Gauged"), "G", false), "AFTER_ASSESSMENT",
				"2026-09-01", "2026-10-01");
		double subscriptionsBefore = Prometheus.scrape(port).value("cin_subscriptions_active");
		double socketsBefore = Prometheus.scrape(port).value("cin_websockets_open");
		Prometheus before = Prometheus.scrape(port);

		WebSocketGraphQlClient client = WebSocketGraphQlClient
			.builder(URI.create("ws://localhost:" + port + "/graphql"), new ReactorNettyWebSocketClient())
			.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(Map.of("Authorization", TestTokens.bearer(TestTokens.manager("camden"))));
				}
			})
			.build();
		List<Map<String, Object>> events = new CopyOnWriteArrayList<>();
		@SuppressWarnings({ "unchecked", "rawtypes" })
		Disposable subscription = client
			.document("subscription MetricsWatch($p: ID!) { deadlinesChanged(planId: $p)" + " { id cause } }")
			.variable("p", plan)
			.retrieveSubscription("deadlinesChanged")
			.toEntity(Map.class)
			.subscribe(event -> events.add((Map<String, Object>) event));
		try {
			Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				Prometheus now = Prometheus.scrape(port);
				assertThat(now.value("cin_subscriptions_active")).isEqualTo(subscriptionsBefore + 1);
				assertThat(now.value("cin_websockets_open")).isEqualTo(socketsBefore + 1);
			});
			assertThat(Api.errors(api.recordMeeting(
					Map.of("planId", plan, "kind", "PLANNING", "heldOn", "2026-10-14", "chairRole", "TEAM_MANAGER"))))
				.isEmpty();
			Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !events.isEmpty());
			assertThat(events.get(0)).containsEntry("cause", "MUTATION");
			Prometheus open = Prometheus.scrape(port);
			// The subscription's own operation: timed as it starts (the events that
			// follow are not requests).
			assertThat(added(before, open, COUNT, "MetricsWatch", "subscription", "SUCCESS")).isEqualTo(1);
		}
		finally {
			subscription.dispose();
			client.stop().block(Duration.ofSeconds(10));
		}
		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			Prometheus closed = Prometheus.scrape(port);
			assertThat(closed.value("cin_subscriptions_active")).isEqualTo(subscriptionsBefore);
			assertThat(closed.value("cin_websockets_open")).isEqualTo(socketsBefore);
		});
	}

	@Test
	void aSweepRunIsTimedAndStamped() {
		long started = Instant.now().getEpochSecond();
		Prometheus before = Prometheus.scrape(port);
		// Today was swept when the service started: this run finds nothing left to do,
		// and succeeds.
		assertThat(sweep.catchUp().block(Duration.ofSeconds(30))).isZero();
		Prometheus after = Prometheus.scrape(port);
		assertThat(after.value("cin_sweep_duration_seconds_count", "outcome", "success")
				- before.value("cin_sweep_duration_seconds_count", "outcome", "success"))
			.isEqualTo(1);
		assertThat(after.value("cin_sweep_duration_seconds_sum", "outcome", "success")).isPositive();
		assertThat(after.value("cin_sweep_last_success_seconds")).isGreaterThanOrEqualTo(started);
		assertThat(after.value("cin_sweep_days_total")).isEqualTo(before.value("cin_sweep_days_total"));
		assertThat(after.has("cin_sweep_plans_overdue_total")).isTrue();
		assertThat(after.has("cin_sweep_changes_removed_total")).isTrue();
	}

	private static double added(Prometheus before, Prometheus after, String series, String name, String type,
			String outcome) {
		String[] labels = { "graphql_operation_name", name, "graphql_operation_type", type, "graphql_outcome",
				outcome };
		return after.value(series, labels) - before.value(series, labels);
	}

}
