package uk.cin.policy;

import static uk.cin.policy.ChairRole.ADVANCED_SOCIAL_WORKER;
import static uk.cin.policy.ChairRole.CHILD_PROTECTION_CHAIR;
import static uk.cin.policy.ChairRole.CIN_REVIEWING_OFFICER;
import static uk.cin.policy.ChairRole.GROUP_MANAGER;
import static uk.cin.policy.ChairRole.INDEPENDENT_REVIEWING_OFFICER;
import static uk.cin.policy.ChairRole.SERVICE_MANAGER;
import static uk.cin.policy.ChairRole.SOCIAL_WORKER;
import static uk.cin.policy.ChairRole.TEAM_MANAGER;
import static uk.cin.policy.DeadlineKind.CASE_CLOSURE;
import static uk.cin.policy.DeadlineKind.FIRST_REVIEW;
import static uk.cin.policy.DeadlineKind.INITIAL_MEETING;
import static uk.cin.policy.DeadlineKind.MANAGEMENT_OVERSIGHT;
import static uk.cin.policy.DeadlineKind.MANAGER_SIGN_OFF;
import static uk.cin.policy.DeadlineKind.MEETING_RECORDED;
import static uk.cin.policy.DeadlineKind.MHA_S136_REVIEW;
import static uk.cin.policy.DeadlineKind.PLAN_DISTRIBUTED;
import static uk.cin.policy.DeadlineKind.REVIEW;
import static uk.cin.policy.DeadlineStatus.MET;
import static uk.cin.policy.DeadlineStatus.MET_LATE;
import static uk.cin.policy.DeadlineStatus.OVERDUE;
import static uk.cin.policy.DeadlineStatus.PENDING;
import static uk.cin.policy.MeetingKind.PLANNING;
import static uk.cin.policy.PlanStartReason.AFTER_ASSESSMENT;
import static uk.cin.policy.PlanStartReason.AFTER_PROCEEDINGS;
import static uk.cin.policy.PlanStartReason.STEP_DOWN_FROM_CHILD_PROTECTION;
import static uk.cin.policy.PlanStartReason.TRANSFER_IN;
import static uk.cin.policy.PolicyCase.plan;
import static uk.cin.policy.PolicyCase.rule;

import java.util.List;
import java.util.stream.Stream;
import uk.cin.policy.pack.PolicyPack;

/**
 * Nottinghamshire (docs/policy-rules.md). Bank holidays used: Good Friday 3 April and
 * Easter Monday 6 April 2026, 25 May 2026, Christmas 25 and 28 December 2026, New Year 1
 * January 2027.
 */
class NottinghamshirePolicyTest extends PolicyTable {

	static final String AUTHORITY = "nottinghamshire";

	/** Planning meeting 8 April 2026 after a trigger of 25 March. */
	static PolicyCase.Plan planned() {
		return plan(AFTER_ASSESSMENT, "2026-03-02", "2026-03-25").planning("p1", "2026-04-08", TEAM_MANAGER);
	}

	/**
	 * Plan started 14 January 2026; first review on time (25 February), second on time
	 * (20 May).
	 */
	static PolicyCase.Plan startedInJanuary() {
		return plan(AFTER_ASSESSMENT, "2025-12-15", "2026-01-02").planning("p1", "2026-01-14", TEAM_MANAGER)
			.review("r1", "2026-02-25", SOCIAL_WORKER)
			.review("r2", "2026-05-20", SOCIAL_WORKER);
	}

	/**
	 * The NOT-08 example of docs/policy-rules.md §9: planning 14 January 2026 (trigger 2
	 * Jan + 10 WD = 16 Jan: on time), interval 12 weeks; first review (NOT-04, 14 Jan + 6
	 * weeks = 25 Feb) held 25 February, the next held on its due date 20 May (25 Feb + 12
	 * weeks). NOT-05 would then say 20 May + 12 weeks = 12 August, after the 6-month
	 * point 14 July.
	 */
	static PolicyCase.Plan secondReadingExample() {
		return plan(AFTER_ASSESSMENT, "2025-12-15", "2026-01-02").planning("p1", "2026-01-14", TEAM_MANAGER)
			.agreedWeeks(12)
			.review("r1", "2026-02-25", SOCIAL_WORKER)
			.review("r2", "2026-05-20", SOCIAL_WORKER);
	}

