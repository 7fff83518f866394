package uk.cin.api;

import java.util.List;
import java.util.Map;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Small helpers over a GraphQlTester for API tests: run a mutation, read its payload. */
public final class Api {

    private final GraphQlTester tester;

    public Api(GraphQlTester tester) {
        this.tester = tester;
    }

    /** Runs a document and returns the data at a path, as maps and lists. */
    public Map<String, Object> data(String document, String path, Map<String, Object> variables) {
        GraphQlTester.Request<?> request = tester.document(document);
        for (Map.Entry<String, Object> v : variables.entrySet()) {
            request = request.variable(v.getKey(), v.getValue());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> result = request.execute().path(path).entity(Map.class).get();
        return result;
    }

    public String createFamily(String authority, String name) {
        Map<String, Object> payload = data("""
                mutation($a: String!, $n: String!) { createFamily(input: {authorityCode: $a, name: $n}) {
                  family { id } userErrors { field message code } } }""", "createFamily", Map.of("a", authority, "n", name));
        return id(payload, "family");
    }

    public String addChild(String familyId, String given, boolean disabled) {
        Map<String, Object> payload = data("""
                mutation($f: ID!, $g: String!, $d: Boolean) { addChild(input: {familyId: $f, givenName: $g,
                  familyName: "Test", disabled: $d}) { child { id } userErrors { field message code } } }""",
                "addChild", Map.of("f", familyId, "g", given, "d", disabled));
        return id(payload, "child");
    }

    public String openPlan(String childId, String reason, String referral, String trigger) {
        Map<String, Object> payload = data("""
                mutation($c: ID!, $r: PlanStartReason!, $ref: Date!, $t: Date!) { openPlan(input: {childId: $c,
                  startReason: $r, referralDate: $ref, triggerDate: $t}) { plan { id } userErrors { field message code } } }""",
                "openPlan", Map.of("c", childId, "r", reason, "ref", referral, "t", trigger));
        return id(payload, "plan");
    }

    /** Records a meeting; returns the payload (meeting, plan, userErrors). */
    public Map<String, Object> recordMeeting(Map<String, Object> input) {
        return data("""
                mutation($in: RecordMeetingInput!) { recordMeeting(input: $in) {
                  meeting { id sequence requiredChairRole chairCompliant chairRule { id } attendees { name role } }
                  plan { id nextReviewDue(asOf: "2026-11-01") }
                  userErrors { field message code } clientMutationId } }""", "recordMeeting", Map.of("in", input));
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
