package uk.cin.audit;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import uk.cin.api.GlobalId;
import uk.cin.api.GlobalId.NodeType;
import uk.cin.security.Caller;

/**
 * The audit log: appended in the transaction of what it records (a read's or a write's),
 * so that nothing is done unrecorded. The table refuses UPDATE, DELETE and TRUNCATE to
 * everyone (see migration 003).
 */
@Repository
public class AuditLog {

	public enum Action {

		READ, WRITE, REFUSED

	}

	/** One event as the auditor sees it. */
	public record AuditEvent(long id, OffsetDateTime at, String caller, String role, Action action, String operation,
			UUID childId, String objectType, UUID objectId, List<String> fields) {
	}

	private final DatabaseClient db;

	private final MeetingChildren meetingChildren;

	public AuditLog(DatabaseClient db, MeetingChildren meetingChildren) {
		this.db = db;
		this.meetingChildren = meetingChildren;
	}

	/**
	 * One row per child, family or meeting read, with the fields read. A meeting's row
	 * names its child too, as the meeting module finds it.
	 */
	public Mono<Void> reads(Caller caller, String operation, Map<AuditTrail.Subject, Set<String>> read) {
		if (read.isEmpty()) {
			return Mono.empty();
		}
		List<UUID> meetings = read.keySet()
			.stream()
			.filter(s -> s.childId() == null && s.objectType() == NodeType.Meeting)
			.map(AuditTrail.Subject::objectId)
			.distinct()
			.toList();
		return (meetings.isEmpty() ? Mono.just(Map.<UUID, UUID>of()) : meetingChildren.childrenOf(meetings))
			.flatMap(childOfMeeting -> insertReads(caller, operation, read, childOfMeeting));
	}

	private Mono<Void> insertReads(Caller caller, String operation, Map<AuditTrail.Subject, Set<String>> read,
			Map<UUID, UUID> childOfMeeting) {
		List<AuditTrail.Subject> subjects = new ArrayList<>(read.keySet());
		UUID[] children = subjects.stream()
			.map(s -> s.childId() == null && s.objectType() == NodeType.Meeting ? childOfMeeting.get(s.objectId())
					: s.childId())
			.toArray(UUID[]::new);
		String[] types = subjects.stream()
			.map(s -> s.objectType() == null ? null : s.objectType().name())
			.toArray(String[]::new);
		UUID[] objects = subjects.stream().map(AuditTrail.Subject::objectId).toArray(UUID[]::new);
		String[] fields = subjects.stream()
			.map(s -> String.join(",", new TreeSet<>(read.get(s))))
			.toArray(String[]::new);
		return db
			.sql("insert into audit.audit_event (caller, role, action, operation, child_id, object_type, object_id,"
					+ " fields) select :caller, :role, 'READ', :operation, t.child, t.type, t.object,"
					+ " string_to_array(t.fields, ',')"
					+ " from unnest(:children::uuid[], :types::text[], :objects::uuid[], :fields::text[])"
					+ " as t(child, type, object, fields)")
			.bind("caller", caller.id())
			.bind("role", caller.role().name())
			.bind("operation", operation)
			.bind("children", children)
			.bind("types", types)
			.bind("objects", objects)
			.bind("fields", fields)
			.then();
	}

	/**
	 * A write or a refused write: what it was about (the record, the child), where known.
	 */
	public Mono<Void> write(Caller caller, Action action, String mutation, GlobalId.NodeType objectType, UUID objectId,
			UUID childId) {
		var insert = db
			.sql("insert into audit.audit_event (caller, role, action, operation, object_type, object_id,"
					+ " child_id) values (:caller, :role, :action, :operation, :type, :object, :child)")
			.bind("caller", caller.id())
			.bind("role", caller.role().name())
			.bind("action", action.name())
			.bind("operation", mutation);
		insert = objectType == null ? insert.bindNull("type", String.class) : insert.bind("type", objectType.name());
		insert = objectId == null ? insert.bindNull("object", UUID.class) : insert.bind("object", objectId);
		insert = childId == null ? insert.bindNull("child", UUID.class) : insert.bind("child", childId);
		return insert.then();
	}

	/** Newest first, optionally for one child, before an event id. */
	public Flux<AuditEvent> page(UUID childId, Long before, int limit) {
		String sql = "select * from audit.audit_event where true" + (childId == null ? "" : " and child_id = :child")
				+ (before == null ? "" : " and id < :before") + " order by id desc limit :limit";
		var spec = db.sql(sql).bind("limit", limit);
		if (childId != null) {
			spec = spec.bind("child", childId);
		}
		if (before != null) {
			spec = spec.bind("before", before);
		}
		return spec.map(AuditLog::event).all();
	}

	private static AuditEvent event(Readable r) {
		String[] fields = r.get("fields", String[].class);
		return new AuditEvent(r.get("id", Long.class), r.get("at", OffsetDateTime.class), r.get("caller", String.class),
				r.get("role", String.class), Action.valueOf(r.get("action", String.class)),
				r.get("operation", String.class), r.get("child_id", UUID.class), r.get("object_type", String.class),
				r.get("object_id", UUID.class), fields == null ? List.of() : List.of(fields));
	}

}
