package uk.cin.policy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A meeting held on a plan.
 *
 * @param chairIsCaseTeamManager whether the chair is the case's own team manager
 * (DER-04); null when not recorded
 * @param agreedReviewIntervalWeeks interval agreed at this meeting; stays in force until
 * a later meeting changes it
 * @param nextReviewDate date set at this meeting for the next review; applies to the next
 * meeting only
 * @param intervalExceptionReason the recorded reason for a longer interval than the usual
 * limit (CL8-06, LAZ-03)
 */
public record MeetingFact(String id, MeetingKind kind, LocalDate heldOn, ChairRole chairRole,
		Boolean chairIsCaseTeamManager, Integer agreedReviewIntervalWeeks, LocalDate nextReviewDate,
		ReviewOutcome outcome, boolean isFinal, String intervalExceptionReason) {

	public MeetingFact {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(heldOn, "heldOn");
		Objects.requireNonNull(chairRole, "chairRole");
	}

	/**
	 * A meeting with nothing agreed and no outcome: the common case in tests and demo
	 * data.
	 */
	public static MeetingFact of(String id, MeetingKind kind, LocalDate heldOn, ChairRole chairRole) {
		return new MeetingFact(id, kind, heldOn, chairRole, null, null, null, null, false, null);
	}

	/**
	 * A review at which the plan is closed or stepped down: the series has no further
	 * meeting after it.
	 */
	public boolean endsSeries() {
		return isFinal || outcome == ReviewOutcome.CLOSE;
	}

	public boolean hasExceptionReason() {
		return intervalExceptionReason != null && !intervalExceptionReason.isBlank();
	}

	public MeetingFact withAgreedInterval(Integer weeks) {
		return new MeetingFact(id, kind, heldOn, chairRole, chairIsCaseTeamManager, weeks, nextReviewDate, outcome,
				isFinal, intervalExceptionReason);
	}

	public MeetingFact withNextReviewDate(LocalDate date) {
		return new MeetingFact(id, kind, heldOn, chairRole, chairIsCaseTeamManager, agreedReviewIntervalWeeks, date,
				outcome, isFinal, intervalExceptionReason);
	}

	public MeetingFact withOutcome(ReviewOutcome newOutcome, boolean finalReview) {
		return new MeetingFact(id, kind, heldOn, chairRole, chairIsCaseTeamManager, agreedReviewIntervalWeeks,
				nextReviewDate, newOutcome, finalReview, intervalExceptionReason);
	}

	public MeetingFact withExceptionReason(String reason) {
		return new MeetingFact(id, kind, heldOn, chairRole, chairIsCaseTeamManager, agreedReviewIntervalWeeks,
				nextReviewDate, outcome, isFinal, reason);
	}

	public MeetingFact withChairIsCaseTeamManager(Boolean value) {
		return new MeetingFact(id, kind, heldOn, chairRole, value, agreedReviewIntervalWeeks, nextReviewDate, outcome,
				isFinal, intervalExceptionReason);
	}
}
