package uk.cin.policy;

import java.time.LocalDate;
import java.util.List;

/**
 * A plan as judged by its authority's policy at the end of {@code asOf}.
 *
 * @param closed whether the plan was closed on or before asOf
 * @param startDate the plan start date (docs/policy-rules.md §1), null until known
 * @param deadlines every deadline, met and open, sorted by due date
 * @param nextMeeting the next CIN meeting (initial meeting or review); null when closed
 * or none is required
 * @param meetings the held meetings: the CIN series in the order held, then network
 * meetings
 */
public record Evaluation(LocalDate asOf, boolean closed, LocalDate startDate, List<Deadline> deadlines,
		MeetingRequirement nextMeeting, List<MeetingAssessment> meetings, List<ValidationProblem> problems) {

	public Evaluation {
		deadlines = List.copyOf(deadlines);
		meetings = List.copyOf(meetings);
		problems = List.copyOf(problems);
	}

	/** Due date of the next CIN meeting; null when the plan is closed. */
	public LocalDate nextReviewDue() {
		return nextMeeting == null ? null : nextMeeting.dueDate();
	}

	/**
	 * The chair the policy designates for the next meeting; null when the plan is closed.
	 */
	public ChairRole requiredChairRole() {
		return nextMeeting == null ? null : nextMeeting.chair().role();
	}

	public boolean isOverdue() {
		for (Deadline d : deadlines) {
			if (d.isOverdue()) {
				return true;
			}
		}
		return false;
	}

	public List<Deadline> openDeadlines() {
		return deadlines.stream().filter(Deadline::isOpen).toList();
	}

	public MeetingAssessment meeting(String meetingId) {
		return meetings.stream().filter(m -> m.meetingId().equals(meetingId)).findFirst().orElse(null);
	}
}
