package uk.cin.policy;

import static uk.cin.policy.ChairRole.ADVANCED_SOCIAL_WORKER;
import static uk.cin.policy.ChairRole.CHILD_PROTECTION_CHAIR;
import static uk.cin.policy.ChairRole.INDEPENDENT_REVIEWING_OFFICER;
import static uk.cin.policy.ChairRole.PRACTICE_ASSESSOR;
import static uk.cin.policy.ChairRole.PRACTICE_LEAD;
import static uk.cin.policy.ChairRole.SOCIAL_WORKER;
import static uk.cin.policy.ChairRole.TEAM_MANAGER;
import static uk.cin.policy.DeadlineKind.CASE_SUMMARY;
import static uk.cin.policy.DeadlineKind.FIRST_HOME_VISIT;
import static uk.cin.policy.DeadlineKind.FIRST_REVIEW;
import static uk.cin.policy.DeadlineKind.INITIAL_MEETING;
import static uk.cin.policy.DeadlineKind.INVITATIONS_SENT;
import static uk.cin.policy.DeadlineKind.PLAN_DISTRIBUTED;
import static uk.cin.policy.DeadlineKind.REPORT_SHARED;
import static uk.cin.policy.DeadlineKind.REVIEW;
import static uk.cin.policy.DeadlineKind.STEP_DOWN_PREPARATION;
import static uk.cin.policy.DeadlineStatus.MET;
import static uk.cin.policy.DeadlineStatus.MET_LATE;
import static uk.cin.policy.DeadlineStatus.OVERDUE;
import static uk.cin.policy.DeadlineStatus.PENDING;
import static uk.cin.policy.MeetingKind.PLANNING;
import static uk.cin.policy.PlanStartReason.AFTER_ASSESSMENT;
import static uk.cin.policy.PlanStartReason.AFTER_ICPC_NO_PLAN;
import static uk.cin.policy.PlanStartReason.AFTER_PROCEEDINGS;
import static uk.cin.policy.PlanStartReason.PRIVATE_FOSTERING;
import static uk.cin.policy.PlanStartReason.RETURNED_HOME_FROM_CARE;
import static uk.cin.policy.PlanStartReason.STEP_DOWN_FROM_CHILD_PROTECTION;
import static uk.cin.policy.PlanStartReason.TRANSFER_IN;
import static uk.cin.policy.PolicyCase.plan;
import static uk.cin.policy.PolicyCase.rule;

import java.util.List;
import java.util.stream.Stream;
import uk.cin.policy.pack.PolicyPack;

/**
 * Camden (docs/policy-rules.md). Bank holidays used: Good Friday 3 April and Easter
 * Monday 6 April 2026, 4 May and 25 May 2026, Christmas 25 and 28 December 2026, New Year
 * 1 January 2027.
 */
class CamdenPolicyTest extends PolicyTable {

	static final String AUTHORITY = "camden";

	/** Referral Mon 2 March 2026; assessment completed Mon 16 March; no meeting yet. */
	static PolicyCase.Plan assessed() {
		return plan(AFTER_ASSESSMENT, "2026-03-02", "2026-03-16");
	}

	/** Initial meeting Mon 30 March 2026, on the CAM-02 due date (16 March + 2 weeks). */
	static PolicyCase.Plan planned() {
		return assessed().planning("p1", "2026-03-30", TEAM_MANAGER);
	}

	/**
	 * Started 30 March 2026 and reviewed on every due date: r1 30 June (CAM-03, 30 March
	 * + 3 months), r2 30 September (CAM-04, 30 June + 3 months).
	 */
	static PolicyCase.Plan reviewedTwice() {
		return planned().review("r1", "2026-06-30", TEAM_MANAGER).review("r2", "2026-09-30", TEAM_MANAGER);
	}

	/** Returned home from care: discharged Fri 20 March 2026. */
	static PolicyCase.Plan returnedHome() {
		return plan(RETURNED_HOME_FROM_CARE, "2026-03-02", "2026-03-20");
	}

