package uk.cin.plan;

import java.time.LocalDate;
import java.util.UUID;
import uk.cin.policy.PlanEventFact;
import uk.cin.policy.PlanEventKind;

/** An event recorded on a plan. */
public record PlanEvent(UUID id, UUID planId, PlanEventKind kind, LocalDate occurredOn, UUID meetingId) {

	public PlanEventFact fact() {
		return new PlanEventFact(id.toString(), kind, occurredOn, meetingId == null ? null : meetingId.toString());
	}
}
