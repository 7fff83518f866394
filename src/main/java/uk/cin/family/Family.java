package uk.cin.family;

import java.util.UUID;
import uk.cin.api.GlobalId;
import uk.cin.audit.AuditTrail;
import uk.cin.audit.Audited;
import uk.cin.security.Owned;

/** A family known to children's social care, in one authority. */
public record Family(UUID id, String authorityCode, String team, String name) implements Owned, Audited {

	@Override
	public AuditTrail.Subject auditSubject() {
		return AuditTrail.Subject.object(GlobalId.NodeType.Family, id);
	}

	@Override
	public GlobalId.NodeType nodeType() {
		return GlobalId.NodeType.Family;
	}

}
