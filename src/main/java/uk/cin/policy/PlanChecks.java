package uk.cin.policy;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks of the plan's facts that need no rule of the pack (docs/policy-rules.md §1 and
 * §9); they cite §1.
 */
final class PlanChecks {

	private PlanChecks() {
	}

	/**
	 * Every date within the range the engine computes with, and the numbers that count in
	 * weeks or days small enough not to overflow one. False when anything is out of
	 * range: nothing else can then be judged.
	 */
	static boolean datesInRange(PlanFacts plan, LocalDate asOf, Findings out) {
		inRange(asOf, null, "asOf", out);
		inRange(plan.referralDate(), null, "referralDate", out);
		inRange(plan.triggerDate(), null, "triggerDate", out);
		inRange(plan.allocatedOn(), null, "allocatedOn", out);
		inRange(plan.closedOn(), null, "closedOn", out);
		for (MeetingFact m : plan.meetings()) {
			inRange(m.heldOn(), m.id(), "heldOn", out);
			inRange(m.nextReviewDate(), m.id(), "nextReviewDate", out);
			if (m.agreedReviewIntervalWeeks() != null && m.agreedReviewIntervalWeeks() > 520) {
				out.problem(ValidationCode.DATE_OUT_OF_RANGE, RuleRef.COMMON, m.id(), "agreedReviewIntervalWeeks",
						"an agreed review interval must be at most 520 weeks");
			}
		}
		for (PlanEventFact e : plan.events()) {
			inRange(e.occurredOn(), e.id(), "occurredOn", out);
		}
		for (VisitFact v : plan.visits()) {
			inRange(v.visitedOn(), v.id(), "visitedOn", out);
		}
		if (plan.visitFrequencyWorkingDays() != null && plan.visitFrequencyWorkingDays() > 260) {
			out.problem(ValidationCode.DATE_OUT_OF_RANGE, RuleRef.COMMON, null, "visitFrequencyWorkingDays",
					"a visit frequency must be at most 260 working days");
		}
		return !out.hasProblems();
	}

	private static void inRange(LocalDate date, String subjectId, String field, Findings out) {
		if (date != null && (date.isBefore(PolicyEngine.EARLIEST_DATE) || date.isAfter(PolicyEngine.LATEST_DATE))) {
			out.problem(ValidationCode.DATE_OUT_OF_RANGE, RuleRef.COMMON, subjectId, field, field + " " + date
					+ " is outside " + PolicyEngine.EARLIEST_DATE + " to " + PolicyEngine.LATEST_DATE);
		}
	}

	/**
	 * Dates in the order the plan's life allows: after the referral, meetings before
	 * closure, known meetings.
	 */
	static void datesInOrder(PlanIndex index, Findings out) {
		PlanFacts plan = index.plan();
		LocalDate referral = plan.referralDate();
		// §9: only a plan after an assessment or for a privately fostered child starts
		// after its referral.
		if (plan.startReason().triggerFollowsReferral() && plan.triggerDate().isBefore(referral)) {
			out.problem(ValidationCode.TRIGGER_BEFORE_REFERRAL, RuleRef.COMMON, null, "triggerDate",
					"the trigger date " + plan.triggerDate() + " is before the referral date " + referral
							+ "; a plan that starts " + plan.startReason() + " starts after its referral");
		}
		Set<String> meetingIds = new HashSet<>();
		for (MeetingFact m : plan.meetings()) {
			meetingIds.add(m.id());
		}
		for (MeetingFact m : index.heldMeetings()) {
			if (m.heldOn().isBefore(referral)) {
				out.problem(ValidationCode.DATE_BEFORE_REFERRAL, RuleRef.COMMON, m.id(), "heldOn",
						"a meeting held on " + m.heldOn() + " is before the referral date " + referral);
			}
			if (index.closed() && m.heldOn().isAfter(plan.closedOn())) {
				out.problem(ValidationCode.MEETING_AFTER_CLOSURE, RuleRef.COMMON, m.id(), "heldOn",
						"a meeting held on " + m.heldOn() + " is after the plan closed on " + plan.closedOn());
			}
		}
		for (PlanEventFact e : index.events()) {
			if (e.occurredOn().isBefore(referral)) {
				out.problem(ValidationCode.DATE_BEFORE_REFERRAL, RuleRef.COMMON, e.id(), "occurredOn",
						"an event on " + e.occurredOn() + " is before the referral date " + referral);
			}
			if (e.meetingId() != null && !meetingIds.contains(e.meetingId())) {
				out.problem(ValidationCode.UNKNOWN_MEETING, RuleRef.COMMON, e.id(), "meetingId",
						"the event names a meeting that is not on this plan");
			}
		}
		for (VisitFact v : index.visits()) {
			if (v.visitedOn().isBefore(referral)) {
				out.problem(ValidationCode.DATE_BEFORE_REFERRAL, RuleRef.COMMON, v.id(), "visitedOn",
						"a visit on " + v.visitedOn() + " is before the referral date " + referral);
			}
		}
	}

}
