package uk.cin.meeting;

import java.time.LocalDate;
import java.util.UUID;
import uk.cin.api.GlobalId;
import uk.cin.audit.AuditTrail;
import uk.cin.audit.Audited;
import uk.cin.plan.HeldMeeting;
import uk.cin.policy.ChairRole;
import uk.cin.policy.MeetingFact;
import uk.cin.policy.MeetingKind;
import uk.cin.policy.ReviewOutcome;

/** A meeting held on a plan, as stored. */
public record Meeting(UUID id, UUID planId, MeetingKind kind, LocalDate heldOn, ChairRole chairRole, String chairName,
		Boolean chairIsCaseTeamManager, Integer agreedReviewIntervalWeeks, LocalDate nextReviewDate,
		ReviewOutcome outcome, boolean isFinal, String intervalExceptionReason) implements Audited, HeldMeeting {

	@Override
	public AuditTrail.Subject auditSubject() {
		return AuditTrail.Subject.object(GlobalId.NodeType.Meeting, id);
	}

	@Override
	public MeetingFact fact() {
		return new MeetingFact(id.toString(), kind, heldOn, chairRole, chairIsCaseTeamManager,
				agreedReviewIntervalWeeks, nextReviewDate, outcome, isFinal, intervalExceptionReason);
	}
}
