package uk.cin.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import uk.cin.policy.pack.MilestoneRule;
import uk.cin.policy.pack.Offset;

/**
 * The evaluator of milestone rules: a date counted from plan start (or the plan date the
 * rule names, the referral for DER-10), once or repeating. Milestones that share an event
 * kind are met in due order, each by the first event since the previous one's due date.
 */
final class Milestones {

	/** Repeats stop here, whatever asOf: far beyond any plan's life. */
	private static final int MOST_REPEATS = 1000;

	private record Milestone(MilestoneRule rule, LocalDate due, LocalDate anchor) {
	}

	private final List<MilestoneRule> rules;

	Milestones(List<MilestoneRule> rules) {
		this.rules = List.copyOf(rules);
	}

	void evaluate(PlanIndex plan, Findings out) {
		if (rules.isEmpty()) {
			return;
		}
		List<Milestone> due = new ArrayList<>();
		for (MilestoneRule rule : rules) {
			LocalDate anchor = plan.anchorDate(rule.anchor());
			if (anchor == null || !rule.when().test(plan.plan())) {
				continue;
			}
			Offset at = rule.at();
			LocalDate date = at.after(anchor, plan.calendar());
			due.add(new Milestone(rule, date, anchor));
			if (rule.every() == null) {
				continue;
			}
			// Each repeat counts from the anchor, so month-end clamping never drifts.
			for (int n = 1; !date.isAfter(plan.asOf()) && n < MOST_REPEATS; n++) {
				date = new Offset(at.amount() + n * rule.every().amount(), at.unit()).after(anchor, plan.calendar());
				due.add(new Milestone(rule, date, anchor));
			}
		}
		if (due.isEmpty()) {
			return;
		}
		due.sort((a, b) -> a.due().compareTo(b.due()));
		// Events of a kind meet that kind's milestones in turn: each the first not yet
		// used since the last one, the first since the earliest anchor of that kind's
		// milestones.
		EnumSet<PlanEventKind> kinds = EnumSet.noneOf(PlanEventKind.class);
		for (Milestone m : due) {
			kinds.add(m.rule().metBy());
		}
		List<PlanEventFact> events = plan.events();
		for (PlanEventKind kind : kinds) {
			LocalDate from = null;
			for (Milestone m : due) {
				if (m.rule().metBy() == kind && (from == null || m.anchor().isBefore(from))) {
					from = m.anchor();
				}
			}
			int next = 0;
			for (Milestone m : due) {
				if (m.rule().metBy() != kind) {
					continue;
				}
				LocalDate met = null;
				while (next < events.size()) {
					PlanEventFact e = events.get(next++);
					if (e.kind() == kind && !e.occurredOn().isBefore(from)) {
						met = e.occurredOn();
						break;
					}
				}
				out.deadline(new Deadline(m.rule().deadline(), m.due(), PolicyEngine.status(m.due(), met, plan.asOf()),
						met, m.rule().responsible(), m.rule().ref(), null), false);
				from = m.due().plusDays(1);
			}
		}
	}

}
