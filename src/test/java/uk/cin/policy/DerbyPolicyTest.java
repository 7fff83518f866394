package uk.cin.policy;

import static uk.cin.policy.ChairRole.CIN_REVIEWING_OFFICER;
import static uk.cin.policy.ChairRole.SOCIAL_WORKER;
import static uk.cin.policy.ChairRole.SOCIAL_WORK_QUALIFIED_MANAGER;
import static uk.cin.policy.ChairRole.TEAM_MANAGER;
import static uk.cin.policy.DeadlineKind.FIRST_REVIEW;
import static uk.cin.policy.DeadlineKind.MANAGEMENT_OVERSIGHT;
import static uk.cin.policy.DeadlineKind.MANAGER_SIGN_OFF;
import static uk.cin.policy.DeadlineKind.MEETING_RECORDED;
import static uk.cin.policy.DeadlineKind.NETWORK_MEETING;
import static uk.cin.policy.DeadlineKind.REPORT_SHARED;
import static uk.cin.policy.DeadlineKind.REVIEW;
import static uk.cin.policy.DeadlineStatus.MET;
import static uk.cin.policy.DeadlineStatus.MET_LATE;
import static uk.cin.policy.DeadlineStatus.OVERDUE;
import static uk.cin.policy.DeadlineStatus.PENDING;
import static uk.cin.policy.PlanStartReason.AFTER_ASSESSMENT;
import static uk.cin.policy.PlanStartReason.AFTER_ICPC_NO_PLAN;
import static uk.cin.policy.PlanStartReason.AFTER_PROCEEDINGS;
import static uk.cin.policy.PlanStartReason.PRIVATE_FOSTERING;
import static uk.cin.policy.PlanStartReason.RETURNED_HOME_FROM_CARE;
import static uk.cin.policy.PlanStartReason.STEP_DOWN_FROM_CHILD_PROTECTION;
import static uk.cin.policy.PlanStartReason.TRANSFER_IN;
import static uk.cin.policy.PolicyCase.plan;
import static uk.cin.policy.PolicyCase.rule;
import static uk.cin.policy.ReviewOutcome.CLOSE;
import static uk.cin.policy.ReviewOutcome.CONTINUE;

import java.util.List;
import java.util.stream.Stream;
import uk.cin.policy.pack.PolicyPack;

/**
 * Derby City (docs/policy-rules.md). Derby counts calendar days, weeks and months only
 * (no working days), so the bank holidays a due date lands on (Good Friday 3 April,
 * Easter Monday 6 April, 25 May, 28 December 2026) never move it.
 *
 * <p>
 * Most reviews here record an outcome (CONTINUE unless the row is about CLOSE); one row
 * records none, as a review may. The outcome changes no expected date: only DER-11 looks
 * at it, and it follows CLOSE only.
 */
class DerbyPolicyTest extends PolicyTable {

	static final String AUTHORITY = "derby";

	/**
	 * After assessment: referral Mon 16 February 2026, allocated Fri 20 February,
	 * assessment done 20 March.
	 */
	static PolicyCase.Plan assessed() {
		return plan(AFTER_ASSESSMENT, "2026-02-16", "2026-03-20").allocated("2026-02-20");
	}

	/** Stepped down from a CP plan ended at the conference of Tue 31 March 2026. */
	static PolicyCase.Plan steppedDown() {
		return plan(STEP_DOWN_FROM_CHILD_PROTECTION, "2025-10-13", "2026-03-31");
	}

	/**
	 * Privately fostered: the 7-day visit that confirmed the placement was Mon 9 March
	 * 2026.
	 */
	static PolicyCase.Plan fostered() {
		return plan(PRIVATE_FOSTERING, "2026-02-23", "2026-03-09");
	}

