package uk.cin.policy;

import static uk.cin.policy.ChairRole.ADVANCED_SOCIAL_WORKER;
import static uk.cin.policy.ChairRole.DEPUTY_TEAM_MANAGER;
import static uk.cin.policy.ChairRole.PRACTICE_LEAD;
import static uk.cin.policy.ChairRole.SOCIAL_WORKER;
import static uk.cin.policy.ChairRole.TEAM_MANAGER;
import static uk.cin.policy.DeadlineKind.FIRST_REVIEW;
import static uk.cin.policy.DeadlineKind.INITIAL_MEETING;
import static uk.cin.policy.DeadlineKind.REVIEW;
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
 * Authority under the Children Law 2008 (docs/policy-rules.md). Bank holidays used: Good
 * Friday 3 April and Easter Monday 6 April 2026, 4 May and 25 May 2026, Christmas 25 and
 * 28 December 2026, New Year 1 January 2027.
 */
class ChildrenLaw2008PolicyTest extends PolicyTable {

	static final String AUTHORITY = "children-law-2008";

	/**
	 * Assessment completed 25 March 2026; planning meeting 15 April (within CL8-01's 17
	 * April).
	 */
	static PolicyCase.Plan planned() {
		return plan(AFTER_ASSESSMENT, "2026-03-02", "2026-03-25").planning("p1", "2026-04-15", TEAM_MANAGER);
	}

	/**
	 * Planning 15 April sets 10 June; the first review is held then, by the team manager,
	 * and sets no date.
	 */
	static PolicyCase.Plan twoMeetings() {
		return planned().nextReviewOn("2026-06-10").review("r1", "2026-06-10", TEAM_MANAGER);
	}

	/**
	 * Plan started 14 January 2026 (+ 12 months = 14 January 2027), no dates set, every
	 * review on time at 12 weeks: 14 Jan + 12w = 8 Apr; + 12w = 1 Jul (third meeting,
	 * DTM); + 12w = 23 Sep.
	 */
	static PolicyCase.Plan startedInJanuary() {
		return plan(AFTER_ASSESSMENT, "2025-12-15", "2026-01-02").planning("p1", "2026-01-14", TEAM_MANAGER)
			.review("r1", "2026-04-08", SOCIAL_WORKER)
			.review("r2", "2026-07-01", DEPUTY_TEAM_MANAGER)
			.review("r3", "2026-09-23", SOCIAL_WORKER);
	}

