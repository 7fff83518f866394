package uk.cin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import uk.cin.api.Api;

/**
 * Role × operation × whose record: the caller is in camden, team-a. The record is camden
 * team-a (own team), camden team-b (other team) or derby team-a (other authority: the
 * same team name means nothing there). Each cell is ALLOW, FORBIDDEN (a userError:
 * visible but not writable), NOT_FOUND (answered exactly as for an id that names
 * nothing), HIDDEN (a read that returns null), or REDACTED (names withheld). Every
 * refused write is checked to have written nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class AccessMatrixIT {

	enum Target {

		OWN_TEAM("camden", "team-a"), OTHER_TEAM("camden", "team-b"), OTHER_AUTHORITY("derby", "team-a");

		final String authority;

		final String team;

		Target(String authority, String team) {
			this.authority = authority;
			this.team = team;
		}

	}

	@Autowired
	HttpGraphQlTester tester;

	@ParameterizedTest(name = "{0} {1}: own team {2}, other team {3}, other authority {4}")
	@CsvSource({
			// role, operation, own team, other team, other authority
			"SOCIAL_WORKER,           readPlan,     ALLOW,     HIDDEN,     HIDDEN",
			"SOCIAL_WORKER,           readName,     ALLOW,     HIDDEN,     HIDDEN",
			"SOCIAL_WORKER,           listPlans,    ALLOW,     HIDDEN,     HIDDEN",
			"SOCIAL_WORKER,           addChild,     ALLOW,     NOT_FOUND,  NOT_FOUND",
			"SOCIAL_WORKER,           recordVisit,  ALLOW,     NOT_FOUND,  NOT_FOUND",
			"SOCIAL_WORKER,           recordMeeting,ALLOW,     NOT_FOUND,  NOT_FOUND",
			"SOCIAL_WORKER,           closePlan,    FORBIDDEN, NOT_FOUND,  NOT_FOUND",
			"SOCIAL_WORKER,           createFamily, ALLOW,     FORBIDDEN,  FORBIDDEN",
			"PRACTICE_LEAD,           readPlan,     ALLOW,     HIDDEN,     HIDDEN",
			"PRACTICE_LEAD,           recordVisit,  ALLOW,     NOT_FOUND,  NOT_FOUND",
			"PRACTICE_LEAD,           closePlan,    FORBIDDEN, NOT_FOUND,  NOT_FOUND",
			"TEAM_MANAGER,            readPlan,     ALLOW,     ALLOW,      HIDDEN",
			"TEAM_MANAGER,            readName,     ALLOW,     ALLOW,      HIDDEN",
			"TEAM_MANAGER,            listPlans,    ALLOW,     ALLOW,      HIDDEN",
			"TEAM_MANAGER,            addChild,     ALLOW,     ALLOW,      NOT_FOUND",
			"TEAM_MANAGER,            recordVisit,  ALLOW,     ALLOW,      NOT_FOUND",
			"TEAM_MANAGER,            recordMeeting,ALLOW,     ALLOW,      NOT_FOUND",
			"TEAM_MANAGER,            closePlan,    ALLOW,     ALLOW,      NOT_FOUND",
			"TEAM_MANAGER,            createFamily, ALLOW,     ALLOW,      FORBIDDEN",
			"GROUP_MANAGER,           closePlan,    ALLOW,     ALLOW,      NOT_FOUND",
			"CIN_REVIEWING_OFFICER,   readPlan,     ALLOW,     ALLOW,      HIDDEN",
			"CIN_REVIEWING_OFFICER,   recordMeeting,ALLOW,     ALLOW,      NOT_FOUND",
			"CIN_REVIEWING_OFFICER,   closePlan,    FORBIDDEN, FORBIDDEN,  NOT_FOUND",
			"BI_ANALYST,              readPlan,     ALLOW,     ALLOW,      HIDDEN",
			"BI_ANALYST,              readName,     REDACTED,  REDACTED,   HIDDEN",
			"BI_ANALYST,              listPlans,    ALLOW,     ALLOW,      HIDDEN",
			"BI_ANALYST,              addChild,     FORBIDDEN, FORBIDDEN,  NOT_FOUND",
			"BI_ANALYST,              recordVisit,  FORBIDDEN, FORBIDDEN,  NOT_FOUND",
			"BI_ANALYST,              closePlan,    FORBIDDEN, FORBIDDEN,  NOT_FOUND",
			"BI_ANALYST,              createFamily, FORBIDDEN, FORBIDDEN,  FORBIDDEN",
			"AUDITOR,                 readPlan,     HIDDEN,    HIDDEN,     HIDDEN",
			"AUDITOR,                 readName,     HIDDEN,    HIDDEN,     HIDDEN",
			"AUDITOR,                 listPlans,    HIDDEN,    HIDDEN,     HIDDEN",
			"AUDITOR,                 recordVisit,  NOT_FOUND, NOT_FOUND,  NOT_FOUND",
			"AUDITOR,                 closePlan,    NOT_FOUND, NOT_FOUND,  NOT_FOUND",
			"AUDITOR,                 createFamily, FORBIDDEN, FORBIDDEN,  FORBIDDEN", })
	void eachCell(Role role, String operation, String ownTeam, String otherTeam, String otherAuthority) {
		HttpGraphQlTester caller = tester.mutate()
			.header(HttpHeaders.AUTHORIZATION,
					TestTokens.bearer(TestTokens.token("camden", role, Duration.ofMinutes(10), "team-a")))
			.build();
		Map<Target, String> expected = Map.of(Target.OWN_TEAM, ownTeam, Target.OTHER_TEAM, otherTeam,
				Target.OTHER_AUTHORITY, otherAuthority);
		for (Target target : Target.values()) {
			String outcome = run(caller, operation, target);
			assertThat(outcome).as("%s %s on %s", role, operation, target).isEqualTo(expected.get(target));
		}
	}

	/**
	 * A fresh family, child and open plan in the target's authority and team, made by a
	 * manager there.
	 */
	private record Record(Api api, String family, String child, String plan) {
	}

	private Record record(Target target) {
		Api api = new Api(tester);
		String family = api.createFamily(target.authority, "Matrix", target.team);
		String child = api.addChild(family, "M", false);
		String plan = api.openPlan(child, "AFTER_ASSESSMENT", "2026-09-01", "2026-10-01");
		return new Record(api, family, child, plan);
	}

	private String run(HttpGraphQlTester caller, String operation, Target target) {
		Record r = record(target);
		return switch (operation) {
			case "readPlan" ->
				present(caller.document("query($id: ID!) { plan(id: $id) { id } }").variable("id", r.plan()).execute(),
						"plan");
			case "readName" -> readName(caller, r);
			case "listPlans" -> {
				List<String> ids = caller.document("""
						{ plans(first: 500) { edges { node { id } } } }""")
					.execute()
					.path("plans.edges[*].node.id")
					.entityList(String.class)
					.get();
				yield ids.contains(r.plan()) ? "ALLOW" : "HIDDEN";
			}
			case "addChild" -> write(caller, r, """
					mutation($f: ID!) { addChild(input: {familyId: $f, givenName: "N", familyName: "O"}) {
					  userErrors { code } } }""", Map.of("f", r.family()), "addChild");
			case "recordVisit" -> write(caller, r, """
					mutation($p: ID!) { recordVisit(input: {planId: $p, visitedOn: "2026-10-05", childSeen: true,
					  seenAlone: false}) { userErrors { code } } }""", Map.of("p", r.plan()), "recordVisit");
			case "recordMeeting" -> write(caller, r, """
					mutation($p: ID!) { recordMeeting(input: {planId: $p, kind: PLANNING, heldOn: "2026-10-14",
					  chairRole: TEAM_MANAGER}) { userErrors { code } } }""", Map.of("p", r.plan()), "recordMeeting");
			case "closePlan" -> write(caller, r, """
					mutation($p: ID!) { closePlan(input: {planId: $p, closedOn: "2026-10-20", reason: CLOSE}) {
					  userErrors { code } } }""", Map.of("p", r.plan()), "closePlan");
			case "createFamily" -> {
				Map<?, ?> payload = caller.document("""
						mutation($a: String!, $t: String) { createFamily(input: {authorityCode: $a, name: "New",
						  team: $t}) { family { id } userErrors { code } } }""")
					.variable("a", target.authority)
					.variable("t", target.team)
					.execute()
					.path("createFamily")
					.entity(Map.class)
					.get();
				yield outcome(payload, "createFamily");
			}
			default -> throw new IllegalArgumentException(operation);
		};
	}

	private static String present(GraphQlTester.Traversable response, String path) {
		return isNull(response, path) ? "HIDDEN" : "ALLOW";
	}

	private static boolean isNull(GraphQlTester.Traversable response, String path) {
		try {
			response.path(path).valueIsNull();
			return true;
		}
		catch (AssertionError notNull) {
			return false;
		}
	}

	private static String readName(HttpGraphQlTester caller, Record r) {
		GraphQlTester.Traversable response = caller.document("query($id: ID!) { child(id: $id) { givenName } }")
			.variable("id", r.child())
			.execute()
			.errors()
			.filter(e -> "REDACTED".equals(e.getExtensions().get("code")))
			.verify();
		if (isNull(response, "child")) {
			return "HIDDEN";
		}
		String name = response.path("child.givenName").entity(String.class).get();
		return "M".equals(name) ? "ALLOW" : name;
	}

	/** Runs a write; a refused one must leave the plan (or family) exactly as it was. */
	private static String write(HttpGraphQlTester caller, Record r, String document, Map<String, Object> variables,
			String mutation) {
		String before = snapshot(r);
		GraphQlTester.Request<?> request = caller.document(document);
		for (Map.Entry<String, Object> v : variables.entrySet()) {
			request = request.variable(v.getKey(), v.getValue());
		}
		Map<?, ?> payload = request.execute().path(mutation).entity(Map.class).get();
		String outcome = outcome(payload, mutation);
		if (!outcome.equals("ALLOW")) {
			assertThat(snapshot(r)).as("a refused %s writes nothing", mutation).isEqualTo(before);
		}
		return outcome;
	}

	private static String outcome(Map<?, ?> payload, String mutation) {
		List<?> errors = (List<?>) payload.get("userErrors");
		if (errors.isEmpty()) {
			return "ALLOW";
		}
		return String.valueOf(((Map<?, ?>) errors.get(0)).get("code"));
	}

	/** Everything a write could change, as the target's manager sees it. */
	private static String snapshot(Record r) {
		return r.api()
			.data("query($p: ID!) { plan(id: $p) { status visits { visitedOn } meetings { id } } }", "plan",
					Map.of("p", r.plan()))
				+ " " + r.api()
					.data("query($f: ID!) { family(id: $f) { children { id } } }", "family", Map.of("f", r.family()));
	}

}
