package uk.cin.policy;

import java.time.LocalDate;
import java.util.List;
import uk.cin.policy.pack.BeforeMeetingRule;

/**
 * The evaluator of before-meeting rules: something due a set time before each held CIN
 * meeting that passes the rule's filter, met by the first event of its kind that precedes
 * the meeting. It exists once the meeting is held (docs/policy-rules.md §1).
 */
final class BeforeMeetingDeadlines {

	private final List<BeforeMeetingRule> rules;

	BeforeMeetingDeadlines(List<BeforeMeetingRule> rules) {
		this.rules = List.copyOf(rules);
	}

	void evaluate(PlanIndex plan, Findings out) {
		for (int i = 0; i < rules.size(); i++) {
			if (rules.get(i).when().test(plan.plan())) {
				evaluate(rules.get(i), plan, out);
			}
		}
	}

	private static void evaluate(BeforeMeetingRule rule, PlanIndex plan, Findings out) {
		List<MeetingFact> meetings = plan.cinMeetings();
		for (int i = 0; i < meetings.size(); i++) {
			MeetingFact m = meetings.get(i);
			if (!rule.meetings().test(m)) {
				continue;
			}
			// CIN meetings come first among held meetings: the position is the same.
			LocalDate due = rule.before().before(m.heldOn(), plan.heldDay(i), plan.calendar());
			LocalDate met = plan.firstEventBefore(i, rule.metBy());
			out.deadline(new Deadline(rule.deadline(), due, PolicyEngine.status(due, met, plan.asOf()), met,
					rule.responsible(), rule.ref(), m.id()), false);
		}
	}

}
