package uk.cin.policy;

import static uk.cin.policy.ChairRole.PRACTICE_LEAD;
import static uk.cin.policy.ChairRole.SERVICE_MANAGER;
import static uk.cin.policy.ChairRole.SOCIAL_WORKER;
import static uk.cin.policy.ChairRole.TEAM_MANAGER;
import static uk.cin.policy.DeadlineKind.FIRST_REVIEW;
import static uk.cin.policy.DeadlineKind.INITIAL_MEETING;
import static uk.cin.policy.DeadlineKind.INVITATIONS_SENT;
import static uk.cin.policy.DeadlineKind.MANAGEMENT_OVERSIGHT;
import static uk.cin.policy.DeadlineKind.MANAGER_SIGN_OFF;
import static uk.cin.policy.DeadlineKind.MEETING_RECORDED;
import static uk.cin.policy.DeadlineKind.PLAN_DISTRIBUTED;
import static uk.cin.policy.DeadlineKind.PLAN_UPDATED;
import static uk.cin.policy.DeadlineKind.REVIEW;
import static uk.cin.policy.DeadlineKind.STATUTORY_VISIT;
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
 * London borough on Azeus Care (docs/policy-rules.md). Bank holidays used: Good Friday 3
 * April and Easter Monday 6 April 2026, 4 May and 25 May 2026, Christmas 25 and 28
 * December 2026, New Year 1 January 2027.
 */
class LondonAzeusPolicyTest extends PolicyTable {

	static final String AUTHORITY = "london-azeus";

	/**
	 * Trigger 25 March 2026; initial meeting on its due date, Fri 17 April 2026 (the plan
	 * start).
	 */
	static PolicyCase.Plan planned() {
		return plan(AFTER_ASSESSMENT, "2026-03-02", "2026-03-25").planning("p1", "2026-04-17", PRACTICE_LEAD);
	}

	/**
	 * Start 17 April 2026, so start + 12 months = 17 April 2027. Each review a day or two
	 * early: r1 15 Jul (due 17 Jul), r2 14 Oct (due 15 Oct), r3 13 Jan 2027 (due 14 Jan),
	 * r4 12 Apr 2027 (due 13 Apr, before 17 Apr).
	 */
	static PolicyCase.Plan yearLong() {
		return planned().review("r1", "2026-07-15", SOCIAL_WORKER)
			.review("r2", "2026-10-14", SOCIAL_WORKER)
			.review("r3", "2027-01-13", SOCIAL_WORKER)
			.review("r4", "2027-04-12", SOCIAL_WORKER);
	}

	/** Initial meeting Thu 2 April 2026, the day before Good Friday. */
	static PolicyCase.Plan beforeEaster() {
		return plan(AFTER_ASSESSMENT, "2026-03-02", "2026-03-20").planning("p1", "2026-04-02", PRACTICE_LEAD);
	}

