package uk.cin.audit;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import uk.cin.api.GlobalId.NodeType;

/**
 * What of children's records and families one request read, and which fields: written to
 * the audit log as the request ends. A child's own fields and its plans' are noted under
 * the child; a family's under the family; a meeting's and its attendees' under the
 * meeting, with the child of the plan it was read under (or, read on its own, the child
 * the meeting module names for it).
 */
public final class AuditTrail {

	public static final String CONTEXT_KEY = "cin.auditTrail";

	/**
	 * What a read was of: the child (or null), and the object read apart from it (a
	 * family or a meeting).
	 */
	public record Subject(UUID childId, NodeType objectType, UUID objectId) {

		public static Subject child(UUID childId) {
			return new Subject(childId, null, null);
		}

		public static Subject object(NodeType type, UUID id) {
			return new Subject(null, type, id);
		}
	}

	/** Where in the document, and a record of which type. */
	private record Place(Object fields, String type) {
	}

	private final Map<Subject, Set<String>> fields = new ConcurrentHashMap<>();

	private final Map<Place, Set<String>> selected = new ConcurrentHashMap<>();

	public void read(Subject subject, String field) {
		fields.computeIfAbsent(subject, s -> ConcurrentHashMap.newKeySet()).add(field);
	}

	public void read(Subject subject, Set<String> read) {
		fields.computeIfAbsent(subject, s -> ConcurrentHashMap.newKeySet()).addAll(read);
	}

	/**
	 * The fields the operation reads of a record of this type at this place (the
	 * document's field nodes that return it), worked out once per request.
	 */
	Set<String> selected(Object place, String type, Supplier<Set<String>> fields) {
		return selected.computeIfAbsent(new Place(place, type), p -> fields.get());
	}

	public boolean isEmpty() {
		return fields.isEmpty();
	}

	/**
	 * What was read, and forgets it: a subscription's trail is written after each event.
	 */
	public synchronized Map<Subject, Set<String>> drain() {
		// A meeting read under its plan was noted with the plan's child; its attendees,
		// and the same meeting read elsewhere in the document, join that row.
		Map<UUID, UUID> childOf = new HashMap<>();
		fields.keySet().forEach(s -> {
			if (s.objectType() == NodeType.Meeting && s.childId() != null) {
				childOf.put(s.objectId(), s.childId());
			}
		});
		Map<Subject, Set<String>> read = new HashMap<>();
		fields.forEach((subject, names) -> {
			UUID child = subject.childId() == null && subject.objectType() == NodeType.Meeting
					? childOf.get(subject.objectId()) : null;
			Subject key = child == null ? subject : new Subject(child, subject.objectType(), subject.objectId());
			read.computeIfAbsent(key, k -> new HashSet<>()).addAll(names);
		});
		fields.clear();
		return read;
	}

}
