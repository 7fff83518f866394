package uk.cin.policy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A visit to the child. Only visits where the child was seen count as statutory visits
 * (LAZ-05).
 */
public record VisitFact(String id, LocalDate visitedOn, boolean childSeen, boolean seenAlone) {

	public VisitFact {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(visitedOn, "visitedOn");
	}
}
