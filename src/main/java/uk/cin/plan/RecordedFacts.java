package uk.cin.plan;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import uk.cin.config.CinProperties;

/**
 * What is recorded on plans (meetings, events, visits), kept in memory per plan version.
 * Every write to a plan moves its version on in the same transaction, so a version's
 * records never change and an entry cannot go stale: a reader that sees the plan's
 * current row looks up its current version. Loading and decoding these rows was most of
 * the cost of a caseload page. Entries are bounded by the number of records they hold;
 * {@code 0} switches the cache off.
 */
@Component
public class RecordedFacts {

	/** What is recorded on one plan. */
	public record Recorded(List<HeldMeeting> meetings, List<PlanEvent> events, List<Visit> visits) {

		public Recorded {
			meetings = List.copyOf(meetings);
			events = List.copyOf(events);
			visits = List.copyOf(visits);
		}

		int weight() {
			return 1 + meetings.size() + events.size() + visits.size();
		}
	}

	private record Key(UUID planId, int version) {
	}

	private final Cache<Key, Recorded> cache;

	public RecordedFacts(CinProperties properties) {
		long maxRecords = properties.planCache().maxRecords();
		this.cache = maxRecords <= 0 ? null
				: Caffeine.newBuilder()
					.maximumWeight(maxRecords)
					.<Key, Recorded>weigher((key, recorded) -> recorded.weight())
					.build();
	}

	/** The records of this version of the plan, or null when they are not held. */
	public Recorded get(CinPlan plan) {
		return cache == null ? null : cache.getIfPresent(new Key(plan.id(), plan.version()));
	}

	public void put(CinPlan plan, Recorded recorded) {
		if (cache != null) {
			cache.put(new Key(plan.id(), plan.version()), recorded);
		}
	}

}
