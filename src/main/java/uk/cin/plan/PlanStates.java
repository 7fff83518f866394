package uk.cin.plan;

import graphql.GraphQLContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import uk.cin.plan.RecordedFacts.Recorded;
import uk.cin.policy.Evaluation;
import uk.cin.policy.PolicyEngine;
import uk.cin.policy.pack.PolicyPacks;
import uk.cin.security.CallerInterceptor;

/**
 * Loads plans with everything recorded on them, at most four queries for any number of
 * plans, and evaluates them. Registered as the DataLoader behind every computed field, so
 * a page of plans costs the same statements whatever its size.
 */
@Component
public class PlanStates {

	/** A plan to judge as of a date. */
	public record PlanAt(UUID planId, LocalDate asOf) {
	}

	/** A plan and its evaluation on that date. */
	public record EvaluatedPlan(PlanState state, Evaluation evaluation) {
	}

	private final PlanRepository plans;

	private final RecordedMeetings recordedMeetings;

	private final PolicyPacks packs;

	private final PolicyEngine engine;

	private final RecordedFacts recordedFacts;

	public PlanStates(PlanRepository plans, RecordedMeetings recordedMeetings, PolicyPacks packs, PolicyEngine engine,
			RecordedFacts recordedFacts, BatchLoaderRegistry registry) {
		this.plans = plans;
		this.recordedMeetings = recordedMeetings;
		this.recordedFacts = recordedFacts;
		this.packs = packs;
		this.engine = engine;
		registry.forTypePair(PlanAt.class, EvaluatedPlan.class).registerMappedBatchLoader((keys, env) -> {
			GraphQLContext context = env.getContext() instanceof GraphQLContext c ? c : null;
			boolean writing = context != null && Boolean.TRUE.equals(context.get(CallerInterceptor.WRITING));
			// A read request may take the rows its list already read; a write reads
			// afresh.
			return evaluate(keys, !writing, writing || context == null ? Map.of() : PageRows.of(context));
		});
	}

	/**
	 * The plans with everything recorded on them: their rows are always read, their
	 * records come from {@link RecordedFacts} when that version of the plan is held, else
	 * from three queries for all the others.
	 */
	public Mono<Map<UUID, PlanState>> load(Collection<UUID> planIds, boolean cached) {
		return load(planIds, cached, Map.of());
	}

	/**
	 * As {@link #load(Collection, boolean)}, taking the rows already read in this
	 * request.
	 */
	Mono<Map<UUID, PlanState>> load(Collection<UUID> planIds, boolean cached, Map<UUID, CinPlan> known) {
		if (planIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		List<CinPlan> have = new ArrayList<>();
		Set<UUID> read = new HashSet<>();
		for (UUID id : planIds) {
			CinPlan row = known.get(id);
			if (row != null) {
				have.add(row);
			}
			else {
				read.add(id);
			}
		}
		Mono<List<CinPlan>> all = read.isEmpty() ? Mono.just(have) : plans.plans(read).collectList().map(fresh -> {
			List<CinPlan> both = new ArrayList<>(have);
			both.addAll(fresh);
			return both;
		});
		return all.flatMap(rows -> {
			Map<UUID, Recorded> held = new HashMap<>();
			Set<UUID> missing = new HashSet<>();
			for (CinPlan plan : rows) {
				Recorded recorded = cached ? recordedFacts.get(plan) : null;
				if (recorded != null) {
					held.put(plan.id(), recorded);
				}
				else {
					missing.add(plan.id());
				}
			}
			Mono<Map<UUID, Recorded>> loaded = missing.isEmpty() ? Mono.just(Map.of()) : recorded(missing);
			return loaded.map(fresh -> {
				Map<UUID, PlanState> states = new HashMap<>();
				for (CinPlan plan : rows) {
					Recorded recorded = held.get(plan.id());
					if (recorded == null) {
						recorded = fresh.getOrDefault(plan.id(), NOTHING);
						if (cached) {
							recordedFacts.put(plan, recorded);
						}
					}
					states.put(plan.id(), new PlanState(plan, recorded.meetings(), recorded.events(), recorded.visits(),
							packs.get(plan.authorityCode())));
				}
				return states;
			});
		});
	}

	private static final Recorded NOTHING = new Recorded(List.of(), List.of(), List.of());

	private Mono<Map<UUID, Recorded>> recorded(Set<UUID> ids) {
		return Mono.zip(recordedMeetings.of(ids), plans.events(ids).collectList(), plans.visits(ids).collectList())
			.map(t -> {
				Map<UUID, List<HeldMeeting>> meetings = t.getT1();
				Map<UUID, List<PlanEvent>> events = new HashMap<>();
				t.getT2().forEach(e -> events.computeIfAbsent(e.planId(), k -> new ArrayList<>()).add(e));
				Map<UUID, List<Visit>> visits = new HashMap<>();
				t.getT3().forEach(v -> visits.computeIfAbsent(v.planId(), k -> new ArrayList<>()).add(v));
				Map<UUID, Recorded> result = new HashMap<>();
				for (UUID id : ids) {
					result.put(id, new Recorded(meetings.getOrDefault(id, List.of()),
							events.getOrDefault(id, List.of()), visits.getOrDefault(id, List.of())));
				}
				return result;
			});
	}

	/**
	 * One plan as its writer sees it: read afresh, never from the cache (the write may
	 * yet roll back).
	 */
	public Mono<PlanState> load(UUID planId) {
		return load(List.of(planId), false).flatMap(states -> Mono.justOrEmpty(states.get(planId)));
	}

	public Mono<Map<PlanAt, EvaluatedPlan>> evaluate(Set<PlanAt> keys, boolean cached) {
		return evaluate(keys, cached, Map.of());
	}

	private Mono<Map<PlanAt, EvaluatedPlan>> evaluate(Set<PlanAt> keys, boolean cached, Map<UUID, CinPlan> known) {
		Set<UUID> ids = new HashSet<>();
		keys.forEach(k -> ids.add(k.planId()));
		return load(ids, cached, known).map(states -> {
			Map<PlanAt, EvaluatedPlan> result = new HashMap<>();
			for (PlanAt key : keys) {
				PlanState state = states.get(key.planId());
				if (state != null) {
					result.put(key, new EvaluatedPlan(state, engine.evaluate(state.facts(), key.asOf(), state.pack())));
				}
			}
			return result;
		});
	}

}
