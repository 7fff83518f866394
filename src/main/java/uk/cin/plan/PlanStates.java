package uk.cin.plan;

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
import uk.cin.meeting.Meeting;
import uk.cin.policy.Evaluation;
import uk.cin.policy.PolicyEngine;
import uk.cin.policy.pack.PolicyPacks;

/**
 * Loads plans with everything recorded on them, four queries for any number of plans, and evaluates them. Registered
 * as the DataLoader behind every computed field, so a page of plans costs the same statements whatever its size.
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
    private final PolicyPacks packs;
    private final PolicyEngine engine;

    public PlanStates(PlanRepository plans, PolicyPacks packs, PolicyEngine engine, BatchLoaderRegistry registry) {
        this.plans = plans;
        this.packs = packs;
        this.engine = engine;
        registry.forTypePair(PlanAt.class, EvaluatedPlan.class).registerMappedBatchLoader((keys, env) -> evaluate(keys));
    }

    public Mono<Map<UUID, PlanState>> load(Collection<UUID> planIds) {
        if (planIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        Set<UUID> ids = new HashSet<>(planIds);
        return Mono.zip(plans.plans(ids).collectList(), plans.meetings(ids).collectList(),
                        plans.events(ids).collectList(), plans.visits(ids).collectList())
                .map(t -> {
                    Map<UUID, List<Meeting>> meetings = new HashMap<>();
                    t.getT2().forEach(m -> meetings.computeIfAbsent(m.planId(), k -> new ArrayList<>()).add(m));
                    Map<UUID, List<PlanEvent>> events = new HashMap<>();
                    t.getT3().forEach(e -> events.computeIfAbsent(e.planId(), k -> new ArrayList<>()).add(e));
                    Map<UUID, List<Visit>> visits = new HashMap<>();
                    t.getT4().forEach(v -> visits.computeIfAbsent(v.planId(), k -> new ArrayList<>()).add(v));
                    Map<UUID, PlanState> states = new HashMap<>();
                    for (CinPlan plan : t.getT1()) {
                        states.put(plan.id(), new PlanState(plan, meetings.getOrDefault(plan.id(), List.of()),
                                events.getOrDefault(plan.id(), List.of()), visits.getOrDefault(plan.id(), List.of()),
                                packs.get(plan.authorityCode())));
                    }
                    return states;
                });
    }

    public Mono<PlanState> load(UUID planId) {
        return load(List.of(planId)).flatMap(states -> Mono.justOrEmpty(states.get(planId)));
    }

    public Mono<Map<PlanAt, EvaluatedPlan>> evaluate(Set<PlanAt> keys) {
        Set<UUID> ids = new HashSet<>();
        keys.forEach(k -> ids.add(k.planId()));
        return load(ids).map(states -> {
            Map<PlanAt, EvaluatedPlan> result = new HashMap<>();
            for (PlanAt key : keys) {
                PlanState state = states.get(key.planId());
                if (state != null) {
                    result.put(key, new EvaluatedPlan(state, engine.evaluate(state.facts(), key.asOf(),
                            state.pack())));
                }
            }
            return result;
        });
    }
}
