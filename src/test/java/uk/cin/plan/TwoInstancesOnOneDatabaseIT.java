package uk.cin.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import uk.cin.CinApplication;
import uk.cin.api.GlobalId;
import uk.cin.security.AuthorityScope;
import uk.cin.security.TestTokens;

/**
 * Two service instances on one database, writing the same plan at once: the writes take
 * turns on the plan's row, so every one lands and all are there (no lost update, no
 * CONFLICT for adding a fact).
 */
class TwoInstancesOnOneDatabaseIT {

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	@BeforeAll
	static void startTwoInstances() {
		// Both take the same managed PostgreSQL: the second finds it already running in
		// this JVM.
		first = new SpringApplicationBuilder(CinApplication.class).run("--server.port=0");
		second = new SpringApplicationBuilder(CinApplication.class).run("--server.port=0");
	}

	@AfterAll
	static void stop() {
		second.close();
		first.close();
	}

	private static WebClient client(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return WebClient.builder()
			.baseUrl("http://localhost:" + port)
			.defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.manager("london-azeus")))
			.build();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> call(WebClient client, String query, Map<String, Object> variables) {
		Map<String, Object> body = client.post()
			.uri("/graphql")
			.bodyValue(Map.of("query", query, "variables", variables))
			.retrieve()
			.bodyToMono(Map.class)
			.block(Duration.ofSeconds(30));
		return (Map<String, Object>) body.get("data");
	}

	@SuppressWarnings("unchecked")
	private static String id(Map<String, Object> data, String mutation, String object) {
		Map<String, Object> payload = (Map<String, Object>) data.get(mutation);
		return (String) ((Map<String, Object>) payload.get(object)).get("id");
	}

	@Test
	void concurrentWritesToOnePlanFromTwoInstancesLoseNothing() {
		WebClient a = client(first);
		WebClient b = client(second);
		String family = id(call(a, "mutation { createFamily(input: {authorityCode: \"london-azeus\", name: \"Race\"})"
				+ " { family { id } } }", Map.of()), "createFamily", "family");
		String child = id(call(b, "mutation($f: ID!) { addChild(input: {familyId: $f, givenName: \"M\","
				+ " familyName: \"N\"}) { child { id } } }", Map.of("f", family)), "addChild", "child");
		String plan = id(call(a,
				"mutation($c: ID!) { openPlan(input: {childId: $c, startReason: AFTER_ASSESSMENT,"
						+ " referralDate: \"2026-09-01\", triggerDate: \"2026-10-01\"}) { plan { id } } }",
				Map.of("c", child)), "openPlan", "plan");

		int writes = 24;
		String visit = "mutation($p: ID!, $d: Date!) { recordVisit(input: {planId: $p, visitedOn: $d,"
				+ " childSeen: true, seenAlone: false}) { plan { id } userErrors { code } } }";
		List<String> outcomes = Flux.range(0, writes)
			.flatMap(i -> Mono
				.fromCallable(() -> call(i % 2 == 0 ? a : b, visit, Map.of("p", plan, "d", "2026-10-" + (10 + i % 15))))
				.subscribeOn(Schedulers.boundedElastic()), writes)
			.map(data -> {
				@SuppressWarnings("unchecked")
				Map<String, Object> payload = (Map<String, Object>) data.get("recordVisit");
				@SuppressWarnings("unchecked")
				List<Map<String, Object>> errors = (List<Map<String, Object>>) payload.get("userErrors");
				return errors.isEmpty() ? "OK" : (String) errors.get(0).get("code");
			})
			.collectList()
			.block(Duration.ofSeconds(120));

		long landed = outcomes.stream().filter("OK"::equals).count();
		assertThat(outcomes).hasSize(writes).containsOnly("OK");

		// Every write that landed is stored, and the plan's version moved once per write
		// (and once when opened).
		DatabaseClient db = first.getBean(DatabaseClient.class);
		UUID planId = GlobalId.require(plan, GlobalId.NodeType.CinPlan);
		var scope = first.getBean(AuthorityScope.class);
		Long visits = scope
			.mono("london-azeus",
					db.sql("select count(*) from visit where plan_id = :p")
						.bind("p", planId)
						.map(r -> r.get(0, Long.class))
						.one())
			.block();
		Integer version = scope
			.mono("london-azeus",
					db.sql("select version from cin_plan where id = :p")
						.bind("p", planId)
						.map(r -> r.get(0, Integer.class))
						.one())
			.block();
		assertThat(visits).isEqualTo(landed);
		assertThat(version).isEqualTo(1 + (int) landed);
	}

}
