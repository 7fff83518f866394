package uk.cin.audit;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The child a read of a meeting was a read of (its plan's child), for the audit row. The
 * meeting module owns meetings and implements this: it uses the audit module, so the
 * audit module never uses it, nor reads its tables.
 */
public interface MeetingChildren {

	/** The child of each of these meetings, by meeting id; one not found is left out. */
	Mono<Map<UUID, UUID>> childrenOf(Collection<UUID> meetingIds);

}
