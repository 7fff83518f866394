package uk.cin.policy;

import java.time.LocalDate;
import java.util.List;
import uk.cin.policy.pack.ClosureGuardRule;
import uk.cin.policy.pack.Occurrence;
import uk.cin.policy.pack.SeriesRule;

/**
 * The evaluator of closure-guard rules: a closed plan may not have closed before an
 * anchor plus a minimum (CAM-05), nor before the meeting a series rule sets was held
 * (DER-07: the delist review takes place even if the plan is to close). The second needs
 * the CIN meeting series walked first.
 */
final class ClosureGuards {

	private final List<ClosureGuardRule> rules;

	/**
	 * The CIN meeting series rules, in pack order: a guard on a meeting applies only
	 * where its rule does.
	 */
	private final List<SeriesRule> meetingRules;

	private final Suppressions suppressions;

	ClosureGuards(List<ClosureGuardRule> rules, List<SeriesRule> meetingRules, Suppressions suppressions) {
		this.rules = List.copyOf(rules);
		this.meetingRules = List.copyOf(meetingRules);
		this.suppressions = suppressions;
	}

	/** Guards on a date: the plan may not close before an anchor plus a minimum. */
	void checkMinimums(PlanIndex plan, Findings out) {
		if (!plan.closed()) {
			return;
		}
		for (ClosureGuardRule guard : rules) {
			if (guard.untilHeld() != null || !guard.when().test(plan.plan())) {
				continue;
			}
			LocalDate from = plan.anchorDate(guard.anchor());
			if (from == null) {
				continue;
			}
			LocalDate earliest = guard.minimum().after(from, plan.calendar());
			if (plan.plan().closedOn().isBefore(earliest)) {
				out.problem(ValidationCode.CLOSED_BEFORE_MINIMUM, guard.ref(), null, "closedOn",
						"the plan may not close before " + earliest + " (" + guard.minimum() + " after "
								+ guard.anchor().packName() + " " + from + "; " + guard.ref().id() + ")");
			}
		}
	}

	/**
	 * Guards on a meeting: the plan may not close before the meeting a series rule sets
	 * is held, where that rule applies and CIN meetings are not suppressed (DER-12). Asks
	 * {@link Findings#firstHeldUnder}, which the CIN meeting series fills.
	 */
	void checkUntilHeld(PlanIndex plan, Findings out) {
		if (!plan.closed()) {
			return;
		}
		for (ClosureGuardRule guard : rules) {
			if (guard.untilHeld() == null || !guard.when().test(plan.plan())
					|| suppressions.suppresses(Occurrence.CIN_MEETING, plan.plan())
					|| !applies(guard.untilHeld(), plan.plan())) {
				continue;
			}
			String id = guard.untilHeld().id();
			LocalDate held = out.firstHeldUnder(id);
			LocalDate closedOn = plan.plan().closedOn();
			if (held == null || held.isAfter(closedOn)) {
				out.problem(ValidationCode.CLOSED_BEFORE_REVIEW, guard.ref(), null, "closedOn",
						"the plan may not close on " + closedOn + " before the review " + id + " requires is held ("
								+ guard.ref().id() + ")");
			}
		}
	}

	/** Whether a CIN meeting rule with this id applies to the plan. */
	private boolean applies(RuleRef seriesRule, PlanFacts plan) {
		for (SeriesRule rule : meetingRules) {
			if (rule.ref().id().equals(seriesRule.id()) && rule.when().test(plan)) {
				return true;
			}
		}
		return false;
	}

}