	static Stream<PolicyCase> rows() {
		return Stream.of(
				// LAZ-01: 25 Mar + 15 WD: 26, 27, 30, 31 Mar, 1, 2 Apr (6), skip 3 and 6
				// Apr, 7-10 (10), 13-17 (15).
				rule("LAZ-01", "15 working days over Easter; on the due date still pending, no invitations yet",
						plan(AFTER_ASSESSMENT, "2026-03-02", "2026-03-25"))
					.asOf("2026-04-17")
					.expect(INITIAL_MEETING, "2026-04-17", PENDING)
					.next(PLANNING, "2026-04-17", "LAZ-01", PRACTICE_LEAD)
					.nextChair("LAZ-01", List.of(PRACTICE_LEAD), null)
					.expectNone("LAZ-06")
					.overdue(false),
				rule("LAZ-01", "overdue the day after the due date", plan(AFTER_ASSESSMENT, "2026-03-02", "2026-03-25"))
					.asOf("2026-04-18")
					.expect(INITIAL_MEETING, "2026-04-17", OVERDUE)
					.overdue(true),
				rule("LAZ-01", "held on the due date, chaired by the practice lead: met and compliant", planned())
					.asOf("2026-04-17")
					.expectMet(INITIAL_MEETING, "2026-04-17", MET, "2026-04-17")
					.chair("p1", PRACTICE_LEAD, "LAZ-01", true)
					.startDate("2026-04-17"),
				rule("LAZ-01", "held a working day late, chaired by the social worker: met late, not compliant",
						plan(AFTER_ASSESSMENT, "2026-03-02", "2026-03-25").planning("p1", "2026-04-20", SOCIAL_WORKER))
					.asOf("2026-04-20")
					.expectMet(INITIAL_MEETING, "2026-04-17", MET_LATE, "2026-04-20")
					.chair("p1", PRACTICE_LEAD, "LAZ-01", false),
				// 18 Dec + 15 WD: 21-24 Dec (4), skip 25 and 28, 29-31 (7), skip 1 Jan,
				// 4-8 (12), 11-13 (15).
				rule("LAZ-01", "step-down from CP over Christmas; plan starts on the step-down date",
						plan(STEP_DOWN_FROM_CHILD_PROTECTION, "2026-09-01", "2026-12-18"))
					.asOf("2026-12-20")
					.expect(INITIAL_MEETING, "2027-01-13", PENDING)
					.next(PLANNING, "2027-01-13", "LAZ-01", PRACTICE_LEAD)
					.startDate("2026-12-18"),
				// 15 May + 15 WD: 18-22 (5), skip 25 May, 26-29 (9), 1-5 Jun (14), 8 Jun
				// (15).
				rule("LAZ-01",
						"after an ICPC with no plan, over the 25 May bank holiday; not a step-down, no start yet",
						plan(AFTER_ICPC_NO_PLAN, "2026-04-20", "2026-05-15"))
					.asOf("2026-05-20")
					.expect(INITIAL_MEETING, "2026-06-08", PENDING)
					.next(PLANNING, "2026-06-08", "LAZ-01", PRACTICE_LEAD)
					.startDate(null),
				// 27 Apr + 15 WD: 28-30 Apr, 1 May (4), skip 4 May, 5-8 (8), 11-15 (13),
				// 18, 19 (15).
				rule("LAZ-01", "private fostering, over the 4 May bank holiday, overdue",
						plan(PRIVATE_FOSTERING, "2026-04-20", "2026-04-27"))
					.asOf("2026-05-20")
					.expect(INITIAL_MEETING, "2026-05-19", OVERDUE)
					.overdue(true),
				// 1 Apr + 15 WD: 2 Apr (1), skip 3 and 6, 7-10 (5), 13-17 (10), 20-24
				// (15).
				rule("LAZ-01", "after proceedings (a step-down): plan starts on the trigger date",
						plan(AFTER_PROCEEDINGS, "2026-03-02", "2026-04-01"))
					.asOf("2026-04-02")
					.expect(INITIAL_MEETING, "2026-04-24", PENDING)
					.next(PLANNING, "2026-04-24", "LAZ-01", PRACTICE_LEAD)
					.startDate("2026-04-01"),
				// LAZ-13: 1 May + 20 WD: 5-8 (4), 11-15 (9), 18-22 (14), skip 25 May,
				// 26-29 (18), 1, 2 Jun (20).
				rule("LAZ-13", "transfer in: 20 working days over both May bank holidays; LAZ-01 does not apply",
						plan(TRANSFER_IN, "2026-04-20", "2026-05-01"))
					.asOf("2026-05-05")
					.expect(INITIAL_MEETING, "2026-06-02", PENDING)
					.expectNone("LAZ-01")
					.next(PLANNING, "2026-06-02", "LAZ-13", PRACTICE_LEAD),
				// 11 Dec + 20 WD: 14-18 (5), 21-24 (9), 29-31 (12), 4-8 Jan (17), 11-13
				// (20) = Wed 13 Jan 2027.
				rule("LAZ-13", "transfer in over Christmas, held a day late by the social worker",
						plan(TRANSFER_IN, "2026-12-01", "2026-12-11").planning("p1", "2027-01-14", SOCIAL_WORKER))
					.asOf("2027-01-14")
					.expectMet(INITIAL_MEETING, "2027-01-13", MET_LATE, "2027-01-14")
					.chair("p1", PRACTICE_LEAD, "LAZ-13", false),
				// LAZ-02: start 17 Apr + 3 months = 17 Jul. The review held 15 Jul is
				// after asOf, so ignored.
				rule("LAZ-02", "first review 3 months after plan start; asOf before the review ignores it",
						planned().review("r1", "2026-07-15", SOCIAL_WORKER))
					.asOf("2026-07-01")
					.expect(FIRST_REVIEW, "2026-07-17", PENDING)
					.next(MeetingKind.REVIEW, "2026-07-17", "LAZ-02", SOCIAL_WORKER)
					.nextChair("LAZ-02", List.of(SOCIAL_WORKER, PRACTICE_LEAD), null)
					.expectNone("LAZ-03")
					.count("LAZ-07", 1),
				// Start 30 Nov 2026 + 3 months = 30 Feb 2027, clamped to 28 Feb.
				rule("LAZ-02", "month-end clamping: 30 November + 3 months = 28 February",
						plan(AFTER_ASSESSMENT, "2026-11-02", "2026-11-10").planning("p1", "2026-11-30", PRACTICE_LEAD))
					.asOf("2026-12-01")
					.expect(FIRST_REVIEW, "2027-02-28", PENDING)
					.next(MeetingKind.REVIEW, "2027-02-28", "LAZ-02", SOCIAL_WORKER),
				// Returned home 31 Mar: LAZ-01 31 Mar + 15 WD = 1, 2 Apr, skip 3 and 6,
				// 7-10, 13-17, 20-23 = 23 Apr. Plan start is the step-down date 31 Mar
				// (no meeting before it); + 3 months = 31 Jun -> 30 Jun.
				rule("LAZ-02", "returned home from care: first review counts from the step-down date, clamped",
						plan(RETURNED_HOME_FROM_CARE, "2026-03-02", "2026-03-31").planning("p1", "2026-04-15",
								PRACTICE_LEAD))
					.asOf("2026-04-20")
					.startDate("2026-03-31")
					.expect("LAZ-01", INITIAL_MEETING, "2026-04-23", MET)
					.expect(FIRST_REVIEW, "2026-06-30", PENDING)
					.next(MeetingKind.REVIEW, "2026-06-30", "LAZ-02", SOCIAL_WORKER),
				rule("LAZ-02", "a next date set at the initial meeting beyond 3 months is refused under LAZ-03",
						planned().nextReviewOn("2026-07-18"))
					.asOf("2026-04-20")
					.problem(ValidationCode.NEXT_DATE_OVER_LIMIT, "LAZ-03")
					.next(MeetingKind.REVIEW, "2026-07-17", "LAZ-02", SOCIAL_WORKER),
				rule("LAZ-02", "first review chaired by a team manager: met but not compliant",
						planned().review("r1", "2026-07-15", TEAM_MANAGER))
					.asOf("2026-07-15")
					.expectMet(FIRST_REVIEW, "2026-07-17", MET, "2026-07-15")
					.chair("r1", SOCIAL_WORKER, "LAZ-02", false),
				// LAZ-03: r1 15 Jul + 3 months = 15 Oct.
				rule("LAZ-03", "later review 3 months after the last; first review chaired by the practice lead",
						planned().review("r1", "2026-07-15", PRACTICE_LEAD))
					.asOf("2026-07-20")
					.expect("LAZ-02", FIRST_REVIEW, "2026-07-17", MET)
					.expect(REVIEW, "2026-10-15", PENDING)
					.chair("r1", SOCIAL_WORKER, "LAZ-02", true)
					.next(MeetingKind.REVIEW, "2026-10-15", "LAZ-03", SOCIAL_WORKER)
					.nextChair("LAZ-03", List.of(SOCIAL_WORKER, PRACTICE_LEAD), null),
				rule("LAZ-03", "a next date a day over 3 months without a reason is refused; 3 months applies",
						planned().review("r1", "2026-07-15", SOCIAL_WORKER).nextReviewOn("2026-10-16"))
					.asOf("2026-07-20")
					.problem(ValidationCode.NEXT_DATE_OVER_LIMIT, "LAZ-03")
					.next(MeetingKind.REVIEW, "2026-10-15", "LAZ-03", SOCIAL_WORKER),
				// 15 Jul + 6 months = 15 Jan 2027, the limit itself.
				rule("LAZ-03", "with the practice lead's recorded rationale, exactly 6 months is allowed",
						planned().review("r1", "2026-07-15", SOCIAL_WORKER)
							.nextReviewOn("2027-01-15")
							.exceptionReason("Stable; agreed by the practice lead after case review"))
					.asOf("2026-07-20")
					.noProblems()
					.expect(REVIEW, "2027-01-15", PENDING)
					.next(MeetingKind.REVIEW, "2027-01-15", "LAZ-03", SOCIAL_WORKER),
				rule("LAZ-03", "a day over 6 months is refused even with a reason; 3 months applies",
						planned().review("r1", "2026-07-15", SOCIAL_WORKER)
							.nextReviewOn("2027-01-16")
							.exceptionReason("Stable; agreed by the practice lead after case review"))
					.asOf("2026-07-20")
					.problem(ValidationCode.NEXT_DATE_OVER_LIMIT, "LAZ-03")
					.next(MeetingKind.REVIEW, "2026-10-15", "LAZ-03", SOCIAL_WORKER),
				// LAZ-04 (§9: the first review included): initial meeting 1 Oct 2026 + 6
				// months = 1 Apr 2027, met early by r1 on 31 Dec 2026; r1 + 6 months = 31
				// Jun 2027, clamped to 30 Jun.
				rule("LAZ-04",
						"disabled child: first review 6 months after the initial meeting, later ones 6 months "
								+ "after the last, clamped",
						plan(AFTER_ASSESSMENT, "2026-09-01", "2026-09-15").disabledChild()
							.planning("p1", "2026-10-01", PRACTICE_LEAD)
							.review("r1", "2026-12-31", SOCIAL_WORKER))
					.asOf("2027-01-04")
					.expectMet(FIRST_REVIEW, "2027-04-01", MET, "2026-12-31")
					.expect(REVIEW, "2027-06-30", PENDING)
					.expectNone("LAZ-02")
					.expectNone("LAZ-03")
					.next(MeetingKind.REVIEW, "2027-06-30", "LAZ-04", SOCIAL_WORKER),
				// §9: initial meeting Fri 17 April 2026 + 6 months = Sat 17 October
				// (calendar months: a weekend does not move it). LAZ-02's 3 months (17
				// July) has passed and nothing is due under it.
				rule("LAZ-04", "disabled child: the first review is due 6 months after the initial meeting, not 3",
						planned().disabledChild())
					.asOf("2026-07-20")
					.expect(FIRST_REVIEW, "2026-10-17", PENDING)
					.expectNone("LAZ-02")
					.next(MeetingKind.REVIEW, "2026-10-17", "LAZ-04", SOCIAL_WORKER)
					.nextChair("LAZ-04", List.of(SOCIAL_WORKER, PRACTICE_LEAD), null),
				rule("LAZ-04", "disabled child: the first review is pending on its due date", planned().disabledChild())
					.asOf("2026-10-17")
					.expect(FIRST_REVIEW, "2026-10-17", PENDING),
				rule("LAZ-04", "disabled child: the first review is overdue the day after", planned().disabledChild())
					.asOf("2026-10-18")
					.expect(FIRST_REVIEW, "2026-10-17", OVERDUE)
					.overdue(true),
				rule("LAZ-04", "asOf before the first review was held ignores it",
						planned().disabledChild().review("r1", "2026-10-16", PRACTICE_LEAD))
					.asOf("2026-10-15")
					.expect(FIRST_REVIEW, "2026-10-17", PENDING)
					.count("LAZ-04", 1)
					.next(MeetingKind.REVIEW, "2026-10-17", "LAZ-04", SOCIAL_WORKER),
				// r1 Fri 16 October + 6 months = Fri 16 April 2027.
				rule("LAZ-04", "asOf after the first review was held: met, the next 6 months on",
						planned().disabledChild().review("r1", "2026-10-16", PRACTICE_LEAD))
					.asOf("2026-10-16")
					.expectMet(FIRST_REVIEW, "2026-10-17", MET, "2026-10-16")
					.chair("r1", SOCIAL_WORKER, "LAZ-04", true)
					.next(MeetingKind.REVIEW, "2027-04-16", "LAZ-04", SOCIAL_WORKER),
				rule("LAZ-04", "disabled child: a shorter date agreed at the initial meeting sets the first review",
						planned().nextReviewOn("2026-07-17").disabledChild())
					.asOf("2026-04-20")
					.noProblems()
					.expect(FIRST_REVIEW, "2026-07-17", PENDING)
					.next(MeetingKind.REVIEW, "2026-07-17", "LAZ-04", SOCIAL_WORKER),
				rule("LAZ-04", "disabled child: a first review date set beyond 6 months is refused; 6 months apply",
						planned().nextReviewOn("2026-10-18").disabledChild())
					.asOf("2026-04-20")
					.problem(ValidationCode.NEXT_DATE_OVER_LIMIT, "LAZ-04")
					.next(MeetingKind.REVIEW, "2026-10-17", "LAZ-04", SOCIAL_WORKER),
				// 27 weeks = 189 days: 17 Apr + 189 days = 23 October, past 17 October.
				rule("LAZ-04", "disabled child: an interval of 27 weeks agreed at the initial meeting is refused",
						planned().agreedWeeks(27).disabledChild())
					.asOf("2026-04-20")
					.problem(ValidationCode.INTERVAL_OVER_LIMIT, "LAZ-04")
					.next(MeetingKind.REVIEW, "2026-10-17", "LAZ-04", SOCIAL_WORKER),
				// Trigger 10 Mar + 15 WD: 11-13 (3), 16-20 (8), 23-27 (13), 30, 31 (15):
				// on time on Tue 31 March. 31 March + 6 months = 31 September, clamped to
				// Wed 30 September.
				rule("LAZ-04", "disabled child: month-end clamping, 31 March + 6 months = 30 September",
						plan(AFTER_ASSESSMENT, "2026-03-02", "2026-03-10").disabledChild()
							.planning("p1", "2026-03-31", PRACTICE_LEAD))
					.asOf("2026-04-01")
					.expect(FIRST_REVIEW, "2026-09-30", PENDING)
					.next(MeetingKind.REVIEW, "2026-09-30", "LAZ-04", SOCIAL_WORKER),
				// Returned home 31 March (the plan start); initial meeting 15 April + 6
				// months = 15 October. LAZ-02 would count from the plan start; LAZ-04
				// counts from the last meeting.
				rule("LAZ-04", "disabled child home from care: the first review counts from the initial meeting",
						plan(RETURNED_HOME_FROM_CARE, "2026-03-02", "2026-03-31").disabledChild()
							.planning("p1", "2026-04-15", PRACTICE_LEAD))
					.asOf("2026-04-20")
					.startDate("2026-03-31")
					.expect(FIRST_REVIEW, "2026-10-15", PENDING)
					.next(MeetingKind.REVIEW, "2026-10-15", "LAZ-04", SOCIAL_WORKER),
				// 15 Jul + 16 weeks (112 days) = 4 Nov: shorter than 6 months, so no
				// exception is needed.
				rule("LAZ-04", "disabled child: a shorter interval agreed at the review applies",
						planned().disabledChild().review("r1", "2026-07-15", SOCIAL_WORKER).agreedWeeks(16))
					.asOf("2026-07-20")
					.noProblems()
					.expect(REVIEW, "2026-11-04", PENDING)
					.next(MeetingKind.REVIEW, "2026-11-04", "LAZ-04", SOCIAL_WORKER),
				// LAZ-05: start 17 Apr + 20 WD: 20-24 (5), 27-30 Apr, 1 May (10), skip 4
				// May, 5-8 (14), 11-15 (19), 18 May (20). Seen on 12 May: + 20 WD: 13-15
				// (3), 18-22 (8), skip 25 May, 26-29 (12), 1-5 Jun (17), 8-10 Jun (20).
				// The unseen visit on 5 May does not count (it would give 3 June).
				rule("LAZ-05", "only visits where the child was seen count; the next visit is overdue",
						planned().visit("2026-05-05", false).visit("2026-05-12", true))
					.asOf("2026-06-11")
					.expectMet(STATUTORY_VISIT, "2026-05-18", MET, "2026-05-12")
					.expect(STATUTORY_VISIT, "2026-06-10", OVERDUE)
					.responsible(SOCIAL_WORKER),
				// 17 Apr + 10 WD: 20-24, 27-30 Apr, 1 May.
				rule("LAZ-05", "the plan's shorter frequency of 10 working days applies", planned().visitFrequency(10))
					.asOf("2026-04-20")
					.noProblems()
					.expect(STATUTORY_VISIT, "2026-05-01", PENDING),
				rule("LAZ-05", "a plan frequency of 25 working days is refused; 20 working days apply",
						planned().visitFrequency(25))
					.asOf("2026-04-20")
					.problem(ValidationCode.VISIT_FREQUENCY_OVER_LIMIT, "LAZ-05")
					.expect(STATUTORY_VISIT, "2026-05-18", PENDING),
				// Start 30 Nov + 20 WD: 1-4 Dec (4), 7-11 (9), 14-18 (14), 21-24 (18),
				// skip 25 and 28, 29, 30 (20). Seen 18 Dec + 20 WD: 21-24 (4), 29-31 (7),
				// skip 1 Jan, 4-8 (12), 11-15 (17), 18-20 (20). The visit on 15 Jan is
				// after asOf, so ignored.
				rule("LAZ-05", "visits over Christmas; asOf in the past ignores the later visit",
						plan(AFTER_ASSESSMENT, "2026-11-02", "2026-11-10").planning("p1", "2026-11-30", PRACTICE_LEAD)
							.visit("2026-12-18", true)
							.visit("2027-01-15", true))
					.asOf("2027-01-10")
					.expectMet(STATUTORY_VISIT, "2026-12-30", MET, "2026-12-18")
					.expect(STATUTORY_VISIT, "2027-01-20", PENDING)
					.count("LAZ-05", 2),
				// LAZ-06: 17 Apr - 3 weeks = 27 Mar; 15 Jul - 3 weeks = 24 Jun.
				rule("LAZ-06", "invitations exactly 3 weeks before the initial meeting, late for the review",
						planned().event(PlanEventKind.INVITATIONS_SENT, "2026-03-27")
							.review("r1", "2026-07-15", SOCIAL_WORKER)
							.event(PlanEventKind.INVITATIONS_SENT, "2026-07-01"))
					.asOf("2026-07-20")
					.expectMet(INVITATIONS_SENT, "2026-03-27", MET, "2026-03-27")
					.expectMet(INVITATIONS_SENT, "2026-06-24", MET_LATE, "2026-07-01")
					.responsible(SOCIAL_WORKER),
				// LAZ-07: Thu 2 Apr + 2 WD: skip 3 Apr (Good Friday), weekend, 6 Apr
				// (Easter Monday); 7, 8 Apr.
				rule("LAZ-07", "plan updated 2 working days after the meeting, over Easter",
						beforeEaster().event(PlanEventKind.PLAN_UPDATED, "2026-04-08"))
					.asOf("2026-04-10")
					.expectMet(PLAN_UPDATED, "2026-04-08", MET, "2026-04-08")
					.responsible(SOCIAL_WORKER),
				rule("LAZ-08", "meeting recorded a day after the 2 working days over Easter",
						beforeEaster().event(PlanEventKind.MEETING_RECORDED, "2026-04-09"))
					.asOf("2026-04-10")
					.expectMet(MEETING_RECORDED, "2026-04-08", MET_LATE, "2026-04-09")
					.responsible(SOCIAL_WORKER),
				// Review Thu 24 Dec: LAZ-07 + 2 WD: skip 25, 28 Dec: 29, 30 Dec. LAZ-09 +
				// 5 WD: 29, 30, 31 Dec, skip 1 Jan, 4, 5 Jan.
				rule("LAZ-09", "updated plan not circulated 5 working days after a Christmas Eve review",
						plan(AFTER_ASSESSMENT, "2026-08-17", "2026-09-07").planning("p1", "2026-09-28", PRACTICE_LEAD)
							.review("r1", "2026-12-24", SOCIAL_WORKER)
							.event(PlanEventKind.PLAN_UPDATED, "2026-12-30"))
					.asOf("2027-01-06")
					.expect("LAZ-07", PLAN_UPDATED, "2026-12-30", MET)
					.expect(PLAN_DISTRIBUTED, "2027-01-05", OVERDUE)
					.responsible(SOCIAL_WORKER)
					.overdue(true),
				// LAZ-10: step-down 29 May 2026 is the plan start; + 9 months = 29 Feb
				// 2027, clamped to 28 Feb. LAZ-11: + 12 months = 29 May 2027.
				rule("LAZ-10", "9-month service manager review, clamped to 28 February, not done",
						plan(STEP_DOWN_FROM_CHILD_PROTECTION, "2026-01-05", "2026-05-29").planning("p1", "2026-06-12",
								PRACTICE_LEAD))
					.asOf("2027-03-01")
					.startDate("2026-05-29")
					.expect(MANAGEMENT_OVERSIGHT, "2027-02-28", OVERDUE)
					.expect("LAZ-11", MANAGEMENT_OVERSIGHT, "2027-05-29", PENDING)
					.responsible(SERVICE_MANAGER),
				// Start 17 Apr 2026: LAZ-10 due 17 Jan 2027, LAZ-11 due 17 Apr 2027.
				// Oversight on 12 Jan meets LAZ-10; the next one after 17 Jan (20 Apr)
				// meets LAZ-11, late.
				rule("LAZ-11", "oversight events meet LAZ-10 then LAZ-11 in turn; the second is late",
						planned().event(PlanEventKind.MANAGEMENT_OVERSIGHT, "2027-01-12")
							.event(PlanEventKind.MANAGEMENT_OVERSIGHT, "2027-04-20"))
					.asOf("2027-04-30")
					.expect("LAZ-10", MANAGEMENT_OVERSIGHT, "2027-01-17", MET)
					.expectMet(MANAGEMENT_OVERSIGHT, "2027-04-17", MET_LATE, "2027-04-20")
					.responsible(SERVICE_MANAGER),
				// Both events come before LAZ-10's due date (17 Jan 2027): the second
				// does not meet LAZ-11.
				rule("LAZ-11", "two oversights before 9 months: the second does not meet the 12-month review",
						planned().event(PlanEventKind.MANAGEMENT_OVERSIGHT, "2026-12-01")
							.event(PlanEventKind.MANAGEMENT_OVERSIGHT, "2027-01-05"))
					.asOf("2027-02-01")
					.expect("LAZ-10", MANAGEMENT_OVERSIGHT, "2027-01-17", MET)
					.expect(MANAGEMENT_OVERSIGHT, "2027-04-17", PENDING),
				// LAZ-12: start + 12 months = 17 Apr 2027. r4 was due 13 Apr 2027 (r3 13
				// Jan + 3 months), before it, so the usual chair; the next, due 12 Apr +
				// 3 months = 12 Jul 2027, is the first on or after.
				rule("LAZ-12", "the first review due on or after 12 months is chaired by the practice lead", yearLong())
					.asOf("2027-04-13")
					.chair("r4", SOCIAL_WORKER, "LAZ-03", true)
					.next(MeetingKind.REVIEW, "2027-07-12", "LAZ-03", PRACTICE_LEAD)
					.nextChair("LAZ-12", List.of(PRACTICE_LEAD), null),
				// 12 Jul + 3 months = 12 Oct 2027.
				rule("LAZ-12", "held with the social worker in the chair it is not compliant; next back to LAZ-03",
						yearLong().review("r5", "2027-07-12", SOCIAL_WORKER))
					.asOf("2027-07-13")
					.chair("r5", PRACTICE_LEAD, "LAZ-12", false)
					.next(MeetingKind.REVIEW, "2027-10-12", "LAZ-03", SOCIAL_WORKER),
				rule("LAZ-12", "a plan recording long-term support has no practice-lead review",
						yearLong().flags(PlanFlag.LONG_TERM_SUPPORT))
					.asOf("2027-04-13")
					.next(MeetingKind.REVIEW, "2027-07-12", "LAZ-03", SOCIAL_WORKER)
					.nextChair("LAZ-03", List.of(SOCIAL_WORKER, PRACTICE_LEAD), null),
				// LAZ-14: due on the meeting date itself (17 Apr, 15 Jul, 14 Oct).
				rule("LAZ-14", "signed at the initial meeting, a day late after r1, not at all after r2",
						planned().event(PlanEventKind.MANAGER_SIGN_OFF, "2026-04-17")
							.review("r1", "2026-07-15", SOCIAL_WORKER)
							.event(PlanEventKind.MANAGER_SIGN_OFF, "2026-07-16")
							.review("r2", "2026-10-14", SOCIAL_WORKER))
					.asOf("2026-10-15")
					.expectMet(MANAGER_SIGN_OFF, "2026-04-17", MET, "2026-04-17")
					.expectMet(MANAGER_SIGN_OFF, "2026-07-15", MET_LATE, "2026-07-16")
					.expect(MANAGER_SIGN_OFF, "2026-10-14", OVERDUE)
					.responsible(PRACTICE_LEAD),

				// §9 trigger before referral. Resident Fri 11 December, referred Mon 14
				// December: 13 January 2027 as above.
				rule("LAZ-13", "family resident before the referral: accepted, 20 working days from residence",
						plan(TRANSFER_IN, "2026-12-14", "2026-12-11"))
					.asOf("2026-12-14")
					.noProblems()
					.expect(INITIAL_MEETING, "2027-01-13", PENDING)
					.next(PLANNING, "2027-01-13", "LAZ-13", PRACTICE_LEAD),
				// Resident Wed 1 April, referred Wed 20 May: 1 Apr + 20 WD: 2 (1), [3, 6
				// Apr], 7-10 (5), 13-17 (10), 20-24 (15), 27-30 Apr, 1 May (20) = Fri 1
				// May, overdue when the plan is referred.
				rule("LAZ-13", "family resident long before the referral: overdue from the referral",
						plan(TRANSFER_IN, "2026-05-20", "2026-04-01"))
					.asOf("2026-05-20")
					.expect(INITIAL_MEETING, "2026-05-01", OVERDUE)
					.overdue(true),
				// CP plan ended Fri 18 December, referred Mon 4 January 2027: LAZ-01 18
				// Dec + 15 WD = 13 January (as above); the plan starts on the step-down,
				// so LAZ-05 is due 18 Dec + 20 WD: 21-24 (4), [25, 28], 29-31 (7), [1
				// Jan], 4-8 (12), 11-15 (17), 18-20 (20) = Wed 20 January 2027.
				rule("LAZ-05", "step-down before the referral: visits count from the step-down date",
						plan(STEP_DOWN_FROM_CHILD_PROTECTION, "2027-01-04", "2026-12-18"))
					.asOf("2027-01-04")
					.noProblems()
					.startDate("2026-12-18")
					.expect("LAZ-01", INITIAL_MEETING, "2027-01-13", PENDING)
					.expect(STATUTORY_VISIT, "2027-01-20", PENDING),
				rule("§1", "after the decision that a CIN meeting is needed, the trigger may not precede the referral",
						plan(AFTER_ASSESSMENT, "2026-03-25", "2026-03-24"))
					.asOf("2026-03-25")
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
