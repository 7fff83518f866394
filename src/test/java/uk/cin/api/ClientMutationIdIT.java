package uk.cin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;
import uk.cin.mutation.Mutations;

/**
 * A clientMutationId is one write: the same id with the same input (whatever its key
 * order, whitespace, or whether it came as a literal or in variables) returns the first
 * result and writes nothing more; the same id with another input is refused with
 * IDEMPOTENCY_KEY_REUSED, naming the first operation, and writes nothing. Also when the
 * sends race.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClientMutationIdIT {

	private static final String RECORD = """
			mutation($in: RecordMeetingInput!) { recordMeeting(input: $in) {
			  meeting { id } userErrors { field message code } clientMutationId } }""";

	@LocalServerPort
	int port;

	private RawGraphQl client() {
		return RawGraphQl.camdenManager(port);
	}

	/** An open camden plan of its own, referred 1 September 2026. */
	private String plan() {
		RawGraphQl client = client();
		String family = (String) StrictDatesIT.path(client.post("""
				mutation { createFamily(input: {authorityCode: "camden", name: "Replays", team: "team-a"}) {
				  family { id } } }""", null), "data", "createFamily", "family", "id");
		String child = (String) StrictDatesIT.path(client.post("""
				mutation($f: ID!) { addChild(input: {familyId: $f, givenName: "R", familyName: "R"}) {
				  child { id } } }""", Map.of("f", family)), "data", "addChild", "child", "id");
		return (String) StrictDatesIT.path(client.post("""
				mutation($c: ID!) { openPlan(input: {childId: $c, startReason: AFTER_ASSESSMENT,
				  referralDate: "2026-09-01", triggerDate: "2026-10-01"}) { plan { id } } }""", Map.of("c", child)),
				"data", "openPlan", "plan", "id");
	}

	private int meetings(String plan) {
		List<?> meetings = (List<?>) StrictDatesIT.path(
				client().post("query($p: ID!) { plan(id: $p) { meetings" + " { id } } }", Map.of("p", plan)), "data",
				"plan", "meetings");
		return meetings.size();
	}

	private static Map<String, Object> payload(Map<String, Object> answer) {
		@SuppressWarnings("unchecked")
		Map<String, Object> payload = (Map<String, Object>) StrictDatesIT.path(answer, "data", "recordMeeting");
		return payload;
	}

	private static String meetingId(Map<String, Object> answer) {
		return (String) StrictDatesIT.path(answer, "data", "recordMeeting", "meeting", "id");
	}

	@Test
	void theSameInputInAnotherFormIsAReplay() {
		String plan = plan();
		String id = UUID.randomUUID().toString();
		String first = meetingId(client().post(RECORD, Map.of("in", Map.of("planId", plan, "kind", "PLANNING", "heldOn",
				"2026-10-14", "chairRole", "TEAM_MANAGER", "clientMutationId", id))));
		assertThat(first).isNotNull();
		// The same input: its keys in another order, other whitespace, a null for a field
		// left out, as a literal.
		String literal = client()
			.postBody("{\"query\": \"mutation { recordMeeting(input: {\\n  clientMutationId: \\\"" + id
					+ "\\\", chairRole: TEAM_MANAGER,   heldOn: \\\"2026-10-14\\\", kind: PLANNING, planId: \\\"" + plan
					+ "\\\", outcome: null}) { meeting { id } userErrors { code } } }\"}")
			.toString();
		assertThat(literal).contains(first);
		Map<String, Object> reordered = client().postBody("{ \"variables\" : { \"in\" : { \"heldOn\" : \"2026-10-14\","
				+ " \"clientMutationId\" : \"" + id + "\", \"planId\" : \"" + plan + "\", \"kind\" : \"PLANNING\","
				+ " \"chairRole\" : \"TEAM_MANAGER\" } }, \"query\" : "
				+ JsonMapper.builder().build().writeValueAsString(RECORD) + " }");
		assertThat(meetingId(reordered)).isEqualTo(first);
		assertThat(meetings(plan)).isEqualTo(1);
	}

	@Test
	void anotherInputUnderTheSameIdIsRefusedAndWritesNothing() {
		String plan = plan();
		String id = UUID.randomUUID().toString();
		Map<String, Object> input = Map.of("planId", plan, "kind", "PLANNING", "heldOn", "2026-10-14", "chairRole",
				"TEAM_MANAGER", "clientMutationId", id);
		assertThat(meetingId(client().post(RECORD, Map.of("in", input)))).isNotNull();
		Map<String, Object> other = new HashMap<>(input);
		other.put("heldOn", "2026-10-15");
		Map<String, Object> refused = payload(client().post(RECORD, Map.of("in", other)));
		assertThat(refused.get("meeting")).isNull();
		assertThat(Api.errors(refused)).singleElement().satisfies(error -> {
			assertThat(error).containsEntry("code", Mutations.IDEMPOTENCY_KEY_REUSED)
				.containsEntry("field", List.of("input", "clientMutationId"));
			assertThat((String) error.get("message")).contains("recordMeeting").doesNotContain("2026-10-15");
		});
		assertThat(meetings(plan)).isEqualTo(1);
		// Another mutation under the same id keeps its own code.
		Map<String, Object> visit = client().post("""
				mutation($p: ID!, $id: String) { recordVisit(input: {planId: $p, visitedOn: "2026-10-16",
				  childSeen: true, seenAlone: true, clientMutationId: $id}) { userErrors { code } } }""",
				Map.of("p", plan, "id", id));
		assertThat(visit.toString()).contains(Mutations.DUPLICATE_CLIENT_MUTATION_ID);
	}

	@Test
	void twentyIdenticalSendsAtOnceWriteOnce() throws Exception {
		String plan = plan();
		String id = UUID.randomUUID().toString();
		Map<String, Object> input = Map.of("planId", plan, "kind", "PLANNING", "heldOn", "2026-10-14", "chairRole",
				"TEAM_MANAGER", "clientMutationId", id);
		List<Map<String, Object>> answers = race(20, i -> input);
		List<String> ids = answers.stream().map(ClientMutationIdIT::meetingId).distinct().toList();
		assertThat(ids).as("every send answered with the one meeting").hasSize(1).doesNotContainNull();
		assertThat(meetings(plan)).isEqualTo(1);
	}

	@Test
	void twoInputsAtOnceUnderOneIdWriteOneAndRefuseTheOther() throws Exception {
		String plan = plan();
		String id = UUID.randomUUID().toString();
		List<Map<String, Object>> answers = race(2, i -> Map.of("planId", plan, "kind", "PLANNING", "heldOn",
				i == 0 ? "2026-10-14" : "2026-10-15", "chairRole", "TEAM_MANAGER", "clientMutationId", id));
		long written = answers.stream().filter(a -> meetingId(a) != null).count();
		long refused = answers.stream()
			.filter(a -> Api.errors(payload(a))
				.stream()
				.anyMatch(e -> Mutations.IDEMPOTENCY_KEY_REUSED.equals(e.get("code"))))
			.count();
		assertThat(written).isEqualTo(1);
		assertThat(refused).isEqualTo(1);
		assertThat(meetings(plan)).isEqualTo(1);
	}

	private List<Map<String, Object>> race(int sends, IntFunction<Map<String, Object>> input) throws Exception {
		var pool = Executors.newFixedThreadPool(sends);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Map<String, Object>>> futures = new ArrayList<>();
			for (int i = 0; i < sends; i++) {
				int n = i;
				futures.add(pool.submit(() -> {
					start.await();
					return client().post(RECORD, Map.of("in", input.apply(n)));
				}));
			}
			start.countDown();
			List<Map<String, Object>> answers = new ArrayList<>();
			for (Future<Map<String, Object>> future : futures) {
				Map<String, Object> answer = future.get();
				assertThat(RawGraphQl.errors(answer)).isEmpty();
				answers.add(answer);
			}
			return answers;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
