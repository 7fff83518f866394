package uk.cin.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import uk.cin.security.TestTokens;

/**
 * Small helpers over a GraphQlTester for API tests: run a mutation, read its payload.
 * Each call runs as a manager of the authority it concerns: the one named, or the one
 * whose ids its variables carry, or else the last one used.
 */
public final class Api {

	private final HttpGraphQlTester base;

	private final Map<String, String> authorityOfId = new ConcurrentHashMap<>();

	private final Map<String, HttpGraphQlTester> testers = new ConcurrentHashMap<>();

	private volatile String current = "camden";

	public Api(HttpGraphQlTester tester) {
		this.base = tester;
	}

	/** A tester that runs as a manager of this authority. */
	public static HttpGraphQlTester as(HttpGraphQlTester tester, String authority) {
		return tester.mutate()
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.manager(authority)))
			.build();
	}

	/** The tester of the authority used last. */
	public HttpGraphQlTester tester() {
		return testers.computeIfAbsent(current, a -> as(base, a));
	}

	private void use(Map<String, Object> variables) {
		for (Object value : variables.values()) {
			Object id = value instanceof Map<?, ?> input ? input.get("planId") : value;
			if (id instanceof String s && authorityOfId.containsKey(s)) {
				current = authorityOfId.get(s);
				return;
			}
		}
	}

	private void remember(String id) {
		if (id != null) {
			authorityOfId.put(id, current);
		}
	}

	/** Runs a document and returns the data at a path, as maps and lists. */
	public Map<String, Object> data(String document, String path, Map<String, Object> variables) {
		use(variables);
		GraphQlTester.Request<?> request = tester().document(document);
		for (Map.Entry<String, Object> v : variables.entrySet()) {
			request = request.variable(v.getKey(), v.getValue());
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> result = request.execute().path(path).entity(Map.class).get();
		return result;
	}

	public String createFamily(String authority, String name) {
		return createFamily(authority, name, null);
	}

	public String createFamily(String authority, String name, String team) {
		current = authority;
		Map<String, Object> variables = new HashMap<>(Map.of("a", authority, "n", name));
		variables.put("t", team);
		return remembered(id(data("""
				mutation($a: String!, $n: String!, $t: String) { createFamily(input: {authorityCode: $a, name: $n,
				  team: $t}) { family { id } userErrors { field message code } } }""", "createFamily", variables),
				"family"));
	}

	public String addChild(String familyId, String given, boolean disabled) {
		Map<String, Object> payload = data("""
				mutation($f: ID!, $g: String!, $d: Boolean) { addChild(input: {familyId: $f, givenName: $g,
				  familyName: "Test", disabled: $d}) { child { id } userErrors { field message code } } }""",
				"addChild", Map.of("f", familyId, "g", given, "d", disabled));
		return remembered(id(payload, "child"));
	}

	public String openPlan(String childId, String reason, String referral, String trigger) {
		Map<String, Object> payload = data(
				"""
						mutation($c: ID!, $r: PlanStartReason!, $ref: Date!, $t: Date!) { openPlan(input: {childId: $c,
						  startReason: $r, referralDate: $ref, triggerDate: $t}) { plan { id } userErrors { field message code } } }""",
				"openPlan", Map.of("c", childId, "r", reason, "ref", referral, "t", trigger));
		return remembered(id(payload, "plan"));
	}

	/** Records a meeting; returns the payload (meeting, plan, userErrors). */
	public Map<String, Object> recordMeeting(Map<String, Object> input) {
		return data("""
				mutation($in: RecordMeetingInput!) { recordMeeting(input: $in) {
				  meeting { id sequence requiredChairRole chairCompliant chairRule { id } attendees { name role } }
				  plan { id nextReviewDue(asOf: "2026-11-01") }
				  userErrors { field message code } clientMutationId } }""", "recordMeeting", Map.of("in", input));
	}

	private String remembered(String id) {
		remember(id);
		return id;
	}

	@SuppressWarnings("unchecked")
	public static List<Map<String, Object>> errors(Map<String, Object> payload) {
		return (List<Map<String, Object>>) payload.get("userErrors");
	}

	@SuppressWarnings("unchecked")
	private static String id(Map<String, Object> payload, String object) {
		if (!errors(payload).isEmpty()) {
			throw new AssertionError("unexpected userErrors: " + errors(payload));
		}
		return (String) ((Map<String, Object>) payload.get(object)).get("id");
	}

}