	/**
	 * Started 14 January 2026 (6-month point Tue 14 July); first review on time, the
	 * second held on this date.
	 */
	static PolicyCase.Plan secondReviewOn(String heldOn) {
		return plan(AFTER_ASSESSMENT, "2025-12-15", "2026-01-02").planning("p1", "2026-01-14", TEAM_MANAGER)
			.review("r1", "2026-02-25", SOCIAL_WORKER)
			.review("r2", heldOn, SOCIAL_WORKER);
	}

	static Stream<PolicyCase> rows() {
		return Stream.of(
				// NOT-01: 25 March + 10 working days skips Good Friday and Easter Monday.
				rule("NOT-01", "10 working days over Easter, due date itself still pending",
						plan(AFTER_ASSESSMENT, "2026-03-02", "2026-03-25"))
					.asOf("2026-04-10")
					.expect(INITIAL_MEETING, "2026-04-10", PENDING)
					.next(PLANNING, "2026-04-10", "NOT-01", TEAM_MANAGER)
					.nextChair("NOT-01", List.of(TEAM_MANAGER, SOCIAL_WORKER), null)
					.overdue(false),
				rule("NOT-01", "overdue the day after the due date", plan(AFTER_ASSESSMENT, "2026-03-02", "2026-03-25"))
					.asOf("2026-04-11")
					.expect(INITIAL_MEETING, "2026-04-10", OVERDUE)
					.overdue(true),
				// 18 Dec + 10 WD: 21-24 Dec, 29-31 Dec, 4-6 Jan (25 and 28 Dec, 1 Jan are
				// bank holidays).
				rule("NOT-01", "step-down from CP over Christmas; plan starts on the step-down date",
						plan(STEP_DOWN_FROM_CHILD_PROTECTION, "2026-09-01", "2026-12-18"))
					.asOf("2026-12-20")
					.expect(INITIAL_MEETING, "2027-01-06", PENDING)
					.startDate("2026-12-18"),
				rule("NOT-01", "planning meeting on time, chaired by the social worker with the manager's agreement",
						plan(AFTER_ASSESSMENT, "2026-03-02", "2026-03-25").planning("p1", "2026-04-10", SOCIAL_WORKER))
					.asOf("2026-04-10")
					.expectMet(INITIAL_MEETING, "2026-04-10", MET, "2026-04-10")
					.chair("p1", TEAM_MANAGER, "NOT-01", true)
					.startDate("2026-04-10"),
				rule("NOT-01", "planning meeting late and chaired by a role the rule does not accept",
						plan(AFTER_ASSESSMENT, "2026-03-02", "2026-03-25").planning("p1", "2026-04-13",
								ADVANCED_SOCIAL_WORKER))
					.asOf("2026-04-13")
					.expectMet(INITIAL_MEETING, "2026-04-10", MET_LATE, "2026-04-13")
					.chair("p1", TEAM_MANAGER, "NOT-01", false),
				// 8 April + 10 WD = 22 April.
				rule("NOT-02", "plan copy on the due date is on time",
						planned().event(PlanEventKind.PLAN_DISTRIBUTED, "2026-04-22"))
					.asOf("2026-04-30")
					.expectMet(PLAN_DISTRIBUTED, "2026-04-22", MET, "2026-04-22")
					.responsible(SOCIAL_WORKER),
				rule("NOT-03", "Mosaic episode approved a day late",
						planned().event(PlanEventKind.MEETING_RECORDED, "2026-04-23"))
					.asOf("2026-04-30")
					.expectMet(MEETING_RECORDED, "2026-04-22", MET_LATE, "2026-04-23")
					.responsible(TEAM_MANAGER),
				rule("NOT-03", "Section 7-only case: no CIN meetings, episode within 10 WD of the trigger",
						plan(AFTER_ASSESSMENT, "2026-03-02", "2026-03-25").flags(PlanFlag.SECTION7_ONLY))
					.asOf("2026-04-01")
					.expect(MEETING_RECORDED, "2026-04-10", PENDING)
					.expectNone("NOT-01")
					.noNextMeeting(),
				// 8 April + 6 weeks = 20 May.
				rule("NOT-04", "first review 6 weeks after the planning meeting", planned()).asOf("2026-05-01")
					.expect(FIRST_REVIEW, "2026-05-20", PENDING)
					.next(MeetingKind.REVIEW, "2026-05-20", "NOT-04", SOCIAL_WORKER),
				rule("NOT-04", "an interval agreed at planning does not move the first review",
						planned().agreedWeeks(8))
					.asOf("2026-05-01")
					.next(MeetingKind.REVIEW, "2026-05-20", "NOT-04", SOCIAL_WORKER)
					.noProblems(),
				rule("NOT-04", "a next date set at planning beyond 6 weeks is refused",
						planned().nextReviewOn("2026-05-21"))
					.asOf("2026-05-01")
					.problem(ValidationCode.NEXT_DATE_OVER_LIMIT, "NOT-04")
					.next(MeetingKind.REVIEW, "2026-05-20", "NOT-04", SOCIAL_WORKER),
				// 19 May + 8 weeks = 14 July.
				rule("NOT-05", "later reviews at the 8 weeks agreed at planning",
						planned().agreedWeeks(8).review("r1", "2026-05-19", SOCIAL_WORKER))
					.asOf("2026-06-01")
					.expect("NOT-04", FIRST_REVIEW, "2026-05-20", MET)
					.expect(REVIEW, "2026-07-14", PENDING)
					.next(MeetingKind.REVIEW, "2026-07-14", "NOT-05", SOCIAL_WORKER),
				// 19 May + 12 weeks = 11 August.
				rule("NOT-05", "with no interval agreed, 12 weeks", planned().review("r1", "2026-05-19", SOCIAL_WORKER))
					.asOf("2026-06-01")
					.next(MeetingKind.REVIEW, "2026-08-11", "NOT-05", SOCIAL_WORKER),
				rule("NOT-05", "an agreed interval of 13 weeks is refused", planned().agreedWeeks(13))
					.asOf("2026-04-08")
					.problem(ValidationCode.INTERVAL_OVER_LIMIT, "NOT-05"),
				rule("NOT-05", "an agreed interval of exactly 12 weeks is accepted", planned().agreedWeeks(12))
					.asOf("2026-04-08")
					.noProblems(),
				rule("NOT-05", "a next date beyond 12 weeks is refused and 12 weeks applies",
						planned().review("r1", "2026-05-19", SOCIAL_WORKER).nextReviewOn("2026-08-12"))
					.asOf("2026-06-01")
					.problem(ValidationCode.NEXT_DATE_OVER_LIMIT, "NOT-05")
					.next(MeetingKind.REVIEW, "2026-08-11", "NOT-05", SOCIAL_WORKER),
				rule("NOT-05", "an earlier next date set at a review is the due date",
						planned().review("r1", "2026-05-19", SOCIAL_WORKER).nextReviewOn("2026-07-01"))
					.asOf("2026-06-01")
					.next(MeetingKind.REVIEW, "2026-07-01", "NOT-05", SOCIAL_WORKER),
				// 19 May + 5 WD skips the 25 May bank holiday: 20, 21, 22, 26, 27.
				rule("NOT-06", "sign-off 5 working days after a review, over the May bank holiday",
						planned().review("r1", "2026-05-19", SOCIAL_WORKER)
							.event(PlanEventKind.MANAGER_SIGN_OFF, "2026-05-27"))
					.asOf("2026-06-01")
					.expectMet(MANAGER_SIGN_OFF, "2026-05-27", MET, "2026-05-27")
					.responsible(TEAM_MANAGER),
				// 19 May + 10 WD: 20, 21, 22, 26, 27, 28, 29, 1, 2, 3 June.
				rule("NOT-07", "updated plan not sent 10 working days after a review",
						planned().review("r1", "2026-05-19", SOCIAL_WORKER))
					.asOf("2026-06-04")
					.expect(PLAN_DISTRIBUTED, "2026-06-03", OVERDUE)
					.overdue(true),
				// Start 14 Jan; + 6 months = 14 July. Reviews due 25 Feb and 20 May are
				// before it; the next, which NOT-05 puts on 20 May + 12 weeks = 12
				// August, is the first on or after it, so (§9; the first reading left it
				// on 12 August) it is due on 14 July.
				rule("NOT-08", "the first review NOT-05 puts after 6 months is due at 6 months, team manager chairs",
						startedInJanuary())
					.asOf("2026-06-01")
					.expect(REVIEW, "2026-07-14", PENDING)
					.next(MeetingKind.REVIEW, "2026-07-14", "NOT-08", TEAM_MANAGER)
					.nextChair("NOT-08", List.of(TEAM_MANAGER), null),
				// Held on 12 August: late against 14 July. 12 Aug + 12 weeks = 4
				// November.
				rule("NOT-08", "held late with a social worker in the chair: met late, not compliant; next NOT-05",
						startedInJanuary().review("r3", "2026-08-12", SOCIAL_WORKER))
					.asOf("2026-08-20")
					.expectMet(REVIEW, "2026-07-14", MET_LATE, "2026-08-12")
					.chair("r2", SOCIAL_WORKER, "NOT-05", true)
					.chair("r3", TEAM_MANAGER, "NOT-08", false)
					.next(MeetingKind.REVIEW, "2026-11-04", "NOT-05", SOCIAL_WORKER),
				rule("NOT-08", "§9 example: the review NOT-05 puts on 12 August is due 14 July, chaired by the TM",
						secondReadingExample())
					.asOf("2026-06-01")
					.expect("NOT-05", REVIEW, "2026-05-20", MET)
					.chair("r2", SOCIAL_WORKER, "NOT-05", true)
					.expect(REVIEW, "2026-07-14", PENDING)
					.next(MeetingKind.REVIEW, "2026-07-14", "NOT-08", TEAM_MANAGER)
					.nextChair("NOT-08", List.of(TEAM_MANAGER), null),
				rule("NOT-08", "§9 example: pending on 14 July itself", secondReadingExample()).asOf("2026-07-14")
					.expect(REVIEW, "2026-07-14", PENDING)
					.next(MeetingKind.REVIEW, "2026-07-14", "NOT-08", TEAM_MANAGER),
				rule("NOT-08", "§9 example: overdue on 15 July", secondReadingExample()).asOf("2026-07-15")
					.expect(REVIEW, "2026-07-14", OVERDUE)
					.overdue(true),
				rule("NOT-08", "§9 example, asOf before the second review was held: that review is next, no NOT-08",
						secondReadingExample())
					.asOf("2026-05-19")
					.next(MeetingKind.REVIEW, "2026-05-20", "NOT-05", SOCIAL_WORKER)
					.expectNone("NOT-08"),
				// Held 14 July by the team manager; 14 July + 12 weeks (agreed) = Tue 6
				// October, back to NOT-05.
				rule("NOT-08", "§9 example held on 14 July by the team manager: met and compliant; next NOT-05",
						secondReadingExample().review("r3", "2026-07-14", TEAM_MANAGER))
					.asOf("2026-07-15")
					.expectMet(REVIEW, "2026-07-14", MET, "2026-07-14")
					.chair("r3", TEAM_MANAGER, "NOT-08", true)
					.next(MeetingKind.REVIEW, "2026-10-06", "NOT-05", SOCIAL_WORKER),
				// Edges around the 6-month point, 14 July. r2 20 April + 12 weeks = Mon
				// 13 July: the day before, so not the 6-month review: NOT-05's date and
				// chair stand.
				rule("NOT-08", "a review NOT-05 puts the day before 6 months is not moved and not the TM's",
						secondReviewOn("2026-04-20"))
					.asOf("2026-04-21")
					.next(MeetingKind.REVIEW, "2026-07-13", "NOT-05", SOCIAL_WORKER)
					.nextChair("NOT-05", List.of(SOCIAL_WORKER), null)
					.expectNone("NOT-08"),
				// r3 held 13 July; NOT-05 would put the next on 13 July + 12 weeks = 5
				// October, on or after the 6-month point, so it is due on 14 July, the
				// next day (the case is still open at 6 months).
				rule("NOT-08", "after a review the day before 6 months, the next is due at 6 months, the day after",
						secondReviewOn("2026-04-20").review("r3", "2026-07-13", SOCIAL_WORKER))
					.asOf("2026-07-13")
					.chair("r3", SOCIAL_WORKER, "NOT-05", true)
					.expect(REVIEW, "2026-07-14", PENDING)
					.next(MeetingKind.REVIEW, "2026-07-14", "NOT-08", TEAM_MANAGER),
				// r2 21 April + 12 weeks = Tue 14 July, on the 6-month point: the date
				// stands (NOT-05), the team manager chairs (NOT-08).
				rule("NOT-08", "a review NOT-05 puts on the 6-month point keeps its date; the TM chairs",
						secondReviewOn("2026-04-21"))
					.asOf("2026-04-22")
					.next(MeetingKind.REVIEW, "2026-07-14", "NOT-05", TEAM_MANAGER)
					.nextChair("NOT-08", List.of(TEAM_MANAGER), null),
				// r2 22 April + 12 weeks = Wed 15 July, the day after: due on 14 July
				// instead.
				rule("NOT-08", "a review NOT-05 puts the day after 6 months is due at 6 months",
						secondReviewOn("2026-04-22"))
					.asOf("2026-04-23")
					.expect(REVIEW, "2026-07-14", PENDING)
					.next(MeetingKind.REVIEW, "2026-07-14", "NOT-08", TEAM_MANAGER)
					.nextChair("NOT-08", List.of(TEAM_MANAGER), null),
				// r2 due 20 May, held late on 20 July, after the 6-month point; NOT-05
				// would say 12 October. The 6-month review is due by 14 July but never
				// before the meeting it follows: due 20 July, at once.
				rule("NOT-08", "the review before it held after 6 months: the TM review is due at once",
						secondReviewOn("2026-07-20"))
					.asOf("2026-07-21")
					.expect("NOT-05", REVIEW, "2026-05-20", MET_LATE)
					.expect(REVIEW, "2026-07-20", OVERDUE)
					.next(MeetingKind.REVIEW, "2026-07-20", "NOT-08", TEAM_MANAGER),
				// Planning Tue 31 March (17 Mar + 10 WD: 18-20, 23-27, 30, 31: on time);
				// + 6 months = 31 September, clamped to Wed 30 September. r1 12 May (+ 6
				// weeks), r2 4 August (+ 12 weeks); NOT-05 would say 4 Aug + 12 weeks =
				// 27 October: due 30 September.
				rule("NOT-08", "month-end clamping: 31 March + 6 months = 30 September",
						plan(AFTER_ASSESSMENT, "2026-03-02", "2026-03-17").planning("p1", "2026-03-31", TEAM_MANAGER)
							.review("r1", "2026-05-12", SOCIAL_WORKER)
							.review("r2", "2026-08-04", SOCIAL_WORKER))
					.asOf("2026-08-05")
					.expect(REVIEW, "2026-09-30", PENDING)
					.next(MeetingKind.REVIEW, "2026-09-30", "NOT-08", TEAM_MANAGER),
				// NOT-14 chairs a supervision-order case throughout; NOT-08's date still
				// applies.
				rule("NOT-08", "supervision order: due at 6 months, chaired independently (NOT-14)",
						startedInJanuary().flags(PlanFlag.SUPERVISION_ORDER))
					.asOf("2026-06-01")
					.next(MeetingKind.REVIEW, "2026-07-14", "NOT-08", INDEPENDENT_REVIEWING_OFFICER)
					.nextChair("NOT-14",
							List.of(INDEPENDENT_REVIEWING_OFFICER, CHILD_PROTECTION_CHAIR, CIN_REVIEWING_OFFICER),
							ChairConstraint.INDEPENDENT),
				// 14 Jan + 9 months = 14 October.
				rule("NOT-09", "service manager review at 9 months, not done", startedInJanuary()).asOf("2026-10-15")
					.expect(MANAGEMENT_OVERSIGHT, "2026-10-14", OVERDUE)
					.responsible(SERVICE_MANAGER),
				// Start 30 May 2025: + 9 months is 30 February, clamped to 28 February
				// 2026.
				rule("NOT-09", "month-end clamping: 30 May + 9 months = 28 February",
						plan(AFTER_ASSESSMENT, "2025-05-01", "2025-05-20").planning("p1", "2025-05-30", TEAM_MANAGER))
					.asOf("2025-06-01")
					.expect(MANAGEMENT_OVERSIGHT, "2026-02-28", PENDING),
				rule("NOT-10", "group manager at 12 months, then 3-monthly; oversights meet them in turn",
						startedInJanuary().event(PlanEventKind.MANAGEMENT_OVERSIGHT, "2026-10-10")
							.event(PlanEventKind.MANAGEMENT_OVERSIGHT, "2027-01-12"))
					.asOf("2027-01-20")
					.expect("NOT-09", MANAGEMENT_OVERSIGHT, "2026-10-14", MET)
					.expectMet(MANAGEMENT_OVERSIGHT, "2027-01-14", MET, "2027-01-12")
					.expect(MANAGEMENT_OVERSIGHT, "2027-04-14", PENDING)
					.responsible(GROUP_MANAGER),
				// Start 30 May 2025: 12, 15, 18, 21, 24 months = 30 May, 30 Aug, 30 Nov
				// 2026, 28 Feb, 30 May 2027.
				rule("NOT-10", "3-monthly repeats count from plan start, so a clamped February does not drift",
						plan(AFTER_ASSESSMENT, "2025-05-01", "2025-05-20").planning("p1", "2025-05-30", TEAM_MANAGER))
					.asOf("2027-03-01")
					.expect(MANAGEMENT_OVERSIGHT, "2027-02-28", OVERDUE)
					.expect(MANAGEMENT_OVERSIGHT, "2027-05-30", PENDING)
					.count("NOT-10", 5),
				// Final review 30 June + 5 WD = 7 July.
				rule("NOT-11", "after the final review, plan to the team within 5 working days",
						planned().review("r1", "2026-05-19", SOCIAL_WORKER)
							.review("r2", "2026-06-30", SOCIAL_WORKER)
							.isFinal())
					.asOf("2026-07-08")
					.expect(PLAN_DISTRIBUTED, "2026-07-07", OVERDUE)
					.expect("NOT-12", CASE_CLOSURE, "2026-07-07", OVERDUE)
					.count("NOT-07", 1)
					.noNextMeeting(),
				rule("NOT-12", "closed within 5 working days; the unsent plan stays overdue after closure",
						planned().review("r1", "2026-05-19", SOCIAL_WORKER)
							.review("r2", "2026-06-30", SOCIAL_WORKER)
							.isFinal()
							.closed("2026-07-03"))
					.asOf("2026-07-10")
					.expectMet(CASE_CLOSURE, "2026-07-07", MET, "2026-07-03")
					.expect("NOT-11", PLAN_DISTRIBUTED, "2026-07-07", OVERDUE)
					.noNextMeeting(),
				// Incident 10 June + 2 weeks = 24 June.
				rule("NOT-13", "multi-agency review after a s136 detention, a day late",
						planned().event(PlanEventKind.MHA_S136_INCIDENT, "2026-06-10")
							.event(PlanEventKind.MHA_S136_REVIEW, "2026-06-25"))
					.asOf("2026-07-01")
					.expectMet(MHA_S136_REVIEW, "2026-06-24", MET_LATE, "2026-06-25"),
				rule("NOT-14", "supervision order: planning chaired independently",
						plan(AFTER_PROCEEDINGS, "2026-03-02", "2026-03-25").flags(PlanFlag.SUPERVISION_ORDER))
					.asOf("2026-04-01")
					.next(PLANNING, "2026-04-10", "NOT-01", INDEPENDENT_REVIEWING_OFFICER)
					.nextChair("NOT-14",
							List.of(INDEPENDENT_REVIEWING_OFFICER, CHILD_PROTECTION_CHAIR, CIN_REVIEWING_OFFICER),
							ChairConstraint.INDEPENDENT),
				rule("NOT-14", "supervision order: a team manager in the chair is not compliant",
						plan(AFTER_PROCEEDINGS, "2026-03-02", "2026-03-25").flags(PlanFlag.SUPERVISION_ORDER)
							.planning("p1", "2026-04-08", TEAM_MANAGER))
					.asOf("2026-04-08")
					.chair("p1", INDEPENDENT_REVIEWING_OFFICER, "NOT-14", false),
				rule("NOT-04", "asOf in the past ignores the review held after it",
						planned().review("r1", "2026-05-19", SOCIAL_WORKER))
					.asOf("2026-05-01")
					.expect(FIRST_REVIEW, "2026-05-20", PENDING)
					.expectNone("NOT-06")
					.next(MeetingKind.REVIEW, "2026-05-20", "NOT-04", SOCIAL_WORKER),
				rule("§1", "asOf before the referral is refused", planned()).asOf("2026-03-01")
					.problem(ValidationCode.AS_OF_BEFORE_PLAN, "§1"),
				rule("§1", "a date far outside any real range is refused, not computed with",
						planned().review("r1", "9999-12-31", SOCIAL_WORKER))
					.asOf("2026-05-01")
					.problem(ValidationCode.DATE_OUT_OF_RANGE, "§1")
					.count("NOT-01", 0),
				rule("§1", "an asOf far in the future is refused", planned()).asOf("+99999-01-01")
					.problem(ValidationCode.DATE_OUT_OF_RANGE, "§1"),
				rule("§1", "a meeting before the referral is refused",
						plan(AFTER_ASSESSMENT, "2026-03-02", "2026-03-25").planning("p1", "2026-02-27", TEAM_MANAGER))
					.asOf("2026-04-01")
					.problem(ValidationCode.DATE_BEFORE_REFERRAL, "§1"),

				// §9 trigger before referral. A family resident from Wed 1 April,
				// referred Tue 7 April: NOT-01 counts from the trigger. 1 Apr + 10 WD: 2
				// Apr (1), [3 Good Friday, 6 Easter Monday], 7-10 (5), 13-17 (10) = Fri
				// 17 April.
				rule("NOT-01", "transfer in with the trigger before the referral: accepted, counted from the trigger",
						plan(TRANSFER_IN, "2026-04-07", "2026-04-01"))
					.asOf("2026-04-07")
					.noProblems()
					.expect(INITIAL_MEETING, "2026-04-17", PENDING)
					.next(PLANNING, "2026-04-17", "NOT-01", TEAM_MANAGER),
				// CP plan ended Mon 9 March, referred Mon 30 March: 9 Mar + 10 WD: 10-13
				// (4), 16-20 (9), 23 (10) = Mon 23 March, already overdue when the plan
				// is referred; the plan starts on the step-down date.
				rule("NOT-01",
						"step-down referred after the CP plan ended: overdue from the referral, starts on the "
								+ "step-down",
						plan(STEP_DOWN_FROM_CHILD_PROTECTION, "2026-03-30", "2026-03-09"))
					.asOf("2026-03-30")
					.noProblems()
					.expect(INITIAL_MEETING, "2026-03-23", OVERDUE)
					.startDate("2026-03-09")
					.overdue(true),
				rule("§1", "asOf between a transfer-in trigger and its later referral: the plan did not exist yet",
						plan(TRANSFER_IN, "2026-04-07", "2026-04-01"))
					.asOf("2026-04-06")
					.problem(ValidationCode.AS_OF_BEFORE_PLAN, "§1")
					.count("NOT-01", 0),
				rule("§1", "after an assessment the trigger may not come before the referral",
						plan(AFTER_ASSESSMENT, "2026-04-07", "2026-04-01"))
					.asOf("2026-04-07")
					.problem(ValidationCode.TRIGGER_BEFORE_REFERRAL, "§1"));
	}

	@Override
	PolicyPack pack() {
		return PolicyCase.PACKS.get(AUTHORITY);
	}

	@Override
	Stream<PolicyCase> table() {
		return rows();
	}

}