	/** Stepped down from a CP plan discharged at conference on Wed 18 February 2026. */
	static PolicyCase.Plan steppedDown() {
		return plan(STEP_DOWN_FROM_CHILD_PROTECTION, "2026-01-05", "2026-02-18");
	}

	/** Care proceedings concluded Fri 5 June 2026. */
	static PolicyCase.Plan afterProceedings() {
		return plan(AFTER_PROCEEDINGS, "2026-01-12", "2026-06-05");
	}

	static Stream<PolicyCase> rows() {
		return Stream.of(
				// CAM-01: referral 2 March + 7 days = Mon 9 March.
				rule("CAM-01", "home visit on the 7th day after the referral is on time",
						assessed().visit("2026-03-09", true))
					.asOf("2026-03-10")
					.expectMet(FIRST_HOME_VISIT, "2026-03-09", MET, "2026-03-09")
					.responsible(SOCIAL_WORKER),
				rule("CAM-01", "asOf in the past: a visit after asOf is ignored, so the visit is overdue",
						assessed().visit("2026-03-11", true))
					.asOf("2026-03-10")
					.expect(FIRST_HOME_VISIT, "2026-03-09", OVERDUE)
					.overdue(true),

				// CAM-02: assessment completed 16 March + 2 weeks = Mon 30 March.
				rule("CAM-02", "after assessment: initial meeting 2 weeks after the assessment, no plan start yet",
						assessed())
					.asOf("2026-03-20")
					.expect(INITIAL_MEETING, "2026-03-30", PENDING)
					.next(PLANNING, "2026-03-30", "CAM-02", TEAM_MANAGER)
					.nextChair("CAM-02", List.of(TEAM_MANAGER, ADVANCED_SOCIAL_WORKER, SOCIAL_WORKER), null)
					.expectNone("CAM-13")
					.startDate(null),
				rule("CAM-02", "held a day late and chaired by a role the rule does not accept",
						assessed().planning("p1", "2026-03-31", PRACTICE_LEAD))
					.asOf("2026-03-31")
					.expectMet(INITIAL_MEETING, "2026-03-30", MET_LATE, "2026-03-31")
					.chair("p1", TEAM_MANAGER, "CAM-02", false)
					.startDate("2026-03-31"),
				// ICPC Thu 17 December + 2 weeks = Thu 31 December (calendar weeks: the
				// bank holidays do not count).
				rule("CAM-02", "after an ICPC with no CP plan: 2 weeks after the conference",
						plan(AFTER_ICPC_NO_PLAN, "2026-12-01", "2026-12-17"))
					.asOf("2026-12-18")
					.expect(INITIAL_MEETING, "2026-12-31", PENDING)
					.next(PLANNING, "2026-12-31", "CAM-02", TEAM_MANAGER),
				// Tue 20 January + 2 weeks = Tue 3 February.
				rule("CAM-02", "transfer in: 2 weeks after the trigger, overdue the day after",
						plan(TRANSFER_IN, "2026-01-05", "2026-01-20"))
					.asOf("2026-02-04")
					.expect(INITIAL_MEETING, "2026-02-03", OVERDUE)
					.next(PLANNING, "2026-02-03", "CAM-02", TEAM_MANAGER)
					.overdue(true),
				// Fri 20 February + 2 weeks = Fri 6 March.
				rule("CAM-02", "private fostering: 2 weeks after the trigger, due date itself still pending",
						plan(PRIVATE_FOSTERING, "2026-02-02", "2026-02-20"))
					.asOf("2026-03-06")
					.expect(INITIAL_MEETING, "2026-03-06", PENDING)
					.next(PLANNING, "2026-03-06", "CAM-02", TEAM_MANAGER),

				// CAM-03: initial meeting 30 March + 3 months = Tue 30 June.
				rule("CAM-03", "first review 3 months after the initial meeting, chaired by an advanced SW",
						assessed().planning("p1", "2026-03-30", ADVANCED_SOCIAL_WORKER))
					.asOf("2026-04-01")
					.expect("CAM-02", INITIAL_MEETING, "2026-03-30", MET)
					.chair("p1", TEAM_MANAGER, "CAM-02", true)
					.expect(FIRST_REVIEW, "2026-06-30", PENDING)
					.next(MeetingKind.REVIEW, "2026-06-30", "CAM-03", TEAM_MANAGER)
					.nextChair("CAM-03", List.of(TEAM_MANAGER, ADVANCED_SOCIAL_WORKER, SOCIAL_WORKER), null)
					.startDate("2026-03-30"),
				// Trigger 20 Nov + 2 weeks = 4 Dec; initial meeting Mon 30 Nov 2026 + 3
				// months = 30 February, clamped to Sun 28 February 2027.
				rule("CAM-03", "month-end clamping: 30 November + 3 months = 28 February, overdue on 1 March",
						plan(AFTER_ASSESSMENT, "2026-11-02", "2026-11-20").planning("p1", "2026-11-30", SOCIAL_WORKER))
					.asOf("2027-03-01")
					.expect(FIRST_REVIEW, "2027-02-28", OVERDUE)
					.next(MeetingKind.REVIEW, "2027-02-28", "CAM-03", TEAM_MANAGER)
					.overdue(true),

				// CAM-04: trigger 18 Aug + 2 weeks = 1 Sep (planning on time); 1 Sep + 3
				// months = 1 Dec (r1 on 30 Nov on time); 30 Nov + 3 months = 30 February,
				// clamped to Sun 28 February 2027.
				rule("CAM-04", "later review 3 months after the last, month-end clamped to 28 February",
						plan(AFTER_ASSESSMENT, "2026-08-03", "2026-08-18").planning("p1", "2026-09-01", TEAM_MANAGER)
							.review("r1", "2026-11-30", ADVANCED_SOCIAL_WORKER))
					.asOf("2026-12-01")
					.expect("CAM-03", FIRST_REVIEW, "2026-12-01", MET)
					.chair("r1", TEAM_MANAGER, "CAM-03", true)
					.expect(REVIEW, "2027-02-28", PENDING)
					.next(MeetingKind.REVIEW, "2027-02-28", "CAM-04", TEAM_MANAGER)
					.nextChair("CAM-04", List.of(TEAM_MANAGER, ADVANCED_SOCIAL_WORKER, SOCIAL_WORKER), null),
				// r1 30 June + 8 weeks (56 days) = Tue 25 August, inside the 3 months (30
				// September).
				rule("CAM-04", "a shorter interval agreed at a review sets the next due date",
						planned().review("r1", "2026-06-30", TEAM_MANAGER).agreedWeeks(8))
					.asOf("2026-07-01")
					.expect(REVIEW, "2026-08-25", PENDING)
					.next(MeetingKind.REVIEW, "2026-08-25", "CAM-04", TEAM_MANAGER)
					.noProblems(),
				// r1 30 June + 14 weeks = 6 October, past 30 June + 3 months = 30
				// September: refused, 3 months apply.
				rule("CAM-04", "an agreed interval beyond 3 months is refused and 3 months apply",
						planned().review("r1", "2026-06-30", TEAM_MANAGER).agreedWeeks(14))
					.asOf("2026-07-01")
					.problem(ValidationCode.INTERVAL_OVER_LIMIT, "CAM-04")
					.next(MeetingKind.REVIEW, "2026-09-30", "CAM-04", TEAM_MANAGER),

				// CAM-05: CP plan discharged 18 February + 3 months = Mon 18 May. Plan
				// starts on the step-down date; CAM-01 still applies (5 Jan + 7 days = 12
				// Jan); CAM-13 18 Feb + 90 days = Tue 19 May.
				rule("CAM-05", "step-down from CP: first review 3 months after discharge, no initial meeting",
						steppedDown().visit("2026-01-09", true))
					.asOf("2026-03-01")
					.expect(FIRST_REVIEW, "2026-05-18", PENDING)
					.next(MeetingKind.REVIEW, "2026-05-18", "CAM-05", TEAM_MANAGER)
					.nextChair("CAM-05", List.of(TEAM_MANAGER, ADVANCED_SOCIAL_WORKER, SOCIAL_WORKER), null)
					.expectNone("CAM-02")
					.expect("CAM-01", FIRST_HOME_VISIT, "2026-01-12", MET)
					.expect("CAM-13", CASE_SUMMARY, "2026-05-19", PENDING)
					.startDate("2026-02-18"),
				rule("CAM-05", "closed on 15 May, before discharge + 3 months (18 May): refused",
						steppedDown().review("r1", "2026-05-01", TEAM_MANAGER)
							.outcome(ReviewOutcome.CLOSE)
							.closed("2026-05-15"))
					.asOf("2026-05-20")
					.expectMet(FIRST_REVIEW, "2026-05-18", MET, "2026-05-01")
					.chair("r1", TEAM_MANAGER, "CAM-05", true)
					.problem(ValidationCode.CLOSED_BEFORE_MINIMUM, "CAM-05")
					.noNextMeeting(),
				rule("CAM-05", "closed on 18 May, exactly discharge + 3 months: allowed",
						steppedDown().review("r1", "2026-05-01", TEAM_MANAGER)
							.outcome(ReviewOutcome.CLOSE)
							.closed("2026-05-18"))
					.asOf("2026-05-20")
					.noProblems()
					.noNextMeeting(),

				// CAM-06: discharged from care Fri 20 March + 4 weeks (28 days) = Fri 17
				// April.
				rule("CAM-06", "returned home from care: first review 4 weeks after discharge", returnedHome())
					.asOf("2026-03-25")
					.expect(FIRST_REVIEW, "2026-04-17", PENDING)
					.next(MeetingKind.REVIEW, "2026-04-17", "CAM-06", TEAM_MANAGER)
					.nextChair("CAM-06", List.of(TEAM_MANAGER, INDEPENDENT_REVIEWING_OFFICER), null)
					.expectNone("CAM-02")
					.startDate("2026-03-20"),
				rule("CAM-06", "first review held on the due date, chaired by the CLA IRO (complex case): compliant",
						returnedHome().review("r1", "2026-04-17", INDEPENDENT_REVIEWING_OFFICER))
					.asOf("2026-04-17")
					.expectMet(FIRST_REVIEW, "2026-04-17", MET, "2026-04-17")
					.chair("r1", TEAM_MANAGER, "CAM-06", true)
					.sequence("r1", 1),

				// CAM-07: proceedings concluded Fri 5 June + 4 weeks (28 days) = Fri 3
				// July.
				rule("CAM-07", "after proceedings: initial review 4 weeks on, IRO chair wins over CAM-08's assessor",
						afterProceedings().flags(PlanFlag.STUDENT_SOCIAL_WORKER))
					.asOf("2026-06-10")
					.expect(FIRST_REVIEW, "2026-07-03", PENDING)
					.next(MeetingKind.REVIEW, "2026-07-03", "CAM-07", INDEPENDENT_REVIEWING_OFFICER)
					.nextChair("CAM-07", List.of(INDEPENDENT_REVIEWING_OFFICER, CHILD_PROTECTION_CHAIR), null)
					.startDate("2026-06-05"),
				// r1 2 July (on time), r2 30 Sep (2 Jul + 3 months = 2 Oct), r3 1 Dec
				// final (30 Sep + 3m = 30 Dec).
				rule("CAM-07", "first by a CP chair: compliant; middle by the assessor (CAM-08); final not by an IRO",
						afterProceedings().flags(PlanFlag.STUDENT_SOCIAL_WORKER)
							.review("r1", "2026-07-02", CHILD_PROTECTION_CHAIR)
							.review("r2", "2026-09-30", PRACTICE_ASSESSOR)
							.review("r3", "2026-12-01", PRACTICE_ASSESSOR)
							.isFinal())
					.asOf("2026-12-02")
					.expectMet(FIRST_REVIEW, "2026-07-03", MET, "2026-07-02")
					.chair("r1", INDEPENDENT_REVIEWING_OFFICER, "CAM-07", true)
					.chair("r2", PRACTICE_ASSESSOR, "CAM-08", true)
					.chair("r3", INDEPENDENT_REVIEWING_OFFICER, "CAM-07", false)
					.noNextMeeting(),

				// CAM-08: student social worker; initial meeting still due 16 March + 2
				// weeks = 30 March.
				rule("CAM-08", "student social worker: the initial meeting is chaired by the practice assessor",
						assessed().flags(PlanFlag.STUDENT_SOCIAL_WORKER))
					.asOf("2026-03-20")
					.next(PLANNING, "2026-03-30", "CAM-02", PRACTICE_ASSESSOR)
					.nextChair("CAM-08", List.of(PRACTICE_ASSESSOR), null),
				// r1 30 June + 3 months = 30 September.
				rule("CAM-08", "assessor in the chair complies; the team manager does not",
						assessed().flags(PlanFlag.STUDENT_SOCIAL_WORKER)
							.planning("p1", "2026-03-30", PRACTICE_ASSESSOR)
							.review("r1", "2026-06-30", TEAM_MANAGER))
					.asOf("2026-07-01")
					.chair("p1", PRACTICE_ASSESSOR, "CAM-08", true)
					.chair("r1", PRACTICE_ASSESSOR, "CAM-08", false)
					.next(MeetingKind.REVIEW, "2026-09-30", "CAM-04", PRACTICE_ASSESSOR),

				// CAM-09: review Mon 29 June − 2 days = Sat 27 June.
				rule("CAM-09", "assessment shared 3 days before the review; none before the initial meeting",
						planned().review("r1", "2026-06-29", TEAM_MANAGER)
							.event(PlanEventKind.REPORT_SHARED, "2026-06-26"))
					.asOf("2026-07-01")
					.expectMet(REPORT_SHARED, "2026-06-27", MET, "2026-06-26")
					.count("CAM-09", 1)
					.responsible(SOCIAL_WORKER),
				rule("CAM-09", "asOf before the review: the review and its pre-meeting tasks do not exist yet",
						planned().review("r1", "2026-06-29", TEAM_MANAGER)
							.event(PlanEventKind.INVITATIONS_SENT, "2026-06-15")
							.event(PlanEventKind.REPORT_SHARED, "2026-06-28"))
					.asOf("2026-06-20")
					.expectNone("CAM-09")
					.expectNone("CAM-10")
					.expect("CAM-03", FIRST_REVIEW, "2026-06-30", PENDING)
					.next(MeetingKind.REVIEW, "2026-06-30", "CAM-03", TEAM_MANAGER),

				// CAM-10: review Fri 17 April − 10 WD: 16, 15, 14, 13, 10, 9, 8, 7, (6
				// Easter Monday, 3 Good Friday skipped) 2, 1 → Wed 1 April.
				rule("CAM-10", "invitations 10 working days before a review over Easter, sent on the day",
						returnedHome().review("r1", "2026-04-17", TEAM_MANAGER)
							.event(PlanEventKind.INVITATIONS_SENT, "2026-04-01"))
					.asOf("2026-04-20")
					.expectMet(INVITATIONS_SENT, "2026-04-01", MET, "2026-04-01")
					.responsible(SOCIAL_WORKER),
				// Review Mon 1 June − 10 WD: 29, 28, 27, 26, (25 May skipped) 22, 21, 20,
				// 19, 18, 15 → Fri 15 May.
				rule("CAM-10", "over the 25 May bank holiday, invitations sent on 18 May are late",
						planned().review("r1", "2026-06-01", TEAM_MANAGER)
							.event(PlanEventKind.INVITATIONS_SENT, "2026-05-18"))
					.asOf("2026-06-02")
					.expectMet(INVITATIONS_SENT, "2026-05-15", MET_LATE, "2026-05-18"),
				// Trigger 5 Oct + 2 weeks = 19 Oct; planning 12 Oct; + 3 months = 12 Jan
				// 2027 (r1 on time). Review Fri 8 Jan 2027 − 10 WD: 7, 6, 5, 4, (1 Jan
				// skipped) 31, 30, 29, (28, 25 Dec skipped) 24, 23, 22 → Tue 22 December
				// 2026.
				rule("CAM-10", "over Christmas and New Year, never sent: overdue; none before the initial meeting",
						plan(AFTER_ASSESSMENT, "2026-09-01", "2026-10-05").planning("p1", "2026-10-12", TEAM_MANAGER)
							.review("r1", "2027-01-08", TEAM_MANAGER))
					.asOf("2027-01-08")
					.expect(INVITATIONS_SENT, "2026-12-22", OVERDUE)
					.count("CAM-10", 1)
					.overdue(true),

				// CAM-11: meeting Mon 30 March + 10 WD: 31, 1, 2, (3 Good Friday, 6
				// Easter Monday skipped) 7, 8, 9, 10, 13, 14, 15 → Wed 15 April.
				rule("CAM-11", "record distributed 10 working days after the initial meeting, over Easter",
						planned().event(PlanEventKind.PLAN_DISTRIBUTED, "2026-04-15"))
					.asOf("2026-04-20")
					.expectMet(PLAN_DISTRIBUTED, "2026-04-15", MET, "2026-04-15")
					.responsible(SOCIAL_WORKER),
				// Trigger 20 Apr + 2 weeks = 4 May (planning 30 Apr on time). Thu 30
				// April + 10 WD: 1, (4 May skipped) 5, 6, 7, 8, 11, 12, 13, 14, 15 → Fri
				// 15 May.
				rule("CAM-11", "over the 4 May bank holiday, distributed on 18 May is late",
						plan(AFTER_ASSESSMENT, "2026-04-01", "2026-04-20").planning("p1", "2026-04-30", TEAM_MANAGER)
							.event(PlanEventKind.PLAN_DISTRIBUTED, "2026-05-18"))
					.asOf("2026-05-20")
					.expectMet(PLAN_DISTRIBUTED, "2026-05-15", MET_LATE, "2026-05-18"),
				// Trigger 7 Dec + 2 weeks = 21 Dec (planning 18 Dec on time). Fri 18
				// December + 10 WD: 21, 22, 23, 24, (25, 28 Dec skipped) 29, 30, 31, (1
				// Jan skipped) 4, 5, 6 → Wed 6 January 2027.
				rule("CAM-11", "over Christmas and New Year, never distributed: overdue the day after",
						plan(AFTER_ASSESSMENT, "2026-11-16", "2026-12-07").planning("p1", "2026-12-18", TEAM_MANAGER))
					.asOf("2027-01-07")
					.expect(PLAN_DISTRIBUTED, "2027-01-06", OVERDUE)
					.overdue(true),

				// CAM-12: start 30 March 2026 + 12 months = 30 March 2027. r3 29 Dec + 3
				// months = Mon 29 March 2027, the day before: not yet the trajectory
				// review.
				rule("CAM-12", "next review due the day before start + 12 months: no trajectory focus",
						reviewedTwice().review("r3", "2026-12-29", TEAM_MANAGER))
					.asOf("2027-01-05")
					.next(MeetingKind.REVIEW, "2027-03-29", "CAM-04", TEAM_MANAGER)
					.noNextFocus(),
				// r3 30 Dec + 3 months = Tue 30 March 2027 = start + 12 months: the first
				// review due on or after it.
				rule("CAM-12", "next review due exactly start + 12 months is the trajectory review",
						reviewedTwice().review("r3", "2026-12-30", TEAM_MANAGER))
					.asOf("2027-01-05")
					.next(MeetingKind.REVIEW, "2027-03-30", "CAM-04", TEAM_MANAGER)
					.nextFocus("TRAJECTORY_REVIEW", "CAM-12"),
				// r3 30 Dec sets the next date 20 March 2027 (inside 3 months): due
				// before 30 March, so no focus.
				rule("CAM-12", "a next date agreed before start + 12 months moves the focus to the review after",
						reviewedTwice().review("r3", "2026-12-30", TEAM_MANAGER).nextReviewOn("2027-03-20"))
					.asOf("2027-01-05")
					.next(MeetingKind.REVIEW, "2027-03-20", "CAM-04", TEAM_MANAGER)
					.noNextFocus()
					.noProblems(),

				// CAM-13 (§9): the first 90 days from plan start, each next one 90 days
				// from the summary before it. The first reading kept a fixed grid from
				// plan start (28 June, 26 September, 25 December). Start 30 March + 90
				// days = Sun 28 June; done early on 20 June: + 90 = Fri 18 September;
				// done late on 1 October: + 90 = Wed 30 December.
				rule("CAM-13", "each summary 90 days after the last: on time, late, then pending",
						planned().event(PlanEventKind.CASE_SUMMARY, "2026-06-20")
							.event(PlanEventKind.CASE_SUMMARY, "2026-10-01"))
					.asOf("2026-10-05")
					.expectMet(CASE_SUMMARY, "2026-06-28", MET, "2026-06-20")
					.expectMet(CASE_SUMMARY, "2026-09-18", MET_LATE, "2026-10-01")
					.expect(CASE_SUMMARY, "2026-12-30", PENDING)
					.count("CAM-13", 3)
					.responsible(SOCIAL_WORKER),
				// §9: "when a case summary is done early, the next one (90 days later) is
				// listed at once".
				rule("CAM-13", "a summary done early lists the next one at once, 90 days after it",
						planned().event(PlanEventKind.CASE_SUMMARY, "2026-06-20"))
					.asOf("2026-06-20")
					.expectMet(CASE_SUMMARY, "2026-06-28", MET, "2026-06-20")
					.expect(CASE_SUMMARY, "2026-09-18", PENDING)
					.count("CAM-13", 2),
				rule("CAM-13", "asOf the day before the early summary: only the first, pending",
						planned().event(PlanEventKind.CASE_SUMMARY, "2026-06-20"))
					.asOf("2026-06-19")
					.expect(CASE_SUMMARY, "2026-06-28", PENDING)
					.count("CAM-13", 1),
				// 28 June + 90 days = Sat 26 September (calendar days: the weekend does
				// not move it).
				rule("CAM-13", "done on its due date: met, and the next is 90 days on",
						planned().event(PlanEventKind.CASE_SUMMARY, "2026-06-28"))
					.asOf("2026-06-28")
					.expectMet(CASE_SUMMARY, "2026-06-28", MET, "2026-06-28")
					.expect(CASE_SUMMARY, "2026-09-26", PENDING)
					.count("CAM-13", 2),
				rule("CAM-13", "not done by the day after: overdue, and no next one until it is done", planned())
					.asOf("2026-06-29")
					.expect(CASE_SUMMARY, "2026-06-28", OVERDUE)
					.count("CAM-13", 1)
					.overdue(true),
				// A transfer summary on 25 June, five days after the last: 25 June + 90
				// days = Wed 23 September.
				rule("CAM-13", "a second summary in the same 90 days (on transfer) anchors the next one",
						planned().event(PlanEventKind.CASE_SUMMARY, "2026-06-20")
							.event(PlanEventKind.CASE_SUMMARY, "2026-06-25"))
					.asOf("2026-06-25")
					.expectMet(CASE_SUMMARY, "2026-06-28", MET, "2026-06-20")
					.expectMet(CASE_SUMMARY, "2026-09-18", MET, "2026-06-25")
					.expect(CASE_SUMMARY, "2026-09-23", PENDING)
					.count("CAM-13", 3),
				rule("CAM-13", "a summary before plan start does not count",
						planned().event(PlanEventKind.CASE_SUMMARY, "2026-03-20"))
					.asOf("2026-04-01")
					.expect(CASE_SUMMARY, "2026-06-28", PENDING)
					.count("CAM-13", 1),
				// r1 30 June (CAM-03 due 30 June) closes the plan on 1 July: the met
				// summary stays, the next one (18 September) is dropped with the plan.
				rule("CAM-13", "on closure the open summary is dropped, the one done stays",
						planned().event(PlanEventKind.CASE_SUMMARY, "2026-06-20")
							.review("r1", "2026-06-30", TEAM_MANAGER)
							.outcome(ReviewOutcome.CLOSE)
							.isFinal()
							.closed("2026-07-01"))
					.asOf("2026-07-02")
					.expectMet(CASE_SUMMARY, "2026-06-28", MET, "2026-06-20")
					.count("CAM-13", 1),

				// CAM-14: trigger 29 Dec + 2 weeks = 12 Jan (planning 5 Jan on time); 5
				// Jan + 3 months = 5 April (r1 31 March on time). Final review 31 March −
				// 1 month = 31 February, clamped to Sat 28 February.
				rule("CAM-14", "step-down preparation 1 month before the final review, clamped to 28 February",
						plan(AFTER_ASSESSMENT, "2025-12-01", "2025-12-29").planning("p1", "2026-01-05", TEAM_MANAGER)
							.review("r1", "2026-03-31", TEAM_MANAGER)
							.isFinal()
							.event(PlanEventKind.STEP_DOWN_PREPARATION, "2026-02-27"))
					.asOf("2026-04-01")
					.expectMet(STEP_DOWN_PREPARATION, "2026-02-28", MET, "2026-02-27")
					.count("CAM-14", 1)
					.responsible(SOCIAL_WORKER)
					.noNextMeeting(),
				// r1 31 March (not final); r2 30 June final (31 March + 3 months = 30
				// June): 30 June − 1 month = Sat 30 May.
				rule("CAM-14", "only the final review has a preparation deadline; never started: overdue",
						plan(AFTER_ASSESSMENT, "2025-12-01", "2025-12-29").planning("p1", "2026-01-05", TEAM_MANAGER)
							.review("r1", "2026-03-31", TEAM_MANAGER)
							.review("r2", "2026-06-30", TEAM_MANAGER)
							.isFinal())
					.asOf("2026-07-01")
					.expect(STEP_DOWN_PREPARATION, "2026-05-30", OVERDUE)
					.count("CAM-14", 1)
					.overdue(true),

				// §9 trigger before referral. Discharged from care Fri 20 March, referred
				// Mon 23 March: CAM-06 counts from the discharge (17 April), CAM-01 from
				// the referral (23 Mar + 7 days = 30 March); the plan starts on the
				// discharge, so CAM-13 is due 20 Mar + 90 days = Thu 18 June.
				rule("CAM-06", "returned home before the referral: accepted, counted from the discharge",
						plan(RETURNED_HOME_FROM_CARE, "2026-03-23", "2026-03-20"))
					.asOf("2026-03-23")
					.noProblems()
					.expect(FIRST_REVIEW, "2026-04-17", PENDING)
					.expect("CAM-01", FIRST_HOME_VISIT, "2026-03-30", PENDING)
					.expect("CAM-13", CASE_SUMMARY, "2026-06-18", PENDING)
					.startDate("2026-03-20"),
				// Conference Wed 18 February, referred Mon 2 March: the closure guard
				// counts from the conference.
				rule("CAM-05", "CP plan ended before the referral: closing before conference + 3 months is refused",
						plan(STEP_DOWN_FROM_CHILD_PROTECTION, "2026-03-02", "2026-02-18")
							.review("r1", "2026-05-01", TEAM_MANAGER)
							.outcome(ReviewOutcome.CLOSE)
							.closed("2026-05-15"))
					.asOf("2026-05-20")
					.expectMet(FIRST_REVIEW, "2026-05-18", MET, "2026-05-01")
					.problem(ValidationCode.CLOSED_BEFORE_MINIMUM, "CAM-05"),
				// Resident Tue 20 January, referred Tue 27 January: 20 Jan + 2 weeks = 3
				// February.
				rule("CAM-02", "transfer in resident before the referral: 2 weeks from the trigger, overdue after",
						plan(TRANSFER_IN, "2026-01-27", "2026-01-20"))
					.asOf("2026-02-04")
					.noProblems()
					.expect(INITIAL_MEETING, "2026-02-03", OVERDUE)
					.overdue(true),
				rule("§1", "after an assessment the trigger may not come before the referral",
						plan(AFTER_ASSESSMENT, "2026-03-16", "2026-03-13"))
					.asOf("2026-03-16")
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
