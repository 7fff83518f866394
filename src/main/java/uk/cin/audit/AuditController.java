package uk.cin.audit;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import uk.cin.api.GlobalId;
import uk.cin.api.GlobalId.NodeType;
import uk.cin.audit.AuditLog.AuditEvent;
import uk.cin.audit.AuditService.AuditEventConnection;

/** auditEvents: the audit log of the caller's authority ({@link AuditService}). */
@Controller
public class AuditController {

	private final AuditService audit;

	public AuditController(AuditService audit) {
		this.audit = audit;
	}

	@QueryMapping
	public Mono<AuditEventConnection> auditEvents(@Argument @Nullable String childId, @Argument @Nullable Integer first,
			@Argument @Nullable String after) {
		return audit.auditEvents(childId, first, after);
	}

	@SchemaMapping(typeName = "AuditEvent", field = "id")
	public String id(AuditEvent event) {
		return Long.toString(event.id());
	}

	@SchemaMapping(typeName = "AuditEvent", field = "childId")
	public @Nullable String childId(AuditEvent event) {
		return event.childId() == null ? null : GlobalId.of(NodeType.Child, event.childId());
	}

	@SchemaMapping(typeName = "AuditEvent", field = "objectId")
	public @Nullable String objectId(AuditEvent event) {
		return AuditService.objectId(event);
	}

}
