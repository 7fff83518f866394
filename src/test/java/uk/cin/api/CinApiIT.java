package uk.cin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The contract over HTTP, on the service's own PostgreSQL: every query and mutation, per
 * authority, and the bad inputs each mutation must refuse without writing anything. Dates
 * are in October 2026 and computed fields are asked as of a fixed date, so the
 * expectations (worked out by hand from the rules) do not move with the clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class CinApiIT {

	@Autowired
	HttpGraphQlTester tester;

	private Api api;

	/**
	 * One per test: it knows which authority each id it made belongs to, and runs as a
	 * manager of it.
	 */
	Api api() {
		if (api == null) {
			api = new Api(tester);
		}
		return api;
	}

	@Test
	void authoritiesComeFromThePolicyPacks() {
		Api.as(tester, "camden")
			.document("{ authorities { code name calendar policyVersion rules { id summary } } }")
			.execute()
			.path("authorities[*].code")
			.entityList(String.class)
			.containsExactly("camden", "children-law-2008", "derby", "london-azeus", "nottinghamshire")
			.path("authorities[0].calendar")
			.entity(String.class)
			.isEqualTo("England and Wales")
			.path("authorities[0].rules[0].id")
			.entity(String.class)
			.isEqualTo("CAM-01");
	}

	/**
	 * A plan in each authority: opened after an assessment completed 1 October 2026, its
	 * first meeting held on 14 October. The next review then falls (by hand): NOT-04 14
	 * Oct + 6 weeks = 25 Nov; DER-04 14 Oct + 6 months = 14 Apr (the meeting was Derby's
	 * first review, DER-03); CAM-03 + 3 months = 14 Jan; CL8-02 + 12 weeks = 6 Jan;
	 * LAZ-02 plan start + 3 months = 14 Jan.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource({ "nottinghamshire,   PLANNING, TEAM_MANAGER,          true,  2026-11-25, NOT-04, SOCIAL_WORKER",
			"derby,             REVIEW,   CIN_REVIEWING_OFFICER, true,  2027-04-14, DER-04, TEAM_MANAGER",
			"camden,            PLANNING, TEAM_MANAGER,          true,  2027-01-14, CAM-03, TEAM_MANAGER",
			"children-law-2008, PLANNING, TEAM_MANAGER,          true,  2027-01-06, CL8-02, SOCIAL_WORKER",
			"london-azeus,      PLANNING, TEAM_MANAGER,          false, 2027-01-14, LAZ-02, SOCIAL_WORKER", })
	void aPlanThroughEveryMutation(String authority, String kind, String chair, boolean compliant, String nextDue,
			String nextRule, String nextChair) {
		Api api = api();
		String family = api.createFamily(authority, "Family in " + authority);
		String child = api.addChild(family, "Ada", false);
		String sibling = api.addChild(family, "Ben", true);
		String plan = api.openPlan(child, "AFTER_ASSESSMENT", "2026-09-01", "2026-10-01");

		Map<String, Object> meeting = api.recordMeeting(Map.of("planId", plan, "kind", kind, "heldOn", "2026-10-14",
				"chairRole", chair, "attendees", List.of(Map.of("name", "Dr Lee", "role", "GP"))));
		assertThat(Api.errors(meeting)).isEmpty();
		@SuppressWarnings("unchecked")
		Map<String, Object> held = (Map<String, Object>) meeting.get("meeting");
		assertThat(held).containsEntry("sequence", 1).containsEntry("chairCompliant", compliant);
		assertThat(held.get("attendees")).isEqualTo(List.of(Map.of("name", "Dr Lee", "role", "GP")));
		String meetingId = (String) held.get("id");

		api().tester()
			.document("""
					mutation($p: ID!, $m: ID!) { recordPlanEvent(input: {planId: $p, kind: PLAN_DISTRIBUTED,
					  occurredOn: "2026-10-16", meetingId: $m}) { plan { id } userErrors { code } } }""")
			.variable("p", plan)
			.variable("m", meetingId)
			.execute()
			.path("recordPlanEvent.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		api().tester()
			.document(
					"""
							mutation($p: ID!) { recordVisit(input: {planId: $p, visitedOn: "2026-10-20", childSeen: true,
							  seenAlone: true, note: "Seen at home"}) { plan { visits { visitedOn childSeen } } userErrors { code } } }""")
			.variable("p", plan)
			.execute()
			.path("recordVisit.plan.visits[0].visitedOn")
			.entity(String.class)
			.isEqualTo("2026-10-20");

		api().tester()
			.document(
					"""
							query($id: ID!) { plan(id: $id) {
							  id status startReason startDate referralDate triggerDate authority { code }
							  nextReviewDue(asOf: "2026-11-01") requiredChairRole(asOf: "2026-11-01")
							  isOverdue(asOf: "2026-09-02")
							  nextMeeting(asOf: "2026-11-01") { kind dueDate requiredChairRole acceptableChairRoles rule { id } dueRule { id } }
							  deadlines(asOf: "2026-11-01", includeMet: true) { kind dueDate status isOverdue metOn rule { id } meeting { id } }
							  meetings { id heldOn chairRole }
							  child { id givenName siblings { id givenName } family { id name children { id } } currentPlan { id } plans { id } }
							} }""")
			.variable("id", plan)
			.execute()
			.path("plan.status")
			.entity(String.class)
			.isEqualTo("OPEN")
			.path("plan.startDate")
			.entity(String.class)
			.isEqualTo("2026-10-14")
			.path("plan.authority.code")
			.entity(String.class)
			.isEqualTo(authority)
			.path("plan.nextReviewDue")
			.entity(String.class)
			.isEqualTo(nextDue)
			.path("plan.nextMeeting.dueRule.id")
			.entity(String.class)
			.isEqualTo(nextRule)
			.path("plan.requiredChairRole")
			.entity(String.class)
			.isEqualTo(nextChair)
			.path("plan.isOverdue")
			.entity(Boolean.class)
			.isEqualTo(false)
			.path("plan.meetings[0].id")
			.entity(String.class)
			.isEqualTo(meetingId)
			.path("plan.child.siblings[*].id")
			.entityList(String.class)
			.containsExactly(sibling)
			.path("plan.child.family.id")
			.entity(String.class)
			.isEqualTo(family)
			.path("plan.child.family.children")
			.entityList(Object.class)
			.hasSize(2)
			.path("plan.child.currentPlan.id")
			.entity(String.class)
			.isEqualTo(plan)
			.path("plan.deadlines[?(@.status == 'MET')]")
			.entityList(Object.class)
			.hasSizeGreaterThan(0);

		api().tester()
			.document("""
					mutation($p: ID!) { closePlan(input: {planId: $p, closedOn: "2026-11-02", reason: CLOSE}) {
					  plan { status nextReviewDue requiredChairRole } userErrors { code } } }""")
			.variable("p", plan)
			.execute()
			.path("closePlan.plan.status")
			.entity(String.class)
			.isEqualTo("CLOSED")
			.path("closePlan.plan.nextReviewDue")
			.valueIsNull()
			.path("closePlan.plan.requiredChairRole")
			.valueIsNull();
	}

	@Test
	void badInputIsRefusedWithFieldAndCodeAndWritesNothing() {
		Api api = api();
		String family = api.createFamily("nottinghamshire", "Bad inputs");
		String child = api.addChild(family, "Cy", false);
		String plan = api.openPlan(child, "AFTER_ASSESSMENT", "2026-09-01", "2026-10-01");

		assertRefused(api.data("""
				mutation { createFamily(input: {authorityCode: "camden", name: "%s"}) {
				  family { id } userErrors { field message code } } }""".formatted("x".repeat(201)), "createFamily",
				Map.of()), "INVALID", List.of("input", "name"));
		assertRefused(api.data("""
				mutation { createFamily(input: {authorityCode: "atlantis", name: "F"}) {
				  family { id } userErrors { field message code } } }""", "createFamily", Map.of()), "NOT_FOUND",
				List.of("input", "authorityCode"));
		assertRefused(api.data("""
				mutation { addChild(input: {familyId: "garbage", givenName: "A", familyName: "B"}) {
				  child { id } userErrors { field message code } } }""", "addChild", Map.of()), "INVALID_ID",
				List.of("input", "familyId"));
		assertRefused(api.data("""
				mutation($f: ID!) { addChild(input: {familyId: $f, givenName: "A", familyName: "B"}) {
				  child { id } userErrors { field message code } } }""", "addChild", Map.of("f", plan)),
				"WRONG_ID_TYPE", List.of("input", "familyId"));

		// The policy's own checks, each citing its rule.
		Map<String, Object> before = meeting(plan, "2026-08-01", Map.of());
		assertRefused(before, "DATE_BEFORE_REFERRAL", List.of("input", "heldOn"));
		Map<String, Object> interval = meeting(plan, "2026-10-14", Map.of("agreedReviewIntervalWeeks", 13));
		assertRefused(interval, "INTERVAL_OVER_LIMIT", List.of("input", "agreedReviewIntervalWeeks"));
		assertThat(Api.errors(interval).get(0).get("message").toString()).contains("NOT-05");
		assertRefused(meeting(plan, "2099-01-01", Map.of()), "INVALID", List.of("input", "heldOn"));

		// Nothing was written by any of them.
		api().tester()
			.document("query($id: ID!) { plan(id: $id) { meetings { id } } }")
			.variable("id", plan)
			.execute()
			.path("plan.meetings")
			.entityList(Object.class)
			.hasSize(0);

		// An event may not name another plan's meeting.
		String otherPlan = api.openPlan(api.addChild(family, "Di", false), "AFTER_ASSESSMENT", "2026-09-01",
				"2026-10-01");
		Map<String, Object> other = meeting(otherPlan, "2026-10-14", Map.of());
		@SuppressWarnings("unchecked")
		String otherMeeting = (String) ((Map<String, Object>) other.get("meeting")).get("id");
		assertRefused(api.data("""
				mutation($p: ID!, $m: ID!) { recordPlanEvent(input: {planId: $p, kind: MEETING_RECORDED,
				  occurredOn: "2026-10-20", meetingId: $m}) { plan { id } userErrors { field message code } } }""",
				"recordPlanEvent", Map.of("p", plan, "m", otherMeeting)), "NOT_FOUND", List.of("input", "meetingId"));
	}

	@Test
	void theEngineValidationsOfEachAuthorityBecomeUserErrors() {
		Api api = api();
		// CL8-03: a next date more than 12 weeks on is refused (14 Oct + 12 weeks = 6
		// Jan).
		String cl8 = api.openPlan(api.addChild(api.createFamily("children-law-2008", "F"), "E", false),
				"AFTER_ASSESSMENT", "2026-09-01", "2026-10-01");
		Map<String, Object> late = meeting(cl8, "2026-10-14", Map.of("nextReviewDate", "2027-01-07"));
		assertRefused(late, "NEXT_DATE_OVER_LIMIT", List.of("input", "nextReviewDate"));
		assertThat(Api.errors(late).get(0).get("message").toString()).contains("CL8-03");

		// LAZ-03: over 6 months is refused even with a recorded reason.
		String laz = api.openPlan(api.addChild(api.createFamily("london-azeus", "F"), "G", false), "AFTER_ASSESSMENT",
				"2026-09-01", "2026-10-01");
		Map<String, Object> stretched = meeting(laz, "2026-10-14",
				Map.of("nextReviewDate", "2027-04-15", "intervalExceptionReason", "Stable placement"));
		assertRefused(stretched, "NEXT_DATE_OVER_LIMIT", List.of("input", "nextReviewDate"));
		assertThat(Api.errors(stretched).get(0).get("message").toString()).contains("LAZ-03");

		// CAM-05: a plan stepped down from child protection may not close before
		// discharge + 3 months.
		String cam = api.openPlan(api.addChild(api.createFamily("camden", "F"), "H", false),
				"STEP_DOWN_FROM_CHILD_PROTECTION", "2026-06-01", "2026-09-01");
		Map<String, Object> closed = api.data("""
				mutation($p: ID!) { closePlan(input: {planId: $p, closedOn: "2026-11-20"}) {
				  plan { id } userErrors { field message code } } }""", "closePlan", Map.of("p", cam));
		assertRefused(closed, "CLOSED_BEFORE_MINIMUM", List.of("input", "closedOn"));
		assertThat(Api.errors(closed).get(0).get("message").toString()).contains("CAM-05");
	}

	@Test
	void aRepeatedClientMutationIdReturnsTheFirstResultAndWritesNothing() {
		Api api = api();
		String document = """
				mutation { createFamily(input: {authorityCode: "derby", name: "Replay", clientMutationId: "offline-7"}) {
				  family { id } userErrors { code } clientMutationId } }""";
		Map<String, Object> first = api.data(document, "createFamily", Map.of());
		Map<String, Object> second = api.data(document, "createFamily", Map.of());
		assertThat(second).isEqualTo(first);
		assertThat(first.get("clientMutationId")).isEqualTo("offline-7");

		String plan = api.openPlan(api.addChild(api.createFamily("derby", "F"), "I", false), "AFTER_ASSESSMENT",
				"2026-09-01", "2026-10-01");
		Map<String, Object> input = new HashMap<>(Map.of("planId", plan, "kind", "REVIEW", "heldOn", "2026-10-14",
				"chairRole", "CIN_REVIEWING_OFFICER", "clientMutationId", "visit-queue-1"));
		Map<String, Object> once = api.recordMeeting(input);
		assertThat(once.get("userErrors")).asInstanceOf(InstanceOfAssertFactories.LIST).isEmpty();
		assertThat(once).extractingByKey("plan").asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("id", plan);
		Map<String, Object> twice = api.recordMeeting(input);
		assertThat(twice).isEqualTo(once);
		api().tester()
			.document("query($id: ID!) { plan(id: $id) { meetings { id } } }")
			.variable("id", plan)
			.execute()
			.path("plan.meetings")
			.entityList(Object.class)
			.hasSize(1);
	}

	@Test
	void nodeResolvesEveryTypeAndRefusesMalformedIdsWithACode() {
		Api api = api();
		String family = api.createFamily("camden", "Nodes");
		String child = api.addChild(family, "J", false);
		String plan = api.openPlan(child, "AFTER_ASSESSMENT", "2026-09-01", "2026-10-01");
		Map<String, Object> meeting = meeting(plan, "2026-10-14", Map.of());
		@SuppressWarnings("unchecked")
		String meetingId = (String) ((Map<String, Object>) meeting.get("meeting")).get("id");

		for (String id : List.of(family, child, plan, meetingId)) {
			api().tester()
				.document("query($id: ID!) { node(id: $id) { id __typename } }")
				.variable("id", id)
				.execute()
				.path("node.id")
				.entity(String.class)
				.isEqualTo(id);
		}
		api().tester()
			.document("{ node(id: \"not-an-id\") { id } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "INVALID_ID")));
		api().tester()
			.document("query($id: ID!) { plan(id: $id) { id } }")
			.variable("id", family)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "WRONG_ID_TYPE")));
		// An id of the right shape that names nothing is simply null.
		api().tester()
			.document("{ node(id: \"Q2luUGxhbjowMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDA\") { id } }")
			.execute()
			.path("node")
			.valueIsNull();
	}

	@Test
	void plansAreFilteredAsOfAnyDateAndPaged() {
		Api api = api();
		String family = api.createFamily("nottinghamshire", "Lists");
		// Trigger 1 Oct: NOT-01 is due 15 Oct (10 working days). One plan holds its
		// meeting on time, one never.
		String onTime = api.openPlan(api.addChild(family, "K", false), "AFTER_ASSESSMENT", "2026-09-01", "2026-10-01");
		meeting(onTime, "2026-10-14", Map.of());
		String missed = api.openPlan(api.addChild(family, "L", false), "AFTER_ASSESSMENT", "2026-09-01", "2026-10-01");

		String query = """
				query($d: Date, $r: Date, $after: String) { plans(filter: {authorityCode: "nottinghamshire",
				  overdueAsOf: $d, reviewDueBefore: $r}, first: 1, after: $after) {
				  totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }""";
		// On 16 October only the plan without a meeting had an overdue deadline; on 14
		// October neither did. Other tests' plans share the database, so these look at a
		// page large enough for all of them.
		String wholeList = query.replace("first: 1", "first: 500");
		api().tester()
			.document(wholeList)
			.variable("d", "2026-10-16")
			.execute()
			.path("plans.edges[*].node.id")
			.entityList(String.class)
			.contains(missed)
			.path("plans.edges[*].node.id")
			.entityList(String.class)
			.doesNotContain(onTime);
		api().tester()
			.document(wholeList)
			.variable("d", "2026-10-14")
			.execute()
			.path("plans.edges[*].node.id")
			.entityList(String.class)
			.doesNotContain(missed, onTime);

		// Paging: one plan a page, the cursor leads to the next.
		Map<String, Object> page = api.data(query, "plans", Map.of());
		@SuppressWarnings("unchecked")
		Map<String, Object> info = (Map<String, Object>) page.get("pageInfo");
		assertThat((Integer) page.get("totalCount")).isGreaterThanOrEqualTo(2);
		assertThat(info.get("hasNextPage")).isEqualTo(true);
		Map<String, Object> next = api.data(query, "plans", Map.of("after", info.get("endCursor")));
		assertThat(next.get("edges")).isNotEqualTo(page.get("edges"));
	}

	private Map<String, Object> meeting(String plan, String heldOn, Map<String, Object> extra) {
		Map<String, Object> input = new HashMap<>(
				Map.of("planId", plan, "kind", "PLANNING", "heldOn", heldOn, "chairRole", "TEAM_MANAGER"));
		input.putAll(extra);
		return api().recordMeeting(input);
	}

	private static void assertRefused(Map<String, Object> payload, String code, List<String> field) {
		assertThat(Api.errors(payload)).as("userErrors of %s", payload).anySatisfy(e -> {
			assertThat(e.get("code")).isEqualTo(code);
			assertThat(e.get("field")).isEqualTo(field);
			assertThat((String) e.get("message")).isNotBlank();
		});
		payload.entrySet()
			.stream()
			.filter(e -> !e.getKey().equals("userErrors") && !e.getKey().equals("clientMutationId"))
			.forEach(e -> assertThat(e.getValue()).as("%s when refused", e.getKey()).isNull());
	}

}
