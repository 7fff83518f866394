package uk.cin.policy;

import java.time.LocalDate;

/**
 * One computed deadline of a plan.
 *
 * @param metOn when the thing was done (null while open)
 * @param meetingId the meeting this deadline hangs from, or that met it; null where there
 * is none
 */
public record Deadline(DeadlineKind kind, LocalDate dueDate, DeadlineStatus status, LocalDate metOn,
		ChairRole responsibleRole, RuleRef rule, String meetingId) {

	public boolean isOverdue() {
		return status == DeadlineStatus.OVERDUE;
	}

	public boolean isOpen() {
		return status.isOpen();
	}
}
