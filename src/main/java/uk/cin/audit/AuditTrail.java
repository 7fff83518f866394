package uk.cin.audit;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The fields of each child's record one request read: written to the audit log as the request ends. */
public final class AuditTrail {

    public static final String CONTEXT_KEY = "cin.auditTrail";

    private final Map<UUID, Set<String>> fieldsByChild = new ConcurrentHashMap<>();

    public void read(UUID childId, String field) {
        fieldsByChild.computeIfAbsent(childId, id -> ConcurrentHashMap.newKeySet()).add(field);
    }

    public boolean isEmpty() {
        return fieldsByChild.isEmpty();
    }

    /** What was read, and forgets it: a subscription's trail is written after each event. */
    public synchronized Map<UUID, Set<String>> drain() {
        Map<UUID, Set<String>> read = Map.copyOf(fieldsByChild);
        fieldsByChild.clear();
        return read;
    }
}
