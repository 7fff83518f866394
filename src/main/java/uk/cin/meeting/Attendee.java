package uk.cin.meeting;

import java.util.UUID;
import uk.cin.api.GlobalId;
import uk.cin.audit.AuditTrail;
import uk.cin.audit.Audited;

/** Someone invited to, or at, a meeting. */
public record Attendee(UUID meetingId, int position, String name, String role, boolean invited,
		boolean attended) implements Audited {

	@Override
	public AuditTrail.Subject auditSubject() {
		return AuditTrail.Subject.object(GlobalId.NodeType.Meeting, meetingId);
	}

}
