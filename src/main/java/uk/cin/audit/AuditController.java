package uk.cin.audit;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import uk.cin.api.ApiException;
import uk.cin.api.GlobalId;
import uk.cin.api.GlobalId.NodeType;
import uk.cin.api.PageInfo;
import uk.cin.audit.AuditLog.AuditEvent;
import uk.cin.security.Access;

/** auditEvents: the audit log of the caller's authority, for AUDITOR only. */
@Controller
public class AuditController {

	public record AuditEventEdge(String cursor, AuditEvent node) {
	}

	public record AuditEventConnection(List<AuditEventEdge> edges, PageInfo pageInfo) {
	}

	static final int MAX_PAGE = 500;

	/** What each mutation's audit row names as its object. */
	private static final Map<String, NodeType> WRITTEN = Map.of("createFamily", NodeType.Family, "addChild",
			NodeType.Child, "openPlan", NodeType.CinPlan, "recordMeeting", NodeType.Meeting, "recordPlanEvent",
			NodeType.CinPlan, "recordVisit", NodeType.CinPlan, "closePlan", NodeType.CinPlan);

	private final AuditLog log;

	public AuditController(AuditLog log) {
		this.log = log;
	}

	@QueryMapping
	public Mono<AuditEventConnection> auditEvents(@Argument @Nullable String childId, @Argument @Nullable Integer first,
			@Argument @Nullable String after) {
		int size = first == null ? 50 : first;
		if (size < 0 || size > MAX_PAGE) {
			throw new ApiException(ApiException.INVALID, "first must be between 0 and " + MAX_PAGE);
		}
		UUID child = childId == null ? null : GlobalId.require(childId, NodeType.Child);
		Long before = after == null ? null : cursorId(after);
		return Access.caller().flatMap(caller -> {
			if (!caller.role().readsAuditLog()) {
				return Mono.error(new ApiException(Access.FORBIDDEN, "only the AUDITOR role reads the audit log"));
			}
			return log.page(child, before, size + 1).collectList().map(rows -> {
				boolean more = rows.size() > size;
				List<AuditEventEdge> edges = (more ? rows.subList(0, size) : rows).stream()
					.map(e -> new AuditEventEdge(Long.toString(e.id()), e))
					.toList();
				return new AuditEventConnection(edges,
						new PageInfo(more, after != null, edges.isEmpty() ? null : edges.get(0).cursor(),
								edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
			});
		});
	}

	private static long cursorId(String cursor) {
		try {
			return Long.parseLong(cursor);
		}
		catch (NumberFormatException e) {
			throw new ApiException("INVALID_CURSOR", "not a cursor from this list");
		}
	}

	@SchemaMapping(typeName = "AuditEvent", field = "id")
	public String id(AuditEvent event) {
		return Long.toString(event.id());
	}

	@SchemaMapping(typeName = "AuditEvent", field = "childId")
	public String childId(AuditEvent event) {
		return event.childId() == null ? null : GlobalId.of(NodeType.Child, event.childId());
	}

	@SchemaMapping(typeName = "AuditEvent", field = "objectId")
	public String objectId(AuditEvent event) {
		// Rows from before the object's type was kept name the object of a write by its
		// mutation.
		NodeType type = event.objectType() != null ? NodeType.valueOf(event.objectType())
				: event.action() == AuditLog.Action.WRITE ? WRITTEN.get(event.operation()) : null;
		return event.objectId() == null || type == null ? null : GlobalId.of(type, event.objectId());
	}

}
