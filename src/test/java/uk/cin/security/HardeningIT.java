package uk.cin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import uk.cin.api.GlobalId;
import uk.cin.api.RawGraphQl;

/**
 * What an adversary tried and must not get: a replayed clientMutationId read past access
 * control; reads and writes missing from the audit log; tokens without an expiry, for
 * another audience or issuer, expired beyond a small skew, or with control characters in
 * their subject; control characters where a name or a clientMutationId goes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HardeningIT {

	@LocalServerPort
	int port;

	private RawGraphQl as(String token) {
		return new RawGraphQl(port, token);
	}

	private static String token(String subject, String authority, Role role, String... teams) {
		return TestTokens.token(subject, authority, role.name(), Duration.ofHours(1), List.of(teams));
	}

	@SuppressWarnings("unchecked")
	private static <T> T at(Map<String, Object> answer, String... keys) {
		Object value = answer;
		for (String key : keys) {
			value = value == null ? null : ((Map<String, Object>) value).get(key);
		}
		return (T) value;
	}

	private static final String ADD_CHILD = """
			mutation($f: ID!, $id: String) { addChild(input: {familyId: $f, givenName: "Secret", familyName: "Name",
			  dateOfBirth: "2019-03-04", clientMutationId: $id}) {
			  child { id givenName familyName dateOfBirth family { name } } userErrors { field message code }
			  clientMutationId } }""";

	@Test
	void aReplayedClientMutationIdIsCheckedAsTheFirstSendAndShowsNothingItsCallerMayNotSee() {
		String subject = "replayer-" + UUID.randomUUID();
		RawGraphQl teamA = as(token(subject, "camden", Role.SOCIAL_WORKER, "team-a"));
		String family = at(teamA.post("""
				mutation { createFamily(input: {authorityCode: "camden", name: "Replayed", team: "team-a"}) {
				  family { id } } }""", null), "data", "createFamily", "family", "id");
		String id = UUID.randomUUID().toString();
		Map<String, Object> first = at(teamA.post(ADD_CHILD, Map.of("f", family, "id", id)), "data", "addChild");
		String givenName = at(first, "child", "givenName");
		assertThat(givenName).isEqualTo("Secret");
		// The same subject replays: from its own team the first result; from another
		// team, or as an auditor, or as a BI analyst, exactly what a family id that names
		// nothing gets.
		Map<String, Object> again = at(teamA.post(ADD_CHILD, Map.of("f", family, "id", id)), "data", "addChild");
		assertThat(again).isEqualTo(first);
		Map<String, Object> unknown = at(
				as(token(subject, "camden", Role.SOCIAL_WORKER, "team-b")).post(ADD_CHILD, Map.of("f",
						GlobalId.of(GlobalId.NodeType.Family, UUID.randomUUID()), "id", UUID.randomUUID().toString())),
				"data", "addChild");
		for (String other : List.of(token(subject, "camden", Role.SOCIAL_WORKER, "team-b"),
				token(subject, "camden", Role.AUDITOR, "audit"))) {
			Map<String, Object> answer = as(other).post(ADD_CHILD, Map.of("f", family, "id", id));
			Map<String, Object> replay = at(answer, "data", "addChild");
			assertThat(replay).as("replay")
				.containsEntry("child", null)
				.containsEntry("userErrors", unknown.get("userErrors"));
			assertThat(answer.toString()).doesNotContain("Secret", "Replayed", "2019-03-04");
		}
	}

	@Test
	void theAuditLogNamesEveryReadOfPersonalDataAndTheChildAndObjectOfEveryWriteAndRefusal() {
		RawGraphQl manager = RawGraphQl.camdenManager(port);
		String family = at(manager.post("""
				mutation { createFamily(input: {authorityCode: "camden", name: "Audited", team: "team-a"}) {
				  family { id } } }""", null), "data", "createFamily", "family", "id");
		String child = at(manager.post("""
				mutation($f: ID!) { addChild(input: {familyId: $f, givenName: "A", familyName: "B"}) {
				  child { id } } }""", Map.of("f", family)), "data", "addChild", "child", "id");
		String plan = at(manager.post("""
				mutation($c: ID!) { openPlan(input: {childId: $c, startReason: AFTER_ASSESSMENT,
				  referralDate: "2026-09-01", triggerDate: "2026-10-01"}) { plan { id } } }""", Map.of("c", child)),
				"data", "openPlan", "plan", "id");
		String meeting = at(manager.post("""
				mutation($p: ID!) { recordMeeting(input: {planId: $p, kind: PLANNING, heldOn: "2026-10-14",
				  chairRole: TEAM_MANAGER, attendees: [{name: "Dr Lee", role: "GP"}]}) { meeting { id } } }""",
				Map.of("p", plan)), "data", "recordMeeting", "meeting", "id");
		String reader = "reader-" + UUID.randomUUID();
		RawGraphQl practitioner = as(token(reader, "camden", Role.SOCIAL_WORKER, "team-a"));
		practitioner.post("query FamilyPage($f: ID!) { family(id: $f) { name children { id } } }", Map.of("f", family));
		practitioner.post("query MeetingPage($m: ID!) { node(id: $m) { ... on Meeting { attendees { name role } } } }",
				Map.of("m", meeting));
		// A practitioner of another team tries to write to the plan: refused as if it did
		// not exist.
		RawGraphQl outsider = as(token(reader, "camden", Role.SOCIAL_WORKER, "team-b"));
		Map<String, Object> refused = at(outsider.post("""
				mutation($p: ID!) { recordVisit(input: {planId: $p, visitedOn: "2026-10-20", childSeen: true,
				  seenAlone: true}) { userErrors { code } } }""", Map.of("p", plan)), "data", "recordVisit");
		assertThat(refused.toString()).contains("NOT_FOUND");

		RawGraphQl auditor = as(token("auditor-" + UUID.randomUUID(), "camden", Role.AUDITOR, "audit"));
		List<Map<String, Object>> events = at(auditor.post("{ auditEvents(first: 200) { edges { node { caller action"
				+ " operation childId objectId fields } } } }", null), "data", "auditEvents", "edges");
		List<Map<String, Object>> nodes = events.stream()
			.map(e -> HardeningIT.<Map<String, Object>>at(e, "node"))
			.toList();
		String caller = "camden/" + reader;
		assertThat(nodes).as("the family read")
			.anySatisfy(e -> assertThat(e).containsEntry("caller", caller)
				.containsEntry("action", "READ")
				.containsEntry("operation", "FamilyPage")
				.containsEntry("objectId", family)
				.containsEntry("fields", List.of("Family.children", "Family.name")));
		assertThat(nodes).as("the attendees read")
			.anySatisfy(e -> assertThat(e).containsEntry("caller", caller)
				.containsEntry("action", "READ")
				.containsEntry("operation", "MeetingPage")
				.containsEntry("objectId", meeting)
				.containsEntry("childId", child)
				.containsEntry("fields", List.of("Attendee.name", "Attendee.role", "Meeting.attendees")));
		for (String[] write : new String[][] { { "addChild", child }, { "openPlan", plan },
				{ "recordMeeting", meeting } }) {
			assertThat(nodes).as(write[0])
				.anySatisfy(e -> assertThat(e).containsEntry("action", "WRITE")
					.containsEntry("operation", write[0])
					.containsEntry("objectId", write[1])
					.containsEntry("childId", child));
		}
		assertThat(nodes).as("the refusal")
			.anySatisfy(e -> assertThat(e).containsEntry("caller", caller)
				.containsEntry("action", "REFUSED")
				.containsEntry("operation", "recordVisit")
				.containsEntry("objectId", plan)
				.containsEntry("childId", child));
		// auditEvents(childId:) shows the writes about the child, not only its reads.
		List<Map<String, Object>> ofChild = at(
				auditor.post("query($c: ID) { auditEvents(childId: $c, first: 50) {"
						+ " edges { node { action operation } } } }", Map.of("c", child)),
				"data", "auditEvents", "edges");
		assertThat(ofChild.toString()).contains("operation=openPlan", "operation=recordMeeting", "action=REFUSED");
	}

	/** The answer's status and, for a refusal, its code: "401 UNAUTHENTICATED". */
	private String status(String token) {
		return WebClient.create("http://localhost:" + port)
			.post()
			.uri("/graphql")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"query\": \"{ authorities { code } }\"}")
			.exchangeToMono(r -> r.bodyToMono(String.class).defaultIfEmpty("").map(body -> {
				String status = Integer.toString(r.statusCode().value());
				if (r.statusCode().is2xxSuccessful()) {
					return status;
				}
				Matcher code = Pattern.compile("\"code\":\"(\\w+)\"").matcher(body);
				return code.find() ? status + " " + code.group(1) : status;
			}))
			.block();
	}

	@Test
	void aTokenIsRefusedWithoutAnExpiryForAnotherAudienceOrIssuerPastASmallSkewOrWithAControlCharacterSubject() {
		assertThat(status(TestTokens.changed(c -> {
		}))).as("a good token").isEqualTo("200");
		assertThat(status(TestTokens.changed(c -> c.claims(all -> all.remove("exp"))))).as("no exp")
			.isEqualTo("401 UNAUTHENTICATED");
		assertThat(status(TestTokens.changed(c -> c.audience(List.of("another-app"))))).as("another audience")
			.isEqualTo("401 UNAUTHENTICATED");
		assertThat(status(TestTokens.changed(c -> c.claims(all -> all.remove("aud"))))).as("no audience")
			.isEqualTo("401 UNAUTHENTICATED");
		assertThat(status(TestTokens.changed(c -> c.issuer("https://elsewhere.example")))).as("another issuer")
			.isEqualTo("401 UNAUTHENTICATED");
		// The default skew of Spring Security is a minute; the service allows a few
		// seconds.
		assertThat(status(TestTokens.changed(c -> c.expiresAt(Instant.now().minusSeconds(20))))).as("expired 20 s ago")
			.isEqualTo("401 UNAUTHENTICATED");
		assertThat(status(TestTokens.changed(c -> c.subject("nul\u0000byte")))).as("NUL in sub")
			.isEqualTo("401 UNAUTHENTICATED");
		assertThat(status(TestTokens.changed(c -> c.subject("line\nbreak")))).as("newline in sub")
			.isEqualTo("401 UNAUTHENTICATED");
	}

	@Test
	void controlCharactersWhereANameOrAClientMutationIdGoesAreRefusedAsUserErrors() {
		RawGraphQl manager = RawGraphQl.camdenManager(port);
		String family = at(manager.post("""
				mutation { createFamily(input: {authorityCode: "camden", name: "Controls", team: "team-a"}) {
				  family { id } } }""", null), "data", "createFamily", "family", "id");
		Map<String, Object> name = manager.post("""
				mutation($f: ID!, $g: String!) { addChild(input: {familyId: $f, givenName: $g, familyName: "B"}) {
				  child { id } userErrors { field code } } }""", Map.of("f", family, "g", "\u0001\u0002\u0007"));
		assertThat(RawGraphQl.errors(name)).isEmpty();
		assertThat(name.toString()).contains("field=[input, givenName], code=INVALID");
		Map<String, Object> id = manager.post("""
				mutation($f: ID!, $id: String) { addChild(input: {familyId: $f, givenName: "A", familyName: "B",
				  clientMutationId: $id}) { child { id } userErrors { field code } } }""",
				Map.of("f", family, "id", "offline\u00001"));
		assertThat(RawGraphQl.errors(id)).isEmpty();
		assertThat(id.toString()).contains("field=[input, clientMutationId], code=INVALID");
	}

}
