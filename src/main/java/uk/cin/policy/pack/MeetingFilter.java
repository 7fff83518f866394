package uk.cin.policy.pack;

import java.util.Set;
import uk.cin.policy.MeetingFact;
import uk.cin.policy.MeetingKind;
import uk.cin.policy.ReviewOutcome;

/**
 * Which held meetings a rule hangs from: kinds, final or not (null: either), outcomes
 * (empty: any).
 */
public record MeetingFilter(Set<MeetingKind> kinds, Boolean isFinal, Set<ReviewOutcome> outcomes) {

	public MeetingFilter {
		kinds = Set.copyOf(kinds);
		outcomes = Set.copyOf(outcomes);
	}

	public boolean test(MeetingFact meeting) {
		return kinds.contains(meeting.kind()) && (isFinal == null || isFinal == meeting.isFinal())
				&& (outcomes.isEmpty() || (meeting.outcome() != null && outcomes.contains(meeting.outcome())));
	}
}
