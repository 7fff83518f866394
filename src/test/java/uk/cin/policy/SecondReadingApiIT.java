package uk.cin.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import uk.cin.api.Api;

/**
 * The corrections of docs/policy-rules.md §9 ("Second reading"), each through the GraphQL
 * API on the service's own PostgreSQL. Facts are dated in the past and computed fields
 * are asked as of fixed dates, so the expectations (worked out by hand in the comments,
 * as in the policy tables) do not move with the clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class SecondReadingApiIT {

	private static final String PLAN_AS_OF = """
			query($id: ID!, $d: Date) { plan(id: $id) {
			  status closedOn startDate
			  nextReviewDue(asOf: $d) requiredChairRole(asOf: $d)
			  nextMeeting(asOf: $d) { dueDate requiredChairRole acceptableChairRoles chairConstraint rule { id }
			    dueRule { id } }
			  deadlines(asOf: $d, includeMet: true) { kind dueDate status metOn rule { id } }
			  meetings { id }
			} }""";

	@Autowired
	HttpGraphQlTester tester;

	private Api api;

	Api api() {
		if (api == null) {
			api = new Api(tester);
		}
		return api;
	}

	/**
	 * NOT-08, the §9 example: planning 14 January 2026 with an interval of 12 weeks,
	 * first review held 25 February (NOT-04: 14 Jan + 6 weeks), the next on its due date
	 * 20 May (25 Feb + 12 weeks). NOT-05 would put the next on 20 May + 12 weeks = 12
	 * August, after the 6-month point 14 July: it is due 14 July, chaired by the team
	 * manager.
	 */
	@Test
	void not08TheReviewNot05PutsAfterSixMonthsIsDueAtSixMonthsWithTheTeamManager() {
		Api api = api();
		String plan = api.openPlan(api.addChild(api.createFamily("nottinghamshire", "Six months"), "Ada", false),
				"AFTER_ASSESSMENT", "2025-12-15", "2026-01-02");
		held(plan, "PLANNING", "2026-01-14", "TEAM_MANAGER", Map.of("agreedReviewIntervalWeeks", 12));
		held(plan, "REVIEW", "2026-02-25", "SOCIAL_WORKER", Map.of());
		Map<String, Object> second = held(plan, "REVIEW", "2026-05-20", "SOCIAL_WORKER", Map.of());
		assertThat(second).containsEntry("chairCompliant", true);
		assertThat(rule(second, "chairRule")).isEqualTo("NOT-05");

		Map<String, Object> june = planAsOf(plan, "2026-06-01");
		assertThat(june).containsEntry("nextReviewDue", "2026-07-14")
			.containsEntry("requiredChairRole", "TEAM_MANAGER");
		assertThat(rule(nextMeeting(june), "dueRule")).isEqualTo("NOT-08");
		assertThat(rule(nextMeeting(june), "rule")).isEqualTo("NOT-08");
		assertThat(nextMeeting(june).get("acceptableChairRoles")).isEqualTo(List.of("TEAM_MANAGER"));
		assertThat(deadlines(june, "NOT-08")).singleElement()
			.satisfies(d -> assertThat(d).containsEntry("kind", "REVIEW")
				.containsEntry("dueDate", "2026-07-14")
				.containsEntry("status", "PENDING"));

		// As of the day before the second review was held, that review is the next one
		// (NOT-05, social worker).
		Map<String, Object> may = planAsOf(plan, "2026-05-19");
		assertThat(may).containsEntry("nextReviewDue", "2026-05-20")
			.containsEntry("requiredChairRole", "SOCIAL_WORKER");
		assertThat(deadlines(may, "NOT-08")).isEmpty();

		// Pending on 14 July itself, overdue the day after.
		assertThat(deadlines(planAsOf(plan, "2026-07-14"), "NOT-08")).singleElement()
			.satisfies(d -> assertThat(d).containsEntry("status", "PENDING"));
		assertThat(deadlines(planAsOf(plan, "2026-07-15"), "NOT-08")).singleElement()
			.satisfies(d -> assertThat(d).containsEntry("status", "OVERDUE"));

		// Held on 14 July by the team manager: met and compliant; then 14 July + 12 weeks
		// = 6 October (NOT-05).
		Map<String, Object> sixMonths = held(plan, "REVIEW", "2026-07-14", "TEAM_MANAGER", Map.of());
		assertThat(sixMonths).containsEntry("chairCompliant", true).containsEntry("requiredChairRole", "TEAM_MANAGER");
		assertThat(rule(sixMonths, "chairRule")).isEqualTo("NOT-08");
		Map<String, Object> after = planAsOf(plan, "2026-07-15");
		assertThat(after).containsEntry("nextReviewDue", "2026-10-06")
			.containsEntry("requiredChairRole", "SOCIAL_WORKER");
		assertThat(rule(nextMeeting(after), "dueRule")).isEqualTo("NOT-05");
		assertThat(deadlines(after, "NOT-08")).singleElement()
			.satisfies(d -> assertThat(d).containsEntry("status", "MET").containsEntry("metOn", "2026-07-14"));
	}

	/**
	 * LAZ-04: a disabled child's first review too is 6 months after the initial meeting
	 * (17 April 2026 + 6 months = 17 October), not LAZ-02's 3 months after plan start (17
	 * July), which still holds for the child's sister.
	 */
	@Test
	void laz04ADisabledChildsFirstReviewIsSixMonthsAfterTheInitialMeeting() {
		Api api = api();
		String family = api.createFamily("london-azeus", "Disabled child");
		String disabled = api.openPlan(api.addChild(family, "Bea", true), "AFTER_ASSESSMENT", "2026-03-02",
				"2026-03-25");
		String sister = api.openPlan(api.addChild(family, "Cat", false), "AFTER_ASSESSMENT", "2026-03-02",
				"2026-03-25");

		// A first review date set beyond 6 months is refused under LAZ-04, and nothing is
		// written.
		Map<String, Object> tooLate = meeting(disabled, "PLANNING", "2026-04-17", "PRACTICE_LEAD",
				Map.of("nextReviewDate", "2026-10-18"));
		assertRefused(tooLate, "NEXT_DATE_OVER_LIMIT", List.of("input", "nextReviewDate"), "LAZ-04");
		assertThat((List<?>) planAsOf(disabled, "2026-04-17").get("meetings")).isEmpty();

		held(disabled, "PLANNING", "2026-04-17", "PRACTICE_LEAD", Map.of());
		held(sister, "PLANNING", "2026-04-17", "PRACTICE_LEAD", Map.of());

		Map<String, Object> july = planAsOf(disabled, "2026-07-20");
		assertThat(july).containsEntry("nextReviewDue", "2026-10-17")
			.containsEntry("requiredChairRole", "SOCIAL_WORKER");
		assertThat(rule(nextMeeting(july), "dueRule")).isEqualTo("LAZ-04");
		assertThat(deadlines(july, "LAZ-04")).singleElement()
			.satisfies(d -> assertThat(d).containsEntry("kind", "FIRST_REVIEW").containsEntry("status", "PENDING"));
		assertThat(deadlines(july, "LAZ-02")).isEmpty();

		Map<String, Object> sisters = planAsOf(sister, "2026-07-20");
		assertThat(sisters).containsEntry("nextReviewDue", "2026-07-17");
		assertThat(rule(nextMeeting(sisters), "dueRule")).isEqualTo("LAZ-02");
	}

	/**
	 * DER-07: a plan stepped down from CP at the conference of 31 March 2026 has its
	 * delist review due 30 June; it may not close before that review is held. A team
	 * manager who is not the case's own may chair it.
	 */
	@Test
	void der07ClosingBeforeTheDelistReviewIsRefusedAndNothingIsWritten() {
		Api api = api();
		String family = api.createFamily("derby", "Delist");
		String plan = api.openPlan(api.addChild(family, "Dan", false), "STEP_DOWN_FROM_CHILD_PROTECTION", "2025-10-13",
				"2026-03-31");

		Map<String, Object> early = close(plan, "2026-05-01");
		assertRefused(early, "CLOSED_BEFORE_REVIEW", List.of("input", "closedOn"), "DER-07");
		// After its due date, the review still not held: refused too.
		assertRefused(close(plan, "2026-07-15"), "CLOSED_BEFORE_REVIEW", List.of("input", "closedOn"), "DER-07");
		Map<String, Object> stillOpen = planAsOf(plan, "2026-05-01");
		assertThat(stillOpen).containsEntry("status", "OPEN")
			.containsEntry("closedOn", null)
			.containsEntry("nextReviewDue", "2026-06-30")
			.containsEntry("requiredChairRole", "CIN_REVIEWING_OFFICER");
		assertThat(nextMeeting(stillOpen).get("acceptableChairRoles"))
			.isEqualTo(List.of("CIN_REVIEWING_OFFICER", "TEAM_MANAGER"));
		assertThat(nextMeeting(stillOpen)).containsEntry("chairConstraint", "INDEPENDENT");

		// The case's own team manager may not chair it; another team manager may.
		String other = api.openPlan(api.addChild(family, "Eve", false), "STEP_DOWN_FROM_CHILD_PROTECTION", "2025-10-13",
				"2026-03-31");
		Map<String, Object> own = held(other, "REVIEW", "2026-06-30", "TEAM_MANAGER",
				Map.of("chairIsCaseTeamManager", true, "outcome", "CONTINUE"));
		assertThat(own).containsEntry("chairCompliant", false);
		Map<String, Object> review = held(plan, "REVIEW", "2026-06-30", "TEAM_MANAGER",
				Map.of("chairIsCaseTeamManager", false, "outcome", "CLOSE"));
		assertThat(review).containsEntry("chairCompliant", true)
			.containsEntry("requiredChairRole", "CIN_REVIEWING_OFFICER");
		assertThat(rule(review, "chairRule")).isEqualTo("DER-07");

		// Held: the plan closes the same day.
		Map<String, Object> closed = close(plan, "2026-06-30");
		assertThat(Api.errors(closed)).isEmpty();
		assertThat(planAsOf(plan, "2026-07-01")).containsEntry("status", "CLOSED")
			.containsEntry("closedOn", "2026-06-30");
	}

	/**
	 * DER-10 counts from the referral: referral 17 February 2025 + 12 months = 17
	 * February 2026. The plan started at its first review on 16 June 2025 (DER-03 due 17
	 * June); the first reading would have said 16 June 2026.
	 */
	@Test
	void der10CountsTwelveMonthsFromTheReferral() {
		Api api = api();
		String plan = api.openPlan(api.addChild(api.createFamily("derby", "Twelve months"), "Fay", false),
				"AFTER_ASSESSMENT", "2025-02-17", "2025-03-20");
		held(plan, "REVIEW", "2025-06-16", "CIN_REVIEWING_OFFICER", Map.of("outcome", "CONTINUE"));

		Map<String, Object> before = planAsOf(plan, "2026-02-16");
		assertThat(before).containsEntry("startDate", "2025-06-16");
		assertThat(deadlines(before, "DER-10")).singleElement()
			.satisfies(d -> assertThat(d).containsEntry("kind", "MANAGEMENT_OVERSIGHT")
				.containsEntry("dueDate", "2026-02-17")
				.containsEntry("status", "PENDING"));

		event(plan, "MANAGEMENT_OVERSIGHT", "2026-02-17");
		assertThat(deadlines(planAsOf(plan, "2026-03-01"), "DER-10")).singleElement()
			.satisfies(d -> assertThat(d).containsEntry("dueDate", "2026-02-17")
				.containsEntry("status", "MET")
				.containsEntry("metOn", "2026-02-17"));
	}

	/**
	 * CL8-03: planning 14 October 2026; 12 weeks on is 6 January 2027. A next date of 7
	 * January is refused without an exception reason and accepted with one; the review is
	 * then due 7 January, under CL8-03.
	 */
	@Test
	void cl803ANextDateOverTwelveWeeksStandsOnlyWithAnExceptionReason() {
		Api api = api();
		String plan = api.openPlan(api.addChild(api.createFamily("children-law-2008", "Exception"), "Gil", false),
				"AFTER_ASSESSMENT", "2026-09-01", "2026-10-01");

		Map<String, Object> without = meeting(plan, "PLANNING", "2026-10-14", "TEAM_MANAGER",
				Map.of("nextReviewDate", "2027-01-07"));
		assertRefused(without, "NEXT_DATE_OVER_LIMIT", List.of("input", "nextReviewDate"), "CL8-03");
		Map<String, Object> blank = meeting(plan, "PLANNING", "2026-10-14", "TEAM_MANAGER",
				Map.of("nextReviewDate", "2027-01-07", "intervalExceptionReason", "   "));
		assertRefused(blank, "NEXT_DATE_OVER_LIMIT", List.of("input", "nextReviewDate"), "CL8-03");
		assertThat((List<?>) planAsOf(plan, "2026-10-14").get("meetings")).isEmpty();

		held(plan, "PLANNING", "2026-10-14", "TEAM_MANAGER",
				Map.of("nextReviewDate", "2027-01-07", "intervalExceptionReason", "Family abroad until the new year"));
		Map<String, Object> november = planAsOf(plan, "2026-11-01");
		assertThat(november).containsEntry("nextReviewDue", "2027-01-07")
			.containsEntry("requiredChairRole", "SOCIAL_WORKER");
		assertThat(rule(nextMeeting(november), "dueRule")).isEqualTo("CL8-03");
	}

	/**
	 * CAM-13: plan start 30 March 2026; the first summary is due 30 Mar + 90 days = 28
	 * June. Done early on 20 June, the next is listed at once, due 20 June + 90 days = 18
	 * September.
	 */
	@Test
	void cam13AnEarlyCaseSummaryListsTheNextOneAtOnce() {
		Api api = api();
		String plan = api.openPlan(api.addChild(api.createFamily("camden", "Summaries"), "Hal", false),
				"AFTER_ASSESSMENT", "2026-03-02", "2026-03-16");
		held(plan, "PLANNING", "2026-03-30", "TEAM_MANAGER", Map.of());
		event(plan, "CASE_SUMMARY", "2026-06-20");

		assertThat(deadlines(planAsOf(plan, "2026-06-19"), "CAM-13")).singleElement()
			.satisfies(d -> assertThat(d).containsEntry("dueDate", "2026-06-28").containsEntry("status", "PENDING"));
		List<Map<String, Object>> onTheDay = deadlines(planAsOf(plan, "2026-06-20"), "CAM-13");
		assertThat(onTheDay).hasSize(2);
		assertThat(onTheDay.get(0)).containsEntry("dueDate", "2026-06-28")
			.containsEntry("status", "MET")
			.containsEntry("metOn", "2026-06-20");
		assertThat(onTheDay.get(1)).containsEntry("kind", "CASE_SUMMARY")
			.containsEntry("dueDate", "2026-09-18")
			.containsEntry("status", "PENDING");
	}

	/**
	 * §9: only AFTER_ASSESSMENT and PRIVATE_FOSTERING plans need their trigger on or
	 * after the referral. A family resident from 2 March 2026 and referred on 16 March:
	 * CL8-07 is due 2 Mar + 20 working days = 30 March. The stored timeline lists the
	 * plan as overdue on 1 April, not on 20 March (pending) nor on 10 March (before the
	 * referral, when the plan did not exist).
	 */
	@Test
	void aTriggerBeforeTheReferralIsAcceptedForATransferInAndRefusedAfterAnAssessment() {
		Api api = api();
		String family = api.createFamily("children-law-2008", "Moved in");
		String plan = api.openPlan(api.addChild(family, "Ivy", false), "TRANSFER_IN", "2026-03-16", "2026-03-02");
		Map<String, Object> referred = planAsOf(plan, "2026-03-16");
		assertThat(referred).containsEntry("nextReviewDue", "2026-03-30")
			.containsEntry("requiredChairRole", "SOCIAL_WORKER");
		assertThat(rule(nextMeeting(referred), "dueRule")).isEqualTo("CL8-07");

		String overdue = """
				query($d: Date) { plans(filter: {authorityCode: "children-law-2008", overdueAsOf: $d}, first: 500) {
				  edges { node { id } } } }""";
		assertThat(planIds(overdue, "2026-04-01")).contains(plan);
		assertThat(planIds(overdue, "2026-03-20")).doesNotContain(plan);
		assertThat(planIds(overdue, "2026-03-10")).doesNotContain(plan);

		for (String reason : List.of("AFTER_ASSESSMENT", "PRIVATE_FOSTERING")) {
			String child = api.addChild(family, "Jo " + reason, false);
			Map<String, Object> refused = api.data("""
					mutation($c: ID!, $r: PlanStartReason!) { openPlan(input: {childId: $c, startReason: $r,
					  referralDate: "2026-03-16", triggerDate: "2026-03-02"}) {
					  plan { id } userErrors { field message code } } }""", "openPlan",
					Map.of("c", child, "r", reason));
			assertRefused(refused, "TRIGGER_BEFORE_REFERRAL", List.of("input", "triggerDate"), "referral");
			Map<String, Object> written = api.data("query($c: ID!) { child(id: $c) { plans { id } } }", "child",
					Map.of("c", child));
			assertThat((List<?>) written.get("plans")).as("plans of a child whose plan was refused").isEmpty();
		}
	}

	// ---- helpers

	private Map<String, Object> planAsOf(String plan, String asOf) {
		return api().data(PLAN_AS_OF, "plan", Map.of("id", plan, "d", asOf));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> nextMeeting(Map<String, Object> plan) {
		return (Map<String, Object>) plan.get("nextMeeting");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> deadlines(Map<String, Object> plan, String ruleId) {
		return ((List<Map<String, Object>>) plan.get("deadlines")).stream()
			.filter(d -> ruleId.equals(((Map<String, Object>) d.get("rule")).get("id")))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static String rule(Map<String, Object> object, String field) {
		Map<String, Object> rule = (Map<String, Object>) object.get(field);
		return rule == null ? null : (String) rule.get("id");
	}

	@SuppressWarnings("unchecked")
	private List<String> planIds(String query, String day) {
		Map<String, Object> plans = Api.as(tester, "children-law-2008")
			.document(query)
			.variable("d", day)
			.execute()
			.path("plans")
			.entity(Map.class)
			.get();
		return ((List<Map<String, Object>>) plans.get("edges")).stream()
			.map(e -> (String) ((Map<String, Object>) e.get("node")).get("id"))
			.toList();
	}

	private Map<String, Object> meeting(String plan, String kind, String heldOn, String chair,
			Map<String, Object> extra) {
		Map<String, Object> input = new HashMap<>(
				Map.of("planId", plan, "kind", kind, "heldOn", heldOn, "chairRole", chair));
		input.putAll(extra);
		return api().recordMeeting(input);
	}

	/** Records a meeting that must be accepted; returns it as the API shows it. */
	@SuppressWarnings("unchecked")
	private Map<String, Object> held(String plan, String kind, String heldOn, String chair, Map<String, Object> extra) {
		Map<String, Object> payload = meeting(plan, kind, heldOn, chair, extra);
		assertThat(Api.errors(payload)).as("userErrors recording a meeting on %s", heldOn).isEmpty();
		return (Map<String, Object>) payload.get("meeting");
	}

	private void event(String plan, String kind, String on) {
		Map<String, Object> payload = api().data("""
				mutation($p: ID!, $k: PlanEventKind!, $d: Date!) { recordPlanEvent(input: {planId: $p, kind: $k,
				  occurredOn: $d}) { plan { id } userErrors { field message code } } }""", "recordPlanEvent",
				Map.of("p", plan, "k", kind, "d", on));
		assertThat(Api.errors(payload)).as("userErrors recording %s on %s", kind, on).isEmpty();
	}

	private Map<String, Object> close(String plan, String on) {
		return api().data("""
				mutation($p: ID!, $d: Date!) { closePlan(input: {planId: $p, closedOn: $d, reason: CLOSE}) {
				  plan { id status } userErrors { field message code } } }""", "closePlan", Map.of("p", plan, "d", on));
	}

	/**
	 * Refused with this code on this field, the message citing this text, and nothing
	 * else in the payload.
	 */
	private static void assertRefused(Map<String, Object> payload, String code, List<String> field, String cites) {
		assertThat(Api.errors(payload)).as("userErrors of %s", payload).anySatisfy(e -> {
			assertThat(e.get("code")).isEqualTo(code);
			assertThat(e.get("field")).isEqualTo(field);
			assertThat((String) e.get("message")).contains(cites);
		});
		payload.entrySet()
			.stream()
			.filter(e -> !e.getKey().equals("userErrors") && !e.getKey().equals("clientMutationId"))
			.forEach(e -> assertThat(e.getValue()).as("%s when refused", e.getKey()).isNull());
	}

}
