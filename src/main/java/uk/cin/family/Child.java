package uk.cin.family;

import java.time.LocalDate;
import java.util.UUID;
import uk.cin.api.GlobalId;
import uk.cin.audit.AuditTrail;
import uk.cin.audit.Audited;
import uk.cin.security.Owned;

/** A child of a family. The authority and team are the family's. */
public record Child(UUID id, UUID familyId, String authorityCode, String team, String givenName, String familyName,
		LocalDate dateOfBirth, boolean disabled) implements Owned, Audited {

	@Override
	public AuditTrail.Subject auditSubject() {
		return AuditTrail.Subject.child(id);
	}

	@Override
	public GlobalId.NodeType nodeType() {
		return GlobalId.NodeType.Child;
	}

	@Override
	public UUID childId() {
		return id;
	}

	/**
	 * Children are batch-load keys; the id is enough to spread them, and equal children
	 * still hash alike.
	 */
	@Override
	public int hashCode() {
		return id.hashCode();
	}
}
