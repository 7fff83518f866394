package uk.cin.policy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Something recorded on a plan; meetingId ties it to a meeting where it follows or
 * precedes one (may be null).
 */
public record PlanEventFact(String id, PlanEventKind kind, LocalDate occurredOn, String meetingId) {

	public PlanEventFact {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(occurredOn, "occurredOn");
	}
}
