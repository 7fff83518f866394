package uk.cin.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.proxy.ProxyConnectionFactory;
import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.listener.ProxyExecutionListener;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import uk.cin.CinApplication;
import uk.cin.api.GlobalId;
import uk.cin.api.RawGraphQl;

/**
 * Refusing a write to a plan the caller may not see costs what refusing an id that names
 * nothing costs: the same statements, and neither locks nor loads the plan. Otherwise the
 * time a refusal takes would tell which ids exist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		classes = { CinApplication.class, RefusalCostIT.Recording.class })
class RefusalCostIT {

	/** Records every statement sent to PostgreSQL. */
	@TestConfiguration
	static class Recording {

		static final List<String> STATEMENTS = new CopyOnWriteArrayList<>();

		@Bean
		static BeanPostProcessor recordStatements() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (bean instanceof ConnectionFactory factory && name.equals("connectionFactory")) {
						return ProxyConnectionFactory.builder(factory).listener(new ProxyExecutionListener() {
							@Override
							public void afterQuery(QueryExecutionInfo info) {
								info.getQueries().forEach(q -> STATEMENTS.add(q.getQuery()));
							}
						}).build();
					}
					return bean;
				}
			};
		}

	}

	@LocalServerPort
	int port;

	private static final String VISIT = """
			mutation($p: ID!) { recordVisit(input: {planId: $p, visitedOn: "2026-10-20", childSeen: true,
			  seenAlone: true}) { plan { id } userErrors { code } } }""";

	private List<String> statementsOf(RawGraphQl client, String plan) throws InterruptedException {
		// Let what earlier requests set going finish first (the change feed reads each
		// written plan).
		int seen;
		do {
			seen = Recording.STATEMENTS.size();
			Thread.sleep(300);
		}
		while (Recording.STATEMENTS.size() != seen);
		Recording.STATEMENTS.clear();
		Map<String, Object> answer = client.post(VISIT, Map.of("p", plan));
		assertThat(answer.toString()).contains("NOT_FOUND");
		return List.copyOf(Recording.STATEMENTS);
	}

	@Test
	void anotherTeamsPlanIsRefusedAsCheaplyAsAnIdThatNamesNothing() throws InterruptedException {
		RawGraphQl manager = RawGraphQl.camdenManager(port);
		String family = (String) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) manager.post("""
				mutation { createFamily(input: {authorityCode: "camden", name: "Costs", team: "team-a"}) {
				  family { id } } }""", null).get("data")).get("createFamily")).get("family")).get("id");
		String child = (String) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) manager.post("""
				mutation($f: ID!) { addChild(input: {familyId: $f, givenName: "A", familyName: "B"}) {
				  child { id } } }""", Map.of("f", family)).get("data")).get("addChild")).get("child")).get("id");
		String plan = (String) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) manager.post("""
				mutation($c: ID!) { openPlan(input: {childId: $c, startReason: AFTER_ASSESSMENT,
				  referralDate: "2026-09-01", triggerDate: "2026-10-01"}) { plan { id } } }""", Map.of("c", child))
			.get("data")).get("openPlan")).get("plan")).get("id");

		RawGraphQl otherTeam = new RawGraphQl(port,
				TestTokens.token("camden", Role.SOCIAL_WORKER, Duration.ofHours(1), "team-b"));
		List<String> hidden = statementsOf(otherTeam, plan);
		List<String> missing = statementsOf(otherTeam, GlobalId.of(GlobalId.NodeType.CinPlan, UUID.randomUUID()));

		assertThat(hidden).isEqualTo(missing);
		assertThat(String.join("\n", hidden)).doesNotContainIgnoringCase("for no key update")
			.doesNotContainIgnoringCase("from meeting")
			.doesNotContainIgnoringCase("from plan_event");
	}

}
