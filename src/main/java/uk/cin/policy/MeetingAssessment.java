package uk.cin.policy;

import java.time.LocalDate;
import java.util.List;

/**
 * A held meeting as the policy sees it.
 *
 * @param sequence 1 for the first meeting of its series (PLANNING and REVIEW share one;
 * NETWORK has its own)
 * @param dueDate the due date of the requirement this meeting met; null where no rule set
 * one
 */
public record MeetingAssessment(String meetingId, MeetingKind kind, int sequence, LocalDate dueDate,
		ChairRequirement chair, boolean chairCompliant, List<ReviewFocus> focus) {

	public MeetingAssessment {
		focus = List.copyOf(focus);
	}
}
