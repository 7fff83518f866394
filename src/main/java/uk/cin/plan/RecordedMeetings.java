package uk.cin.plan;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The meetings held on plans, as the policy takes them: what a plan's evaluation needs of
 * the meeting module, which owns meetings and provides this.
 */
public interface RecordedMeetings {

	/** Each plan's meetings, in the order held; a plan without any is left out. */
	Mono<Map<UUID, List<HeldMeeting>>> of(Collection<UUID> planIds);

}
