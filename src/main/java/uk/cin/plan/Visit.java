package uk.cin.plan;

import java.time.LocalDate;
import java.util.UUID;
import uk.cin.policy.VisitFact;

/** A visit to the child. The note is never logged. */
public record Visit(UUID id, UUID planId, LocalDate visitedOn, boolean childSeen, boolean seenAlone, String note) {

	public VisitFact fact() {
		return new VisitFact(id.toString(), visitedOn, childSeen, seenAlone);
	}
}
