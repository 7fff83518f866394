package uk.cin.policy;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import uk.cin.policy.pack.Anchor;
import uk.cin.policy.pack.DeadlineRule;
import uk.cin.policy.pack.MetBy;

/**
 * The evaluator of deadline rules: a deadline a set time after a plan date, after each
 * held meeting that passes the rule's filter, or after each event of a kind, met by an
 * event, a visit or the plan's closure.
 */
final class AnchoredDeadlines {

	private final List<DeadlineRule> rules;

	AnchoredDeadlines(List<DeadlineRule> rules) {
		this.rules = List.copyOf(rules);
	}

	void evaluate(PlanIndex plan, Findings out) {
		for (int i = 0; i < rules.size(); i++) {
			if (rules.get(i).when().test(plan.plan())) {
				evaluate(rules.get(i), plan, out);
			}
		}
	}

	private static void evaluate(DeadlineRule rule, PlanIndex plan, Findings out) {
		Anchor anchor = rule.anchor();
		for (DeadlineRule.AlternativeAnchor alternative : rule.alternatives()) {
			if (alternative.when().test(plan.plan())) {
				anchor = alternative.anchor();
				break;
			}
		}
		LocalDate asOf = plan.asOf();
		switch (anchor) {
			case MEETING -> {
				List<MeetingFact> held = plan.heldMeetings();
				for (int i = 0; i < held.size(); i++) {
					MeetingFact m = held.get(i);
					if (rule.meetings().test(m)) {
						LocalDate due = rule.due().after(m.heldOn(), plan.heldDay(i), plan.calendar());
						LocalDate met = metAfterMeeting(rule.metBy(), i, plan);
						out.deadline(new Deadline(rule.deadline(), due, PolicyEngine.status(due, met, asOf), met,
								rule.responsible(), rule.ref(), m.id()), true);
					}
				}
			}
			case EVENT -> {
				Set<PlanEventFact> used = new HashSet<>();
				for (PlanEventFact e : plan.events()) {
					if (e.kind() == rule.anchorEvent()) {
						LocalDate due = rule.due().after(e.occurredOn(), plan.calendar());
						// Each anchor event is answered by its own event: one review per
						// incident.
						PlanEventFact answer = firstEvent(rule.metBy().event(), e.occurredOn(), used, plan);
						if (answer != null) {
							used.add(answer);
						}
						LocalDate met = answer == null ? null : answer.occurredOn();
						out.deadline(new Deadline(rule.deadline(), due, PolicyEngine.status(due, met, asOf), met,
								rule.responsible(), rule.ref(), null), true);
					}
				}
			}
			default -> {
				LocalDate from = plan.anchorDate(anchor);
				if (from != null) {
					LocalDate due = rule.due().after(from, plan.calendar());
					LocalDate met = metFrom(rule.metBy(), from, plan);
					out.deadline(new Deadline(rule.deadline(), due, PolicyEngine.status(due, met, asOf), met,
							rule.responsible(), rule.ref(), null), false);
				}
			}
		}
	}

	private static LocalDate metFrom(MetBy metBy, LocalDate from, PlanIndex plan) {
		return switch (metBy.type()) {
			case CLOSURE -> plan.closed() ? plan.plan().closedOn() : null;
			case VISIT -> {
				for (VisitFact v : plan.visits()) {
					if (!v.visitedOn().isBefore(from)) {
						yield v.visitedOn();
					}
				}
				yield null;
			}
			case EVENT -> {
				PlanEventFact e = firstEvent(metBy.event(), from, Set.of(), plan);
				yield e == null ? null : e.occurredOn();
			}
		};
	}

	private static LocalDate metAfterMeeting(MetBy metBy, int position, PlanIndex plan) {
		if (metBy.type() == MetBy.Type.CLOSURE) {
			return plan.closed() ? plan.plan().closedOn() : null;
		}
		return plan.firstEventAfter(position, metBy.event());
	}

	private static PlanEventFact firstEvent(PlanEventKind kind, LocalDate from, Set<PlanEventFact> used,
			PlanIndex plan) {
		for (PlanEventFact e : plan.events()) {
			if (e.kind() == kind && !e.occurredOn().isBefore(from) && !used.contains(e)) {
				return e;
			}
		}
		return null;
	}

}
