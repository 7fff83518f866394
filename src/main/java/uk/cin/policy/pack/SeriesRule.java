package uk.cin.policy.pack;

import java.util.List;
import java.util.Set;
import uk.cin.policy.ChairRole;
import uk.cin.policy.DeadlineKind;
import uk.cin.policy.MeetingKind;
import uk.cin.policy.PlanEventKind;
import uk.cin.policy.RuleRef;

/**
 * A repeating review (or network meeting, statutory visit, or plan event such as a case
 * summary) with a maximum interval. Each slot of the series is due a set time after its
 * anchor (the previous occurrence for LATER slots); a date or interval agreed at the
 * previous meeting can bring it forward ({@code agreed}), and a recorded exception can
 * stretch it.
 *
 * @param slots the slots this rule sets; the first rule whose condition holds sets a slot
 * @param agreed whether an interval agreed at an earlier meeting, or the plan's own visit
 * frequency, sets the due date; where false only an earlier next date set at the previous
 * meeting does
 * @param deadline the deadline kind, or null for the slot's own (INITIAL_MEETING,
 * FIRST_REVIEW, REVIEW)
 * @param meetingKind the kind of meeting expected, or null for the slot's own (PLANNING
 * first, REVIEW after)
 * @param chair who chairs; null for visits
 * @param responsible who owns the deadline; null for the chair's role
 * @param onlyWhileDueWithin the rule sets a slot only while its due date is within this
 * of plan start (DER-06)
 * @param limitRule the rule to cite when an agreed date or interval is over this rule's
 * limit (CL8-03); null: this one
 * @param event for a plan-event series, the kind of event that fills its slots (CAM-13:
 * CASE_SUMMARY); else null
 * @param exceptions recorded reasons that allow a longer interval (CL8-06, CL8-03,
 * LAZ-03), tried in order; the first one the meeting's record grants is cited; empty when
 * none may
 */
public record SeriesRule(RuleRef ref, Condition when, Occurrence occurrence, Set<Slot> slots, Anchor anchor, Offset due,
		boolean agreed, DeadlineKind deadline, MeetingKind meetingKind, ChairSpec chair, ChairRole responsible,
		Offset onlyWhileDueWithin, RuleRef limitRule, PlanEventKind event,
		List<IntervalException> exceptions) implements PackRule {

	/**
	 * A longer interval than the rule allows, permitted with a recorded reason.
	 *
	 * @param rule the rule that permits it
	 * @param requiresDisabledChild only for a disabled child (CL8-06)
	 * @param limit the most it may stretch to (LAZ-03: 6 months); null for no limit
	 */
	public record IntervalException(RuleRef rule, boolean requiresDisabledChild, Offset limit) {
	}

	public SeriesRule {
		slots = Set.copyOf(slots);
		exceptions = List.copyOf(exceptions);
	}

	public RuleRef ruleForLimit() {
		return limitRule == null ? ref : limitRule;
	}

	@Override
	public RuleKind kind() {
		return RuleKind.SERIES;
	}

	@Override
	public <R> R accept(Visitor<R> visitor) {
		return visitor.series(this);
	}
}
