package uk.cin.plan;

import java.util.List;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import uk.cin.deadline.DeadlineStore;
import uk.cin.policy.pack.PolicyPacks;
import uk.cin.security.AuthorityScope;

/**
 * Plans written before plan_review existed get their next-review rows once, at start, so
 * that ordering by next review due lists every plan. Every later write keeps them.
 */
@Component
class ReviewBackfill {

	private static final Log log = LogFactory.getLog(ReviewBackfill.class);

	private static final int BATCH = 200;

	private final DatabaseClient db;

	private final AuthorityScope scope;

	private final PlanStates states;

	private final DeadlineStore deadlines;

	private final PolicyPacks packs;

	ReviewBackfill(DatabaseClient db, AuthorityScope scope, PlanStates states, DeadlineStore deadlines,
			PolicyPacks packs) {
		this.db = db;
		this.scope = scope;
		this.states = states;
		this.deadlines = deadlines;
		this.packs = packs;
	}

	@EventListener(ApplicationReadyEvent.class)
	void fillMissing() {
		long filled = Flux.fromIterable(packs.codes()).concatMap(this::fill).reduce(0L, Long::sum).block();
		if (filled > 0) {
			log.info("Next-review rows written for " + filled + " plans that had none");
		}
	}

	/** One authority, a batch per transaction, until none is missing. */
	Mono<Long> fill(String authority) {
		return scope.mono(authority, batch())
			.expand(done -> done < BATCH ? Mono.empty() : scope.mono(authority, batch()))
			.reduce(0L, Long::sum);
	}

	private Mono<Long> batch() {
		return db
			.sql("select p.id from cin_plan p where not exists (select 1 from plan_review r where r.plan_id = p.id)"
					+ " limit :n")
			.bind("n", BATCH)
			.map(row -> row.get(0, UUID.class))
			.all()
			.collectList()
			.flatMap(this::rewrite);
	}

	private Mono<Long> rewrite(List<UUID> ids) {
		if (ids.isEmpty()) {
			return Mono.just(0L);
		}
		return states.load(ids, false)
			.flatMapMany(loaded -> Flux.fromIterable(loaded.values()))
			.concatMap(state -> deadlines.rewrite(state.plan().id(), state.facts(), state.pack()).thenReturn(1L))
			.reduce(0L, Long::sum);
	}

}
