package uk.cin.live;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import uk.cin.family.Child;
import uk.cin.family.FamilyRepository;
import uk.cin.plan.CinPlan;
import uk.cin.plan.PlanStates;
import uk.cin.plan.PlanStates.EvaluatedPlan;
import uk.cin.plan.PlanStates.PlanAt;
import uk.cin.security.AuthorityScope;
import uk.cin.security.EventTransactions;

/**
 * What an event's subscribers ask of its plan most (the plan judged today: isOverdue,
 * nextReviewDue, deadlines and the like, and the plan's child) is read once per event on
 * this instance, in one transaction, and handed to each subscriber's DataLoaders before
 * its event is resolved: a thousand subscribers cost the database one read, not a
 * thousand. Every subscriber that receives the event may read its plan (same authority, a
 * team it sees), so what is shared is what each would have read; redaction and the audit
 * work on fields as they are resolved, as before. Other fields (an asOf other than today,
 * the family, meetings' attendees) are read per subscriber, in turn
 * ({@link EventTransactions}).
 */
@Component
public class EventReads {

	/** The plan's fields that the evaluation as of today answers (PlanController). */
	private static final String EVALUATED = "plan/{startDate,meetings,visits,events,nextReviewDue,isOverdue,"
			+ "requiredChairRole,nextMeeting,deadlines,policyProblems}";

	/**
	 * The DataLoaders the shared reads go into: PlanStates' (named by its value type) and
	 * CinPlan.child's.
	 */
	private static final String EVALUATIONS = EvaluatedPlan.class.getName();

	private static final String CHILDREN = "CinPlan.child";

	/** Long enough for every subscriber of an event to take its turn. */
	private static final Duration KEEP = Duration.ofMinutes(1);

	private record Key(long changeId, LocalDate day) {
	}

	private record Shared(EvaluatedPlan evaluation, Child child) {
	}

	private final PlanStates states;

	private final FamilyRepository families;

	private final AuthorityScope scope;

	private final EventTransactions transactions;

	private final Clock clock;

	private final Cache<Key, Mono<Shared>> shared = Caffeine.newBuilder()
		.expireAfterWrite(KEEP)
		.maximumSize(1_024)
		.build();

	public EventReads(PlanStates states, FamilyRepository families, AuthorityScope scope,
			EventTransactions transactions, Clock clock) {
		this.states = states;
		this.families = families;
		this.scope = scope;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Whether a subscription's events ask for anything shared. */
	public static boolean wanted(DataFetchingFieldSelectionSet selection) {
		return selection.contains(EVALUATED) || selection.contains("plan/child");
	}

	/**
	 * Puts the event's shared reads in the subscriber's DataLoaders (cleared for the
	 * event), reading them once.
	 */
	public Mono<DeadlineChange> prime(DeadlineChange change, DataLoaderRegistry loaders) {
		CinPlan plan = change.plan();
		if (plan == null) {
			return Mono.just(change);
		}
		LocalDate today = LocalDate.now(clock);
		return shared.get(new Key(change.id(), today), key -> read(change, today)).map(reads -> {
			DataLoader<PlanAt, EvaluatedPlan> evaluations = loaders.getDataLoader(EVALUATIONS);
			if (evaluations != null && reads.evaluation() != null) {
				evaluations.prime(new PlanAt(plan.id(), today), reads.evaluation());
			}
			DataLoader<CinPlan, Child> children = loaders.getDataLoader(CHILDREN);
			if (children != null && reads.child() != null) {
				children.prime(plan, reads.child());
			}
			return change;
		});
	}

	private Mono<Shared> read(DeadlineChange change, LocalDate today) {
		PlanAt key = new PlanAt(change.planId(), today);
		Mono<Optional<EvaluatedPlan>> evaluation = states.evaluate(Set.of(key), true)
			.map(evaluated -> Optional.ofNullable(evaluated.get(key)));
		Mono<Optional<Child>> child = families.children(List.of(change.plan().childId()))
			.next()
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty());
		return transactions.mono(scope.mono(change.authorityCode(), Mono.zip(evaluation, child)))
			.map(read -> new Shared(read.getT1().orElse(null), read.getT2().orElse(null)))
			// Kept for the event's other subscribers; a failure is not kept (the next
			// subscriber tries again).
			.cache(read -> KEEP, failure -> Duration.ZERO, () -> Duration.ZERO);
	}

}