	static Stream<PolicyCase> rows() {
		return Stream.of(
				// DER-01: allocated 20 Feb + 6 weeks (42 days) = Fri 3 April, Good
				// Friday; calendar weeks, not moved.
				rule("DER-01", "6 weeks after allocation lands on Good Friday and stays there; pending on the day",
						assessed())
					.asOf("2026-04-03")
					.expect(NETWORK_MEETING, "2026-04-03", PENDING)
					.responsible(SOCIAL_WORKER)
					.next(MeetingKind.REVIEW, "2026-06-16", "DER-03", CIN_REVIEWING_OFFICER)
					.overdue(false),
				rule("DER-01", "first network meeting overdue the day after", assessed()).asOf("2026-04-04")
					.expect(NETWORK_MEETING, "2026-04-03", OVERDUE)
					.overdue(true),
				// Network 2 April, met; DER-02: 2 April + 8 weeks (56 days) = 28 May.
				rule("DER-01", "first network meeting held the day before it was due",
						assessed().network("n1", "2026-04-02"))
					.asOf("2026-04-10")
					.expectMet(NETWORK_MEETING, "2026-04-03", MET, "2026-04-02")
					.expect("DER-02", NETWORK_MEETING, "2026-05-28", PENDING),
				// 31 March + 8 weeks = 26 May; held 27 May, a day late; 27 May + 8 weeks
				// = 22 July.
				rule("DER-02", "later network meetings at most 8 weeks apart, one a day late",
						assessed().network("n1", "2026-03-31").network("n2", "2026-05-27"))
					.asOf("2026-06-01")
					.expect("DER-01", NETWORK_MEETING, "2026-04-03", MET)
					.expectMet(NETWORK_MEETING, "2026-05-26", MET_LATE, "2026-05-27")
					.expect(NETWORK_MEETING, "2026-07-22", PENDING)
					.count("DER-02", 2)
					.responsible(SOCIAL_WORKER),
				// Step-down plan: no DER-01, but DER-02 follows any network meeting: 14
				// April + 56 days = 9 June.
				rule("DER-02", "a network meeting on a step-down plan is followed by DER-02, with no DER-01",
						steppedDown().allocated("2025-10-15").network("n1", "2026-04-14"))
					.asOf("2026-04-20")
					.expectNone("DER-01")
					.expect(NETWORK_MEETING, "2026-06-09", PENDING),
				// DER-03: referral 31 October 2025 + 4 months = 31 February, clamped to
				// Sat 28 February 2026.
				rule("DER-03", "month-end clamping: 31 October + 4 months = 28 February; no allocation, no DER-01",
						plan(AFTER_ASSESSMENT, "2025-10-31", "2025-12-01"))
					.asOf("2026-02-28")
					.expect(FIRST_REVIEW, "2026-02-28", PENDING)
					.expectNone("DER-01")
					.next(MeetingKind.REVIEW, "2026-02-28", "DER-03", CIN_REVIEWING_OFFICER)
					.nextChair("DER-03", List.of(CIN_REVIEWING_OFFICER), ChairConstraint.INDEPENDENT),
				// 16 February + 4 months = 16 June.
				rule("DER-03", "first review on the due date, independently chaired; the plan starts there",
						assessed().review("r1", "2026-06-16", CIN_REVIEWING_OFFICER).outcome(CONTINUE))
					.asOf("2026-06-16")
					.expectMet(FIRST_REVIEW, "2026-06-16", MET, "2026-06-16")
					.chair("r1", CIN_REVIEWING_OFFICER, "DER-03", true)
					.sequence("r1", 1)
					.startDate("2026-06-16"),
				// A review recorded with no outcome is evaluated like any other (no
				// DER-11 without CLOSE).
				rule("DER-03", "a review recorded without an outcome is evaluated, not an exception",
						assessed().review("r1", "2026-06-16", CIN_REVIEWING_OFFICER))
					.asOf("2026-06-16")
					.expectMet(FIRST_REVIEW, "2026-06-16", MET, "2026-06-16")
					.expectNone("DER-11")
					.next(MeetingKind.REVIEW, "2026-12-16", "DER-04", TEAM_MANAGER),
				rule("DER-03", "first review a day late and chaired by a team manager: not independent",
						assessed().review("r1", "2026-06-17", TEAM_MANAGER).outcome(CONTINUE))
					.asOf("2026-06-17")
					.expectMet(FIRST_REVIEW, "2026-06-16", MET_LATE, "2026-06-17")
					.chair("r1", CIN_REVIEWING_OFFICER, "DER-03", false),
				rule("DER-03", "asOf in the past ignores the network meeting and review held after it",
						assessed().network("n1", "2026-04-02")
							.review("r1", "2026-06-16", CIN_REVIEWING_OFFICER)
							.outcome(CONTINUE))
					.asOf("2026-04-01")
					.expect("DER-01", NETWORK_MEETING, "2026-04-03", PENDING)
					.expect(FIRST_REVIEW, "2026-06-16", PENDING)
					.expectNone("DER-02")
					.expectNone("DER-08")
					.next(MeetingKind.REVIEW, "2026-06-16", "DER-03", CIN_REVIEWING_OFFICER)
					.startDate(null),
				// Returned home: 4 months from the referral (5 January -> 5 May), not the
				// trigger; starts on trigger.
				rule("DER-03", "returned home from care: first review 4 months after the referral",
						plan(RETURNED_HOME_FROM_CARE, "2026-01-05", "2026-02-02").allocated("2026-01-07"))
					.asOf("2026-02-02")
					.expect(FIRST_REVIEW, "2026-05-05", PENDING)
					.expectNone("DER-01")
					.next(MeetingKind.REVIEW, "2026-05-05", "DER-03", CIN_REVIEWING_OFFICER)
					.startDate("2026-02-02"),
				// After proceedings: 30 September 2025 + 4 months = 30 January 2026,
				// already past on 2 February.
				rule("DER-03", "after proceedings with a supervision order: overdue first review, no DER-10",
						plan(AFTER_PROCEEDINGS, "2025-09-30", "2026-01-20").flags(PlanFlag.SUPERVISION_ORDER))
					.asOf("2026-02-02")
					.expect(FIRST_REVIEW, "2026-01-30", OVERDUE)
					.next(MeetingKind.REVIEW, "2026-01-30", "DER-03", CIN_REVIEWING_OFFICER)
					.startDate("2026-01-20")
					.expectNone("DER-10")
					.overdue(true),
				// Transfer in: 31 March + 4 months = 31 July.
				rule("DER-03", "transfer in: first review 4 months after the referral; no start until it is held",
						plan(TRANSFER_IN, "2026-03-31", "2026-04-01"))
					.asOf("2026-04-15")
					.expect(FIRST_REVIEW, "2026-07-31", PENDING)
					.next(MeetingKind.REVIEW, "2026-07-31", "DER-03", CIN_REVIEWING_OFFICER)
					.startDate(null),
				// DER-04: first review 16 June + 6 months = 16 December.
				rule("DER-04", "later review 6 months after the first, chaired by another team manager",
						assessed().review("r1", "2026-06-16", CIN_REVIEWING_OFFICER).outcome(CONTINUE))
					.asOf("2026-06-20")
					.expect("DER-03", FIRST_REVIEW, "2026-06-16", MET)
					.expect(REVIEW, "2026-12-16", PENDING)
					.expectNone("DER-11")
					.next(MeetingKind.REVIEW, "2026-12-16", "DER-04", TEAM_MANAGER)
					.nextChair("DER-04", List.of(TEAM_MANAGER), ChairConstraint.NOT_CASE_TEAM_MANAGER),
				// Referral 1 Dec 2025 + 4 months = 1 April; r1 31 March + 6 months = 30
				// September (clamped); r2 30 September + 6 months = 30 March 2027.
				rule("DER-04", "month-end clamping; chaired by the case's own team manager is not compliant",
						plan(AFTER_ASSESSMENT, "2025-12-01", "2026-01-12")
							.review("r1", "2026-03-31", CIN_REVIEWING_OFFICER)
							.outcome(CONTINUE)
							.review("r2", "2026-09-30", TEAM_MANAGER)
							.outcome(CONTINUE)
							.chairIsCaseTeamManager())
					.asOf("2026-10-01")
					.expectMet(REVIEW, "2026-09-30", MET, "2026-09-30")
					.chair("r1", CIN_REVIEWING_OFFICER, "DER-03", true)
					.chair("r2", TEAM_MANAGER, "DER-04", false)
					.sequence("r2", 2)
					.next(MeetingKind.REVIEW, "2027-03-30", "DER-04", TEAM_MANAGER),
				// r2 15 December + 6 months = 15 June 2027.
				rule("DER-04", "held in a MAT: a social-work-qualified manager designated, a team manager accepted",
						assessed().flags(PlanFlag.HELD_IN_MAT)
							.review("r1", "2026-06-16", CIN_REVIEWING_OFFICER)
							.outcome(CONTINUE)
							.review("r2", "2026-12-15", TEAM_MANAGER)
							.outcome(CONTINUE))
					.asOf("2026-12-16")
					.chair("r1", CIN_REVIEWING_OFFICER, "DER-03", true)
					.chair("r2", SOCIAL_WORK_QUALIFIED_MANAGER, "DER-04", true)
					.next(MeetingKind.REVIEW, "2027-06-15", "DER-04", SOCIAL_WORK_QUALIFIED_MANAGER),
				// 16 June + 12 weeks (84 days) = 8 September.
				rule("DER-04", "a shorter interval agreed at the first review sets the next",
						assessed().review("r1", "2026-06-16", CIN_REVIEWING_OFFICER).outcome(CONTINUE).agreedWeeks(12))
					.asOf("2026-06-20")
					.expect(REVIEW, "2026-09-08", PENDING)
					.next(MeetingKind.REVIEW, "2026-09-08", "DER-04", TEAM_MANAGER)
					.noProblems(),
				// 27 weeks = 189 days > 6 months (16 June -> 16 December is 183 days):
				// refused, 6 months applies.
				rule("DER-04", "an agreed interval of 27 weeks exceeds 6 months and is refused",
						assessed().review("r1", "2026-06-16", CIN_REVIEWING_OFFICER).outcome(CONTINUE).agreedWeeks(27))
					.asOf("2026-06-20")
					.problem(ValidationCode.INTERVAL_OVER_LIMIT, "DER-04")
					.next(MeetingKind.REVIEW, "2026-12-16", "DER-04", TEAM_MANAGER),
				// DER-05: 9 March + 28 days = Mon 6 April, Easter Monday; calendar days,
				// not moved.
				rule("DER-05", "privately fostered: first review 28 days after the 7-day visit, on Easter Monday",
						fostered().allocated("2026-02-25"))
					.asOf("2026-03-10")
					.expect(FIRST_REVIEW, "2026-04-06", PENDING)
					.expectNone("DER-03")
					.expectNone("DER-01")
					.next(MeetingKind.REVIEW, "2026-04-06", "DER-05", CIN_REVIEWING_OFFICER)
					.nextChair("DER-05", List.of(CIN_REVIEWING_OFFICER), ChairConstraint.INDEPENDENT),
				rule("DER-05", "first review held early but chaired by a team manager: not compliant",
						fostered().review("r1", "2026-04-02", TEAM_MANAGER).outcome(CONTINUE))
					.asOf("2026-04-02")
					.expectMet(FIRST_REVIEW, "2026-04-06", MET, "2026-04-02")
					.chair("r1", CIN_REVIEWING_OFFICER, "DER-05", false),
				// DER-06: start 2 April (first review); 2 April + 6 months = 2 October,
				// before 2 April 2027.
				rule("DER-06", "privately fostered: next review 6 months on, independently chaired; no DER-10",
						fostered().review("r1", "2026-04-02", CIN_REVIEWING_OFFICER).outcome(CONTINUE))
					.asOf("2026-04-10")
					.startDate("2026-04-02")
					.expect(REVIEW, "2026-10-02", PENDING)
					.next(MeetingKind.REVIEW, "2026-10-02", "DER-06", CIN_REVIEWING_OFFICER)
					.nextChair("DER-06", List.of(CIN_REVIEWING_OFFICER), ChairConstraint.INDEPENDENT)
					.expectNone("DER-10"),
				// r2 1 Oct + 6 months = 1 April 2027 (before the anniversary 2 April:
				// DER-06, met by r3 31 March); r3 31 March 2027 + 6 months = 30 September
				// 2027 (clamped), after the first year: DER-04.
				rule("DER-06", "reviews due in the first year are DER-06; after the anniversary DER-04 takes over",
						fostered().review("r1", "2026-04-02", CIN_REVIEWING_OFFICER)
							.outcome(CONTINUE)
							.review("r2", "2026-10-01", CIN_REVIEWING_OFFICER)
							.outcome(CONTINUE)
							.review("r3", "2027-03-31", CIN_REVIEWING_OFFICER)
							.outcome(CONTINUE))
					.asOf("2027-04-01")
					.expectMet(REVIEW, "2027-04-01", MET, "2027-03-31")
					.chair("r3", CIN_REVIEWING_OFFICER, "DER-06", true)
					.next(MeetingKind.REVIEW, "2027-09-30", "DER-04", TEAM_MANAGER),
				// r2 2 Oct + 6 months = 2 April 2027 = the first anniversary: the plan is
				// no longer under a year old, so not "before the plan's first
				// anniversary" (README): DER-04.
				rule("DER-06", "a review due exactly on the first anniversary is DER-04's",
						fostered().review("r1", "2026-04-02", CIN_REVIEWING_OFFICER)
							.outcome(CONTINUE)
							.review("r2", "2026-10-02", CIN_REVIEWING_OFFICER)
							.outcome(CONTINUE))
					.asOf("2026-10-05")
					.expect(REVIEW, "2026-10-02", MET)
					.next(MeetingKind.REVIEW, "2027-04-02", "DER-04", TEAM_MANAGER),
				// DER-07: conference 31 March + 3 months = 30 June; start is the
				// step-down date; DER-10 counts from the referral (§9): 13 October 2025 +
				// 12 months = 13 October 2026.
				rule("DER-07", "stepped down from CP: review 3 months after the conference",
						steppedDown().allocated("2025-10-15"))
					.asOf("2026-04-01")
					.expect(FIRST_REVIEW, "2026-06-30", PENDING)
					.expectNone("DER-03")
					.expectNone("DER-01")
					.startDate("2026-03-31")
					.expect("DER-10", MANAGEMENT_OVERSIGHT, "2026-10-13", PENDING)
					.next(MeetingKind.REVIEW, "2026-06-30", "DER-07", CIN_REVIEWING_OFFICER)
					.nextChair("DER-07", List.of(CIN_REVIEWING_OFFICER, TEAM_MANAGER), ChairConstraint.INDEPENDENT),
				// §9: "where capacity allows" a CIN reviewing officer chairs; otherwise
				// DER-04's chair, a team manager who is not the case's own.
				rule("DER-07", "a team manager who is not the case's own may chair the delist review",
						steppedDown().review("r1", "2026-06-30", TEAM_MANAGER).outcome(CONTINUE))
					.asOf("2026-06-30")
					.expectMet(FIRST_REVIEW, "2026-06-30", MET, "2026-06-30")
					.chair("r1", CIN_REVIEWING_OFFICER, "DER-07", true),
				rule("DER-07", "the case's own team manager in the chair is not compliant",
						steppedDown().review("r1", "2026-06-30", TEAM_MANAGER)
							.outcome(CONTINUE)
							.chairIsCaseTeamManager())
					.asOf("2026-06-30")
					.chair("r1", CIN_REVIEWING_OFFICER, "DER-07", false),
				rule("DER-07", "a social worker in the chair is not compliant",
						steppedDown().review("r1", "2026-06-30", SOCIAL_WORKER).outcome(CONTINUE))
					.asOf("2026-06-30")
					.chair("r1", CIN_REVIEWING_OFFICER, "DER-07", false),
				// §9: the plan may not close before the delist review is held, whatever
				// the date.
				rule("DER-07", "closing before the delist review is held is refused",
						steppedDown().closed("2026-05-01"))
					.asOf("2026-05-01")
					.problem(ValidationCode.CLOSED_BEFORE_REVIEW, "DER-07")
					.noNextMeeting(),
				rule("DER-07", "closing after the review's due date, the review never held, is refused too",
						steppedDown().closed("2026-07-15"))
					.asOf("2026-07-15")
					.problem(ValidationCode.CLOSED_BEFORE_REVIEW, "DER-07"),
				rule("DER-07", "asOf before the closure: it is not seen, the review is still due",
						steppedDown().closed("2026-05-01"))
					.asOf("2026-04-30")
					.noProblems()
					.next(MeetingKind.REVIEW, "2026-06-30", "DER-07", CIN_REVIEWING_OFFICER),
				rule("DER-07", "a review held after the closure does not make the closure allowed",
						steppedDown().closed("2026-05-01")
							.review("r1", "2026-05-05", CIN_REVIEWING_OFFICER)
							.outcome(CLOSE))
					.asOf("2026-05-05")
					.problem(ValidationCode.CLOSED_BEFORE_REVIEW, "DER-07")
					.problem(ValidationCode.MEETING_AFTER_CLOSURE, "§1"),
				// Review on its due date with outcome CLOSE, closed the same day:
				// allowed; DER-11 minutes 30 June + 7 days = 7 July survive the closure.
				rule("DER-07", "closing on the day the delist review is held is allowed",
						steppedDown().review("r1", "2026-06-30", CIN_REVIEWING_OFFICER)
							.outcome(CLOSE)
							.closed("2026-06-30"))
					.asOf("2026-07-01")
					.noProblems()
					.expectMet(FIRST_REVIEW, "2026-06-30", MET, "2026-06-30")
					.expect("DER-11", MEETING_RECORDED, "2026-07-07", PENDING)
					.noNextMeeting(),
				rule("DER-07", "review held early, closed the next day: allowed",
						steppedDown().review("r1", "2026-06-01", CIN_REVIEWING_OFFICER)
							.outcome(CLOSE)
							.closed("2026-06-02"))
					.asOf("2026-06-02")
					.noProblems()
					.expectMet(FIRST_REVIEW, "2026-06-30", MET, "2026-06-01"),
				rule("DER-07", "after an ICPC that made no plan, closing before the review is refused",
						plan(AFTER_ICPC_NO_PLAN, "2025-12-01", "2026-01-21").closed("2026-03-02"))
					.asOf("2026-03-02")
					.problem(ValidationCode.CLOSED_BEFORE_REVIEW, "DER-07"),
				rule("DER-07", "NRPF only: no review is required, so closing without one is allowed",
						steppedDown().flags(PlanFlag.NRPF_ONLY).closed("2026-05-01"))
					.asOf("2026-05-01")
					.noProblems(),
				rule("DER-07", "after an assessment there is no delist review: closing with none is allowed",
						assessed().closed("2026-04-01"))
					.asOf("2026-04-01")
					.noProblems(),
				// ICPC 21 January + 3 months = 21 April; held 22 April; not a step-down,
				// so the plan starts there; 22 April + 6 months = 22 October.
				rule("DER-07", "ICPC made no plan: review a day late, then DER-04",
						plan(AFTER_ICPC_NO_PLAN, "2025-12-01", "2026-01-21")
							.review("r1", "2026-04-22", CIN_REVIEWING_OFFICER)
							.outcome(CONTINUE))
					.asOf("2026-04-23")
					.expectMet(FIRST_REVIEW, "2026-04-21", MET_LATE, "2026-04-22")
					.chair("r1", CIN_REVIEWING_OFFICER, "DER-07", true)
					.startDate("2026-04-22")
					.next(MeetingKind.REVIEW, "2026-10-22", "DER-04", TEAM_MANAGER),
				// Referral 8 Dec 2025 + 4 months = 8 April; review Tue 7 April. DER-08: 7
				// April - 2 days = Sun 5 April; DER-09: 7 April - 1 day = Mon 6 April
				// (Easter Monday). Calendar days: bank holidays do not move them.
				rule("DER-08", "report approved before Easter for a review on the Tuesday after; not shared",
						plan(AFTER_ASSESSMENT, "2025-12-08", "2026-01-19")
							.review("r1", "2026-04-07", CIN_REVIEWING_OFFICER)
							.outcome(CONTINUE)
							.event(PlanEventKind.REPORT_APPROVED, "2026-04-02"))
					.asOf("2026-04-08")
					.expect("DER-03", FIRST_REVIEW, "2026-04-08", MET)
					.expectMet(MANAGER_SIGN_OFF, "2026-04-05", MET, "2026-04-02")
					.responsible(TEAM_MANAGER)
					.expect("DER-09", REPORT_SHARED, "2026-04-06", OVERDUE)
					.overdue(true),
				rule("DER-08", "approved on Easter Monday, a day late for the review of 7 April",
						plan(AFTER_ASSESSMENT, "2025-12-08", "2026-01-19")
							.review("r1", "2026-04-07", CIN_REVIEWING_OFFICER)
							.outcome(CONTINUE)
							.event(PlanEventKind.REPORT_APPROVED, "2026-04-06"))
					.asOf("2026-04-08")
					.expectMet(MANAGER_SIGN_OFF, "2026-04-05", MET_LATE, "2026-04-06"),
				rule("DER-08", "before the review is held there are no before-meeting deadlines",
						plan(AFTER_ASSESSMENT, "2025-12-08", "2026-01-19")
							.review("r1", "2026-04-07", CIN_REVIEWING_OFFICER)
							.outcome(CONTINUE))
					.asOf("2026-04-06")
					.expectNone("DER-08")
					.expectNone("DER-09")
					.next(MeetingKind.REVIEW, "2026-04-08", "DER-03", CIN_REVIEWING_OFFICER),
				// Referral 26 Jan + 4 months = 26 May; review Tue 26 May. DER-09: 26 May
				// - 1 day = Mon 25 May (bank
				// holiday, not moved); shared on the meeting day: late. DER-08: 26 May -
				// 2 days = Sun 24 May.
				rule("DER-09", "report shared with parents on the day of the review, after the bank holiday",
						plan(AFTER_ASSESSMENT, "2026-01-26", "2026-03-02")
							.review("r1", "2026-05-26", CIN_REVIEWING_OFFICER)
							.outcome(CONTINUE)
							.event(PlanEventKind.REPORT_APPROVED, "2026-05-22")
							.event(PlanEventKind.REPORT_SHARED, "2026-05-26"))
					.asOf("2026-05-27")
					.expectMet(REPORT_SHARED, "2026-05-25", MET_LATE, "2026-05-26")
					.responsible(SOCIAL_WORKER)
					.expect("DER-08", MANAGER_SIGN_OFF, "2026-05-24", MET),
				// DER-10 counts from the referral (§9; the first reading counted from
				// plan start): referral 29 February 2024 + 12 months = 29 February 2025,
				// clamped to 28 February. The step-down of 20 May 2024 (the plan start)
				// does not move it.
				rule("DER-10", "12 months from a leap-day referral clamps to 28 February; not considered",
						plan(STEP_DOWN_FROM_CHILD_PROTECTION, "2024-02-29", "2024-05-20"))
					.asOf("2025-03-03")
					.startDate("2024-05-20")
					.expect(MANAGEMENT_OVERSIGHT, "2025-02-28", OVERDUE)
					.responsible(TEAM_MANAGER)
					.count("DER-10", 1),
				// Referral 16 February 2026 + 12 months = 16 February 2027 (the first
				// reading gave plan start 16 June 2026 + 12 months = 16 June 2027);
				// considered on the due date.
				rule("DER-10", "considered in supervision 12 months after the referral is on time",
						assessed().review("r1", "2026-06-16", CIN_REVIEWING_OFFICER)
							.outcome(CONTINUE)
							.event(PlanEventKind.MANAGEMENT_OVERSIGHT, "2027-02-16"))
					.asOf("2027-02-20")
					.expectMet(MANAGEMENT_OVERSIGHT, "2027-02-16", MET, "2027-02-16"),
				rule("DER-10", "considered at what was plan start + 12 months is late: the referral counts",
						assessed().review("r1", "2026-06-16", CIN_REVIEWING_OFFICER)
							.outcome(CONTINUE)
							.event(PlanEventKind.MANAGEMENT_OVERSIGHT, "2027-06-16"))
					.asOf("2027-06-20")
					.expectMet(MANAGEMENT_OVERSIGHT, "2027-02-16", MET_LATE, "2027-06-16")
					.count("DER-10", 1),
				// The referral is known at once, so DER-10 exists before the plan starts
				// (no review held yet).
				rule("DER-10", "exists from the referral, before the plan has started", assessed()).asOf("2026-02-16")
					.startDate(null)
					.expect(MANAGEMENT_OVERSIGHT, "2027-02-16", PENDING),
				rule("DER-10", "asOf before the consideration ignores it: pending on the due date",
						assessed().review("r1", "2026-06-16", CIN_REVIEWING_OFFICER)
							.outcome(CONTINUE)
							.event(PlanEventKind.MANAGEMENT_OVERSIGHT, "2027-02-17"))
					.asOf("2027-02-16")
					.expect(MANAGEMENT_OVERSIGHT, "2027-02-16", PENDING),
				rule("DER-10", "not considered by the day after: overdue",
						assessed().review("r1", "2026-06-16", CIN_REVIEWING_OFFICER).outcome(CONTINUE))
					.asOf("2027-02-17")
					.expect(MANAGEMENT_OVERSIGHT, "2027-02-16", OVERDUE)
					.overdue(true),
				// Discharged 20 January 2026, referred 2 February (§9 trigger before
				// referral): the referral counts, 2 February 2027, not the plan start 20
				// January.
				rule("DER-10", "home from care before the referral: 12 months from the referral",
						plan(RETURNED_HOME_FROM_CARE, "2026-02-02", "2026-01-20"))
					.asOf("2026-02-02")
					.startDate("2026-01-20")
					.expect(MANAGEMENT_OVERSIGHT, "2027-02-02", PENDING),
				// 31 March + 3 months = 30 June.
				rule("DER-10", "exception group: no 12-month consideration",
						steppedDown().flags(PlanFlag.EXCEPTION_GROUP))
					.asOf("2027-04-01")
					.startDate("2026-03-31")
					.expect("DER-07", FIRST_REVIEW, "2026-06-30", OVERDUE)
					.expectNone("DER-10"),
				// DER-11: review Mon 21 December + 7 days = Mon 28 December (bank
				// holiday, calendar days: not moved). DER-04: 16 June + 6 months = 16
				// December, held 21 December.
				rule("DER-11", "minutes a day late after a closing review at Christmas; kept after closure",
						assessed().review("r1", "2026-06-16", CIN_REVIEWING_OFFICER)
							.outcome(CONTINUE)
							.review("r2", "2026-12-21", TEAM_MANAGER)
							.outcome(CLOSE)
							.event(PlanEventKind.MEETING_RECORDED, "2026-12-29")
							.closed("2026-12-22"))
					.asOf("2027-01-04")
					.expect("DER-04", REVIEW, "2026-12-16", MET_LATE)
					.chair("r2", TEAM_MANAGER, "DER-04", true)
					.expectMet(MEETING_RECORDED, "2026-12-28", MET_LATE, "2026-12-29")
					.responsible(CIN_REVIEWING_OFFICER)
					.noNextMeeting(),
				// Delist review 30 June (due 30 June) closes the case: 30 June + 7 days =
				// 7 July; no later review.
				rule("DER-11", "the DER-07 review held though the plan is to close; minutes pending, no next meeting",
						steppedDown().review("r1", "2026-06-30", CIN_REVIEWING_OFFICER).outcome(CLOSE))
					.asOf("2026-07-01")
					.expect("DER-07", FIRST_REVIEW, "2026-06-30", MET)
					.expect(MEETING_RECORDED, "2026-07-07", PENDING)
					.expectNone("DER-04")
					.noNextMeeting(),
				// NRPF only: no CIN reviews; the DER-01 network meeting (20 Feb + 6 weeks
				// = 3 April) remains.
				rule("DER-12", "NRPF only after assessment: no review deadlines, no next meeting",
						assessed().flags(PlanFlag.NRPF_ONLY))
					.asOf("2026-03-01")
					.expectNone("DER-03")
					.expect("DER-01", NETWORK_MEETING, "2026-04-03", PENDING)
					.noNextMeeting(),
				// Step-down NRPF: no DER-07; network 1 April + 56 days = 27 May; DER-10
				// referral 13 October 2025 + 12 months = 13 October 2026.
				rule("DER-12", "NRPF only after a step-down: no DER-07, network meetings and DER-10 remain",
						steppedDown().flags(PlanFlag.NRPF_ONLY).network("n1", "2026-04-01"))
					.asOf("2026-04-01")
					.expectNone("DER-07")
					.expectNone("DER-04")
					.expect("DER-02", NETWORK_MEETING, "2026-05-27", PENDING)
					.expect("DER-10", MANAGEMENT_OVERSIGHT, "2026-10-13", PENDING)
					.noNextMeeting(),

				// §9 trigger before referral. Discharged from care Tue 20 January,
				// referred Mon 2 February: accepted; DER-03 still counts from the
				// referral (2 Feb + 4 months = 2 June); the plan starts on the discharge.
				rule("DER-03", "returned home before the referral: accepted, first review from the referral",
						plan(RETURNED_HOME_FROM_CARE, "2026-02-02", "2026-01-20"))
					.asOf("2026-02-02")
					.noProblems()
					.expect(FIRST_REVIEW, "2026-06-02", PENDING)
					.startDate("2026-01-20"),
				// Conference Tue 31 March, referred Tue 14 April: DER-07 counts from the
				// conference, 30 June.
				rule("DER-07", "CP plan ended before the referral: accepted, review 3 months after the conference",
						plan(STEP_DOWN_FROM_CHILD_PROTECTION, "2026-04-14", "2026-03-31"))
					.asOf("2026-04-14")
					.noProblems()
					.expect(FIRST_REVIEW, "2026-06-30", PENDING)
					.startDate("2026-03-31"),
				rule("§1", "a private fostering 7-day visit may not come before the referral",
						plan(PRIVATE_FOSTERING, "2026-03-09", "2026-03-02"))
					.asOf("2026-03-09")
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
