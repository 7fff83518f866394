package uk.cin.meeting;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import uk.cin.audit.MeetingChildren;
import uk.cin.plan.CinPlan;
import uk.cin.plan.PlanRepository;

/**
 * The child whose record a read of a meeting was: its plan's. A meeting never moves to
 * another plan, nor a plan to another child, so an answer is kept: the many subscribers
 * shown one meeting cost the audit one lookup, not one each. Only a meeting that was read
 * is asked about, so what is kept reveals nothing to the next caller who reads it.
 */
@Component
class AuditedMeetings implements MeetingChildren {

	private final MeetingRepository meetings;

	private final PlanRepository plans;

	private final Cache<UUID, UUID> known = Caffeine.newBuilder().maximumSize(10_000).build();

	AuditedMeetings(MeetingRepository meetings, PlanRepository plans) {
		this.meetings = meetings;
		this.plans = plans;
	}

	@Override
	public Mono<Map<UUID, UUID>> childrenOf(Collection<UUID> meetingIds) {
		Map<UUID, UUID> found = new HashMap<>(known.getAllPresent(meetingIds));
		List<UUID> missing = meetingIds.stream().filter(id -> !found.containsKey(id)).distinct().toList();
		if (missing.isEmpty()) {
			return Mono.just(found);
		}
		return meetings.byIds(missing)
			.collectMap(Meeting::id, Meeting::planId)
			.flatMap(planOf -> planOf.isEmpty() ? Mono.just(found)
					: plans.plans(planOf.values())
						.collect(Collectors.toMap(CinPlan::id, CinPlan::childId, (a, b) -> a))
						.map(childOf -> {
							planOf.forEach((meeting, plan) -> {
								UUID child = childOf.get(plan);
								if (child != null) {
									found.put(meeting, child);
									known.put(meeting, child);
								}
							});
							return found;
						}));
	}

}
