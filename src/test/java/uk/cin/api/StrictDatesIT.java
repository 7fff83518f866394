package uk.cin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.r2dbc.core.DatabaseClient;
import uk.cin.api.DatePositions.Position;
import uk.cin.security.AuthorityScope;

/**
 * A date is exactly what the client sent, or refused: at every argument and input field
 * of type Date in the schema (found by walking it, so a new one is covered without a new
 * test), as a literal and in a variable, an impossible day or a malformed text is refused
 * with BAD_USER_INPUT naming where it was, quoting nothing back, and running nothing.
 * StrictDateProperties tries many more texts on the scalar itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StrictDatesIT {

	/** Days that do not exist, and texts that are not YYYY-MM-DD. */
	static final List<String> REFUSED = List.of("2019-02-31", "2026-11-31", "2025-02-29", "2026-13-01", "2026-1-5",
			"2026-01-05T00:00:00Z", " 2026-01-05", "");

	@Autowired
	GraphQlSource graphQl;

	@Autowired
	DatabaseClient db;

	@Autowired
	AuthorityScope scope;

	@LocalServerPort
	int port;

	private List<Position> positions() {
		return new DatePositions(graphQl.schema(), "Date").all();
	}

	@Test
	void theWalkFindsTheDatesOfEveryMutationAndQuery() {
		List<String> found = positions().stream().map(Position::toString).toList();
		assertThat(found).contains("mutation addChild(input.dateOfBirth)", "mutation openPlan(input.referralDate)",
				"mutation openPlan(input.triggerDate)", "mutation openPlan(input.allocatedOn)",
				"mutation recordMeeting(input.heldOn)", "mutation recordMeeting(input.nextReviewDate)",
				"mutation recordPlanEvent(input.occurredOn)", "mutation recordVisit(input.visitedOn)",
				"mutation closePlan(input.closedOn)", "query plans(filter.overdueAsOf)",
				"query plans(filter.reviewDueBefore)", "query plan.nextReviewDue(asOf)", "query plan.deadlines(asOf)");
	}

	static Stream<String> refused() {
		return REFUSED.stream();
	}

	@ParameterizedTest(name = "\"{0}\"")
	@MethodSource("refused")
	void anImpossibleOrMalformedDateIsRefusedEverywhereItCanBeSent(String date) {
		RawGraphQl client = RawGraphQl.camdenManager(port);
		long before = rows();
		List<String> failures = new ArrayList<>();
		DatePositions documents = new DatePositions(graphQl.schema(), "Date");
		for (Position position : positions()) {
			check(failures, position, false, client.post(documents.literalDocument(position, quoted(date)), null),
					date);
			check(failures, position, true, client.post(documents.variableDocument(position),
					Map.of("v", documents.variableValue(position, date))), date);
		}
		assertThat(failures).isEmpty();
		assertThat(rows()).as("rows written").isEqualTo(before);
	}

	@Test
	void aDateThatIsNotTextIsRefusedToo() {
		RawGraphQl client = RawGraphQl.camdenManager(port);
		List<String> failures = new ArrayList<>();
		DatePositions documents = new DatePositions(graphQl.schema(), "Date");
		for (Position position : positions()) {
			check(failures, position, false, client.post(documents.literalDocument(position, "20260105"), null), null);
			check(failures, position, false, client.post(documents.literalDocument(position, "true"), null), null);
			check(failures, position, true, client.post(documents.variableDocument(position),
					Map.of("v", documents.variableValue(position, 20260105))), null);
			check(failures, position, true, client.post(documents.variableDocument(position),
					Map.of("v", documents.variableValue(position, Map.of("year", 2026)))), null);
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void aRealDayIsStoredExactlyAsSent() {
		RawGraphQl client = RawGraphQl.camdenManager(port);
		Map<String, Object> family = client.post("""
				mutation { createFamily(input: {authorityCode: "camden", name: "Leap", team: "team-a"}) {
				  family { id } } }""", null);
		String familyId = (String) path(family, "data", "createFamily", "family", "id");
		for (String day : List.of("2024-02-29", "2000-02-29", "2026-11-30", "2025-12-31", "2019-02-28")) {
			Map<String, Object> child = client.post("""
					mutation($f: ID!, $d: Date) { addChild(input: {familyId: $f, givenName: "A", familyName: "B",
					  dateOfBirth: $d}) { child { dateOfBirth } userErrors { code } } }""",
					Map.of("f", familyId, "d", day));
			assertThat(path(child, "data", "addChild", "child", "dateOfBirth")).as(day).isEqualTo(day);
		}
	}

	private static void check(List<String> failures, Position position, boolean variable, Map<String, Object> answer,
			String sent) {
		String where = position + (variable ? " in a variable" : " as a literal");
		List<Map<String, Object>> errors = RawGraphQl.errors(answer);
		if (answer.get("data") != null) {
			failures.add(where + ": ran (data " + answer.get("data") + ")");
			return;
		}
		if (errors.size() != 1) {
			failures.add(where + ": " + errors.size() + " errors " + errors);
			return;
		}
		Map<String, Object> error = errors.get(0);
		Map<String, Object> extensions = RawGraphQl.extensions(error);
		String message = (String) error.get("message");
		if (!ResponseErrors.BAD_USER_INPUT.equals(extensions.get("code"))) {
			failures.add(where + ": code " + extensions.get("code") + " (" + message + ")");
		}
		if (!position.field(variable).equals(extensions.get("field"))) {
			failures.add(where + ": field " + extensions.get("field") + ", not " + position.field(variable));
		}
		String name = variable && position.inside().isEmpty() ? "$v" : position.name();
		if (!message.contains(name)) {
			failures.add(where + ": the message does not name " + name + ": " + message);
		}
		if (sent != null && sent.strip().length() >= 4 && message.contains(sent.strip())) {
			failures.add(where + ": the message quotes the value: " + message);
		}
		if (extensions.get("correlationId") == null) {
			failures.add(where + ": no correlationId");
		}
	}

	private static String quoted(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	@SuppressWarnings("unchecked")
	static Object path(Map<String, Object> answer, String... keys) {
		Object at = answer;
		for (String key : keys) {
			at = at == null ? null : ((Map<String, Object>) at).get(key);
		}
		return at;
	}

	/** Every row of a child's record and the audit log in camden. */
	private long rows() {
		return scope
			.mono("camden",
					db.sql("select (select count(*) from family) + (select count(*) from child)"
							+ " + (select count(*) from cin_plan) + (select count(*) from meeting)"
							+ " + (select count(*) from plan_event) + (select count(*) from visit)"
							+ " + (select count(*) from audit.audit_event)")
						.map(r -> r.get(0, Long.class))
						.one())
			.block();
	}

}