	static Stream<PolicyCase> rows() {
		return Stream.of(
				// CL8-01: Wed 25 March + 15 WD: 26, 27, 30, 31 Mar, 1, 2 Apr (6), [3 and
				// 6 Apr bank holidays], 7-10 (10), 13-17 Apr (15) = Fri 17 April.
				rule("CL8-01", "after assessment: 15 working days over Easter, due date itself still pending",
						plan(AFTER_ASSESSMENT, "2026-03-02", "2026-03-25"))
					.asOf("2026-04-17")
					.expect(INITIAL_MEETING, "2026-04-17", PENDING)
					.next(PLANNING, "2026-04-17", "CL8-01", TEAM_MANAGER)
					.nextChair("CL8-01", List.of(TEAM_MANAGER, DEPUTY_TEAM_MANAGER, SOCIAL_WORKER), null)
					.overdue(false),
				// Fri 11 Dec + 15 WD: 14-18 (5), 21-24 (9), [25, 28 Dec], 29-31 (12), [1
				// Jan], 4, 5, 6 Jan (15) = Wed 6 January 2027.
				rule("CL8-01", "step-down from CP over Christmas and New Year; plan starts on the step-down date",
						plan(STEP_DOWN_FROM_CHILD_PROTECTION, "2026-09-01", "2026-12-11"))
					.asOf("2026-12-20")
					.expect(INITIAL_MEETING, "2027-01-06", PENDING)
					.next(PLANNING, "2027-01-06", "CL8-01", TEAM_MANAGER)
					.startDate("2026-12-11"),
				// Fri 24 Apr + 15 WD: 27-30 Apr, 1 May (5), [4 May], 5-8 (9), 11-15 (14),
				// 18 May (15) = Mon 18 May.
				rule("CL8-01", "returned home from care: over the 4 May bank holiday, overdue the day after",
						plan(RETURNED_HOME_FROM_CARE, "2026-04-01", "2026-04-24"))
					.asOf("2026-05-19")
					.expect(INITIAL_MEETING, "2026-05-18", OVERDUE)
					.next(PLANNING, "2026-05-18", "CL8-01", TEAM_MANAGER)
					.overdue(true),
				// Fri 15 May + 15 WD: 18-22 (5), [25 May], 26-29 (9), 1-5 Jun (14), 8 Jun
				// (15) = Mon 8 June.
				rule("CL8-01", "after proceedings: planning on the due date, chaired by a deputy team manager",
						plan(AFTER_PROCEEDINGS, "2026-02-02", "2026-05-15").planning("p1", "2026-06-08",
								DEPUTY_TEAM_MANAGER))
					.asOf("2026-06-08")
					.expectMet(INITIAL_MEETING, "2026-06-08", MET, "2026-06-08")
					.chair("p1", TEAM_MANAGER, "CL8-01", true)
					.overdue(false),
				// Mon 1 Jun + 15 WD (no bank holiday): 2-5 (4), 8-12 (9), 15-19 (14), 22
				// (15) = Mon 22 June.
				rule("CL8-01", "private fostering: planning a day late, chaired by a role the rule does not accept",
						plan(PRIVATE_FOSTERING, "2026-05-11", "2026-06-01").planning("p1", "2026-06-23",
								ADVANCED_SOCIAL_WORKER))
					.asOf("2026-06-23")
					.expectMet(INITIAL_MEETING, "2026-06-22", MET_LATE, "2026-06-23")
					.chair("p1", TEAM_MANAGER, "CL8-01", false),
				// Wed 16 Dec + 15 WD: 17, 18, 21-24 (6), [25, 28 Dec], 29-31 (9), [1
				// Jan], 4-8 (14), 11 Jan (15) = Mon 11 January 2027.
				rule("CL8-01", "after an ICPC with no plan: planning on time by the social worker",
						plan(AFTER_ICPC_NO_PLAN, "2026-11-02", "2026-12-16").planning("p1", "2027-01-08",
								SOCIAL_WORKER))
					.asOf("2027-01-08")
					.expectMet(INITIAL_MEETING, "2027-01-11", MET, "2027-01-08")
					.chair("p1", TEAM_MANAGER, "CL8-01", true)
					.startDate("2027-01-08"),
				// CL8-07: Wed 25 March + 20 WD: 15 WD = Fri 17 April (above), then 20-24
				// April (20) = Fri 24 April.
				rule("CL8-07", "transfer in: 20 working days over Easter, not CL8-01",
						plan(TRANSFER_IN, "2026-03-02", "2026-03-25"))
					.asOf("2026-04-01")
					.expect(INITIAL_MEETING, "2026-04-24", PENDING)
					.expectNone("CL8-01")
					.next(PLANNING, "2026-04-24", "CL8-07", SOCIAL_WORKER)
					.nextChair("CL8-07", List.of(SOCIAL_WORKER), null),
				// Fri 4 Dec + 20 WD: 7-11 (5), 14-18 (10), 21-24 (14), [25, 28 Dec],
				// 29-31 (17), [1 Jan], 4, 5, 6 Jan (20) = Wed 6 January 2027.
				rule("CL8-07", "transfer in over Christmas: meeting a day late",
						plan(TRANSFER_IN, "2026-11-16", "2026-12-04").planning("p1", "2027-01-07", SOCIAL_WORKER))
					.asOf("2027-01-07")
					.expectMet(INITIAL_MEETING, "2027-01-06", MET_LATE, "2027-01-07")
					.chair("p1", SOCIAL_WORKER, "CL8-07", true)
					.expectNone("CL8-01"),
				// CL8-02: planning 15 April, no date set: + 12 weeks = 8 July.
				rule("CL8-02", "no date set at planning: first review 12 weeks after it", planned()).asOf("2026-05-01")
					.expect("CL8-01", INITIAL_MEETING, "2026-04-17", MET)
					.expect(FIRST_REVIEW, "2026-07-08", PENDING)
					.next(MeetingKind.REVIEW, "2026-07-08", "CL8-02", SOCIAL_WORKER)
					.nextChair("CL8-02", List.of(SOCIAL_WORKER, TEAM_MANAGER, DEPUTY_TEAM_MANAGER), null),
				rule("CL8-02", "the next date set at planning is the first review's due date",
						planned().nextReviewOn("2026-06-10"))
					.asOf("2026-05-01")
					.expect(FIRST_REVIEW, "2026-06-10", PENDING)
					.next(MeetingKind.REVIEW, "2026-06-10", "CL8-02", SOCIAL_WORKER)
					.noProblems(),
				// The date set at planning (10 June) applies to r1 only; r1 sets none: 10
				// June + 12 weeks = 2 Sept. That meeting is the third, so a deputy team
				// manager chairs it (CL8-04).
				rule("CL8-02", "review on the date set, chaired by the team manager; next date applies once",
						twoMeetings())
					.asOf("2026-06-15")
					.expectMet(FIRST_REVIEW, "2026-06-10", MET, "2026-06-10")
					.expect(REVIEW, "2026-09-02", PENDING)
					.chair("r1", SOCIAL_WORKER, "CL8-02", true)
					.next(MeetingKind.REVIEW, "2026-09-02", "CL8-02", DEPUTY_TEAM_MANAGER),
				// Due 15 April + 12 weeks = 8 July; held Thu 9 July.
				rule("CL8-02", "first review a day late, chaired by a practice lead (not accepted)",
						planned().review("r1", "2026-07-09", PRACTICE_LEAD))
					.asOf("2026-07-10")
					.expectMet(FIRST_REVIEW, "2026-07-08", MET_LATE, "2026-07-09")
					.chair("r1", SOCIAL_WORKER, "CL8-02", false),
				rule("CL8-02", "asOf in the past ignores the review held after it",
						planned().review("r1", "2026-07-01", SOCIAL_WORKER))
					.asOf("2026-06-30")
					.expect(FIRST_REVIEW, "2026-07-08", PENDING)
					.count("CL8-02", 1)
					.next(MeetingKind.REVIEW, "2026-07-08", "CL8-02", SOCIAL_WORKER),
				// README: an agreed interval stays in force. 15 Apr + 8w = 10 June; 10
				// June + 8w = 5 August.
				rule("CL8-02", "an interval of 8 weeks agreed at planning sets the first and later reviews",
						planned().agreedWeeks(8).review("r1", "2026-06-10", SOCIAL_WORKER))
					.asOf("2026-06-15")
					.expect(FIRST_REVIEW, "2026-06-10", MET)
					.expect(REVIEW, "2026-08-05", PENDING)
					.noProblems(),
				// CL8-03: 15 April + 12 weeks = 8 July; 9 July is one day over.
				rule("CL8-03", "a next date one day beyond 12 weeks is refused and 12 weeks applies",
						planned().nextReviewOn("2026-07-09"))
					.asOf("2026-05-01")
					.problem(ValidationCode.NEXT_DATE_OVER_LIMIT, "CL8-03")
					.next(MeetingKind.REVIEW, "2026-07-08", "CL8-02", SOCIAL_WORKER),
				rule("CL8-03", "a next date of exactly 12 weeks is accepted", planned().nextReviewOn("2026-07-08"))
					.asOf("2026-05-01")
					.noProblems()
					.expect("CL8-02", FIRST_REVIEW, "2026-07-08", PENDING),
				rule("CL8-03", "an agreed interval of 13 weeks is refused", planned().agreedWeeks(13))
					.asOf("2026-04-15")
					.problem(ValidationCode.INTERVAL_OVER_LIMIT, "CL8-03")
					.next(MeetingKind.REVIEW, "2026-07-08", "CL8-02", SOCIAL_WORKER),
				// §9: a date over 12 weeks is accepted when the meeting records an
				// exception reason. 9 July is one day past 15 April + 12 weeks (8 July).
				rule("CL8-03", "a next date one day beyond 12 weeks, with an exception reason: accepted, due then",
						planned().nextReviewOn("2026-07-09").exceptionReason("mother in hospital until July"))
					.asOf("2026-05-01")
					.noProblems()
					.expect(FIRST_REVIEW, "2026-07-09", PENDING)
					.next(MeetingKind.REVIEW, "2026-07-09", "CL8-03", SOCIAL_WORKER)
					.nextChair("CL8-02", List.of(SOCIAL_WORKER, TEAM_MANAGER, DEPUTY_TEAM_MANAGER), null),
				rule("CL8-03", "a blank exception reason is no reason: refused, 12 weeks apply",
						planned().nextReviewOn("2026-07-09").exceptionReason("   "))
					.asOf("2026-05-01")
					.problem(ValidationCode.NEXT_DATE_OVER_LIMIT, "CL8-03")
					.next(MeetingKind.REVIEW, "2026-07-08", "CL8-02", SOCIAL_WORKER),
				// 15 April + 13 weeks (91 days) = Wed 15 July; it stays in force: 15 July
				// + 13 weeks = 14 October, the third meeting, so a deputy team manager
				// chairs it (CL8-04).
				rule("CL8-03", "an agreed interval of 13 weeks with an exception reason is accepted and stays in force",
						planned().agreedWeeks(13)
							.exceptionReason("family abroad for the summer")
							.review("r1", "2026-07-15", SOCIAL_WORKER))
					.asOf("2026-07-20")
					.noProblems()
					.expectMet(FIRST_REVIEW, "2026-07-15", MET, "2026-07-15")
					.expect(REVIEW, "2026-10-14", PENDING)
					.next(MeetingKind.REVIEW, "2026-10-14", "CL8-03", DEPUTY_TEAM_MANAGER),
				rule("CL8-03", "asOf before the excepted review was held: pending on its due date",
						planned().nextReviewOn("2026-09-30")
							.exceptionReason("stable circumstances")
							.review("r1", "2026-10-01", SOCIAL_WORKER))
					.asOf("2026-09-30")
					.expect(FIRST_REVIEW, "2026-09-30", PENDING)
					.count("CL8-03", 1),
				rule("CL8-03", "asOf after the excepted review was held a day late: met late",
						planned().nextReviewOn("2026-09-30")
							.exceptionReason("stable circumstances")
							.review("r1", "2026-10-01", SOCIAL_WORKER))
					.asOf("2026-10-01")
					.expectMet(FIRST_REVIEW, "2026-09-30", MET_LATE, "2026-10-01"),
				// The date set applies to the next meeting only: r1 30 Sep + 12 weeks =
				// Wed 23 December (CL8-02).
				rule("CL8-03", "after the excepted review, the next is back to 12 weeks",
						planned().nextReviewOn("2026-09-30")
							.exceptionReason("stable circumstances")
							.review("r1", "2026-09-30", SOCIAL_WORKER))
					.asOf("2026-10-01")
					.expect(FIRST_REVIEW, "2026-09-30", MET)
					.next(MeetingKind.REVIEW, "2026-12-23", "CL8-02", DEPUTY_TEAM_MANAGER),
				// CL8-06: 30 September is 24 weeks after 15 April; allowed for a disabled
				// child with a reason, and then "the recorded interval applies instead of
				// CL8-02".
				rule("CL8-06", "disabled child with a recorded reason: the later date is not refused",
						planned().nextReviewOn("2026-09-30")
							.exceptionReason("stable circumstances, short breaks only")
							.disabledChild())
					.asOf("2026-05-01")
					.noProblems()
					.overdue(false)
					.nextChair("CL8-02", List.of(SOCIAL_WORKER, TEAM_MANAGER, DEPUTY_TEAM_MANAGER), null),
				// CL8-06: "then the recorded interval applies instead of CL8-02", so the
				// date cites CL8-06.
				rule("CL8-06", "disabled child with a recorded reason: a later date is the due date, under CL8-06",
						planned().nextReviewOn("2026-09-30")
							.exceptionReason("stable circumstances, short breaks only")
							.disabledChild())
					.asOf("2026-05-01")
					.noProblems()
					.expect(FIRST_REVIEW, "2026-09-30", PENDING)
					.next(MeetingKind.REVIEW, "2026-09-30", "CL8-06", SOCIAL_WORKER)
					.nextChair("CL8-02", List.of(SOCIAL_WORKER, TEAM_MANAGER, DEPUTY_TEAM_MANAGER), null),
				// §9 overturns the first reading (a child who is not disabled was refused
				// even with a reason): CL8-03's "exceptional circumstances" need only the
				// recorded reason.
				rule("CL8-03", "a child who is not disabled, with a recorded reason: 30 September is the due date",
						planned().nextReviewOn("2026-09-30").exceptionReason("stable circumstances"))
					.asOf("2026-05-01")
					.noProblems()
					.expect(FIRST_REVIEW, "2026-09-30", PENDING)
					.next(MeetingKind.REVIEW, "2026-09-30", "CL8-03", SOCIAL_WORKER),
				rule("CL8-06", "a disabled child with no recorded reason is refused; 12 weeks applies",
						planned().nextReviewOn("2026-09-30").disabledChild())
					.asOf("2026-05-01")
					.problem(ValidationCode.NEXT_DATE_OVER_LIMIT, "CL8-03")
					.next(MeetingKind.REVIEW, "2026-07-08", "CL8-02", SOCIAL_WORKER),
				// CL8-04: third meeting = 10 June + 12 weeks = 2 September.
				rule("CL8-04", "the third meeting is chaired by a deputy team manager", twoMeetings())
					.asOf("2026-06-15")
					.next(MeetingKind.REVIEW, "2026-09-02", "CL8-02", DEPUTY_TEAM_MANAGER)
					.nextChair("CL8-04", List.of(DEPUTY_TEAM_MANAGER), null),
				// 2 Sept + 12 weeks = 25 November, back to the social worker.
				rule("CL8-04", "held by a deputy team manager it is compliant; the fourth is back to CL8-02",
						twoMeetings().review("r2", "2026-09-02", DEPUTY_TEAM_MANAGER))
					.asOf("2026-09-03")
					.sequence("r2", 3)
					.chair("r2", DEPUTY_TEAM_MANAGER, "CL8-04", true)
					.expect("CL8-02", REVIEW, "2026-09-02", MET)
					.next(MeetingKind.REVIEW, "2026-11-25", "CL8-02", SOCIAL_WORKER),
				rule("CL8-04", "third meeting chaired by the social worker is not compliant",
						twoMeetings().review("r2", "2026-09-02", SOCIAL_WORKER))
					.asOf("2026-09-03")
					.chair("r2", DEPUTY_TEAM_MANAGER, "CL8-04", false),
				// CL8-05: start 14 Jan 2026 + 12 months = 14 Jan 2027. After r3: due 23
				// Sep + 12w = 16 Dec 2026, before the 12-month date, so not the specific
				// review.
				rule("CL8-05", "a review due before 12 months is not the specific review", startedInJanuary())
					.asOf("2026-10-01")
					.startDate("2026-01-14")
					.next(MeetingKind.REVIEW, "2026-12-16", "CL8-02", SOCIAL_WORKER),
				// After r4 on 16 Dec: 16 Dec + 12 weeks = 10 March 2027, the first due on
				// or after 14 Jan 2027.
				rule("CL8-05", "the first review due on or after 12 months is chaired by the team manager",
						startedInJanuary().review("r4", "2026-12-16", SOCIAL_WORKER))
					.asOf("2026-12-20")
					.expect("CL8-02", REVIEW, "2027-03-10", PENDING)
					.next(MeetingKind.REVIEW, "2027-03-10", "CL8-02", TEAM_MANAGER)
					.nextChair("CL8-05", List.of(TEAM_MANAGER), null),
				rule("CL8-05", "a date set exactly at start + 12 months makes that review the specific one",
						startedInJanuary().review("r4", "2026-12-16", SOCIAL_WORKER).nextReviewOn("2027-01-14"))
					.asOf("2026-12-20")
					.next(MeetingKind.REVIEW, "2027-01-14", "CL8-02", TEAM_MANAGER)
					.nextChair("CL8-05", List.of(TEAM_MANAGER), null),
				// r5 held 10 Mar 2027 by the social worker; next 10 Mar + 12 weeks = 2
				// June 2027.
				rule("CL8-05", "the 12-month review chaired by the social worker is not compliant; next is CL8-02",
						startedInJanuary().review("r4", "2026-12-16", SOCIAL_WORKER)
							.review("r5", "2027-03-10", SOCIAL_WORKER))
					.asOf("2027-03-11")
					.chair("r5", TEAM_MANAGER, "CL8-05", false)
					.next(MeetingKind.REVIEW, "2027-06-02", "CL8-02", SOCIAL_WORKER),
				rule("CL8-05", "a plan that records long-term support has no specific review",
						startedInJanuary().review("r4", "2026-12-16", SOCIAL_WORKER).flags(PlanFlag.LONG_TERM_SUPPORT))
					.asOf("2026-12-20")
					.next(MeetingKind.REVIEW, "2027-03-10", "CL8-02", SOCIAL_WORKER)
					.nextChair("CL8-02", List.of(SOCIAL_WORKER, TEAM_MANAGER, DEPUTY_TEAM_MANAGER), null),

				// §9 trigger before referral; seed 003: "within 20 working days of the
				// family being resident". Resident Mon 2 March, referred Mon 16 March: 2
				// Mar + 20 WD: 3-6 (4), 9-13 (9), 16-20 (14), 23-27 (19), 30 (20) = Mon
				// 30 March.
				rule("CL8-07", "family resident before the referral: accepted, 20 working days from residence",
						plan(TRANSFER_IN, "2026-03-16", "2026-03-02"))
					.asOf("2026-03-16")
					.noProblems()
					.expect(INITIAL_MEETING, "2026-03-30", PENDING)
					.next(PLANNING, "2026-03-30", "CL8-07", SOCIAL_WORKER),
				// Resident Fri 4 December, referred Mon 14 December: 6 January 2027 as
				// above; asOf the due date.
				rule("CL8-07", "resident before the referral, over Christmas: due date itself still pending",
						plan(TRANSFER_IN, "2026-12-14", "2026-12-04"))
					.asOf("2027-01-06")
					.expect(INITIAL_MEETING, "2027-01-06", PENDING)
					.overdue(false),
				// Proceedings concluded Fri 15 May, referred Mon 1 June: 8 June as above;
				// the plan starts 15 May.
				rule("CL8-01", "proceedings concluded before the referral: counted from their conclusion",
						plan(AFTER_PROCEEDINGS, "2026-06-01", "2026-05-15"))
					.asOf("2026-06-01")
					.noProblems()
					.expect(INITIAL_MEETING, "2026-06-08", PENDING)
					.startDate("2026-05-15"),
				rule("§1", "a private fostering visit may not come before the referral",
						plan(PRIVATE_FOSTERING, "2026-06-01", "2026-05-29"))
					.asOf("2026-06-01")
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
