package uk.cin.policy;

import java.time.LocalDate;
import java.util.List;

/**
 * The next CIN meeting a plan needs: what kind, by when, under which rule, and who chairs
 * it.
 */
public record MeetingRequirement(MeetingKind kind, DeadlineKind deadlineKind, LocalDate dueDate, RuleRef dueRule,
		ChairRequirement chair, List<ReviewFocus> focus) {

	public MeetingRequirement {
		focus = List.copyOf(focus);
	}
}
