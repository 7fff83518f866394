package uk.cin.audit;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import uk.cin.api.ApiException;
import uk.cin.api.GlobalId;
import uk.cin.api.GlobalId.NodeType;
import uk.cin.api.PageInfo;
import uk.cin.audit.AuditLog.AuditEvent;
import uk.cin.security.Access;

/** Reading the audit log: the caller's authority's events, for AUDITOR only, by page. */
@Service
public class AuditService {

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

	public AuditService(AuditLog log) {
		this.log = log;
	}

	/**
	 * Newest first, optionally of one child, after a cursor of an earlier page. The
	 * arguments are checked before anything is read; the role when the page is.
	 */
	public Mono<AuditEventConnection> auditEvents(@Nullable String childId, @Nullable Integer first,
			@Nullable String after) {
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
			// One more than the page: whether there is a next page, without counting.
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

	/**
	 * The global id of what an event was about. Rows from before the object's type was
	 * kept name the object of a write by its mutation.
	 */
	public static @Nullable String objectId(AuditEvent event) {
		NodeType type = event.objectType() != null ? NodeType.valueOf(event.objectType())
				: event.action() == AuditLog.Action.WRITE ? WRITTEN.get(event.operation()) : null;
		return event.objectId() == null || type == null ? null : GlobalId.of(type, event.objectId());
	}

	private static long cursorId(String cursor) {
		try {
			return Long.parseLong(cursor);
		}
		catch (NumberFormatException e) {
			throw new ApiException("INVALID_CURSOR", "not a cursor from this list");
		}
	}

}
