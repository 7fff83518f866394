package uk.cin.plan;

import java.util.List;
import uk.cin.policy.PlanFacts;
import uk.cin.policy.pack.PolicyPack;

/**
 * A plan with everything recorded on it, the facts the engine takes, and its authority's
 * pack.
 */
public record PlanState(CinPlan plan, List<? extends HeldMeeting> meetings, List<PlanEvent> events, List<Visit> visits,
		PolicyPack pack) {

	public PlanFacts facts() {
		return new PlanFacts(plan.startReason(), plan.referralDate(), plan.triggerDate(), plan.allocatedOn(),
				plan.flagSet(), plan.childDisabled(), plan.visitFrequencyWorkingDays(), plan.closedOn(),
				meetings.stream().map(HeldMeeting::fact).toList(), events.stream().map(PlanEvent::fact).toList(),
				visits.stream().map(Visit::fact).toList());
	}
}
