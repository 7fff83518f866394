package uk.cin.audit;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import uk.cin.security.Caller;

/**
 * The audit log: appended in the transaction of what it records (a read's or a write's), so that nothing is done
 * unrecorded. The table refuses UPDATE, DELETE and TRUNCATE to everyone (see migration 003).
 */
@Repository
public class AuditLog {

    public enum Action {
        READ,
        WRITE,
        REFUSED
    }

    /** One event as the auditor sees it. */
    public record AuditEvent(long id, OffsetDateTime at, String caller, String role, Action action, String operation,
            UUID childId, UUID objectId, List<String> fields) {
    }

    private final DatabaseClient db;

    public AuditLog(DatabaseClient db) {
        this.db = db;
    }

    /** One row per child read, with the fields read. */
    public Mono<Void> reads(Caller caller, String operation, Map<UUID, Set<String>> fieldsByChild) {
        if (fieldsByChild.isEmpty()) {
            return Mono.empty();
        }
        List<UUID> children = new ArrayList<>(fieldsByChild.keySet());
        String[] fields = children.stream().map(c -> String.join(",", new java.util.TreeSet<>(fieldsByChild.get(c))))
                .toArray(String[]::new);
        return db.sql("insert into audit_event (caller, role, action, operation, child_id, fields)"
                        + " select :caller, :role, 'READ', :operation, t.child, string_to_array(t.fields, ',')"
                        + " from unnest(:children::uuid[], :fields::text[]) as t(child, fields)")
                .bind("caller", caller.id()).bind("role", caller.role().name()).bind("operation", operation)
                .bind("children", children.toArray(UUID[]::new)).bind("fields", fields).then();
    }

    public Mono<Void> write(Caller caller, Action action, String mutation, UUID objectId) {
        var insert = db.sql("insert into audit_event (caller, role, action, operation, object_id)"
                        + " values (:caller, :role, :action, :operation, :object)")
                .bind("caller", caller.id()).bind("role", caller.role().name()).bind("action", action.name())
                .bind("operation", mutation);
        return (objectId == null ? insert.bindNull("object", UUID.class) : insert.bind("object", objectId)).then();
    }

    /** Newest first, optionally for one child, before an event id. */
    public Flux<AuditEvent> page(UUID childId, Long before, int limit) {
        String sql = "select * from audit_event where true" + (childId == null ? "" : " and child_id = :child")
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
                r.get("operation", String.class), r.get("child_id", UUID.class), r.get("object_id", UUID.class),
                fields == null ? List.of() : List.of(fields));
    }
}
