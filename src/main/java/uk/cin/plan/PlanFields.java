package uk.cin.plan;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;
import uk.cin.api.Fetchers;
import uk.cin.api.GlobalId;
import uk.cin.api.GlobalId.NodeType;
import uk.cin.plan.PlanStates.EvaluatedPlan;
import uk.cin.plan.PlanStates.PlanAt;
import uk.cin.policy.ValidationCode;

/**
 * A plan's own fields: its id and status, and what the policy engine derives (deadlines,
 * next review, chair) through the request's batch loader of evaluated plans. A page of 50
 * plans resolves hundreds of these, so they are fetched directly ({@link Fetchers}), each
 * a one-line call of the service as a controller method would be.
 */
@Component
class PlanFields implements RuntimeWiringConfigurer {

	private final PlanService service;

	PlanFields(PlanService service) {
		this.service = service;
	}

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.type("CinPlan",
				type -> type.dataFetcher("id", Fetchers.direct(env -> GlobalId.of(NodeType.CinPlan, plan(env).id())))
					.dataFetcher("status", Fetchers.direct(env -> service.statusOn(plan(env), ListDay.of(env))))
					.dataFetcher("closedOn", Fetchers.direct(env -> service.closedBy(plan(env), ListDay.of(env))))
					.dataFetcher("flags", Fetchers.direct(env -> plan(env).flags()))
					.dataFetcher("visits",
							Fetchers.direct(env -> service.visitsBy(plan(env), ListDay.of(env), evaluatedPlans(env))))
					.dataFetcher("events",
							Fetchers.direct(env -> service.eventsBy(plan(env), ListDay.of(env), evaluatedPlans(env))))
					.dataFetcher("startDate", evaluated(service, false, e -> e.evaluation().startDate()))
					.dataFetcher("nextReviewDue", evaluated(service, true, e -> e.evaluation().nextReviewDue()))
					.dataFetcher("isOverdue", evaluated(service, true, e -> e.evaluation().isOverdue()))
					.dataFetcher("requiredChairRole", evaluated(service, true, e -> e.evaluation().requiredChairRole()))
					.dataFetcher("nextMeeting", evaluated(service, true, e -> e.evaluation().nextMeeting()))
					.dataFetcher("deadlines", Fetchers.direct(env -> {
						boolean includeMet = Boolean.TRUE.equals(env.getArgument("includeMet"));
						return at(service, env, true)
							.thenApply(e -> includeMet ? e.evaluation().deadlines() : e.evaluation().openDeadlines());
					}))
					.dataFetcher("policyProblems",
							evaluated(service, false,
									e -> e.evaluation()
										.problems()
										.stream()
										.filter(p -> p.code() != ValidationCode.AS_OF_BEFORE_PLAN)
										.toList())));
	}

	/**
	 * A field of the plan as evaluated on the day asked: the field's own asOf argument
	 * where it has one, else the list's day, else today.
	 */
	private static DataFetcher<CompletableFuture<@Nullable Object>> evaluated(PlanService service, boolean hasAsOf,
			Function<EvaluatedPlan, @Nullable Object> field) {
		return Fetchers.direct(env -> at(service, env, hasAsOf).thenApply(field));
	}

	private static CompletableFuture<EvaluatedPlan> at(PlanService service, DataFetchingEnvironment env,
			boolean hasAsOf) {
		LocalDate asOf = hasAsOf ? env.getArgument("asOf") : null;
		return service.at(plan(env), ListDay.of(asOf, env), evaluatedPlans(env));
	}

	private static CinPlan plan(DataFetchingEnvironment env) {
		return env.getSource();
	}

	private static DataLoader<PlanAt, EvaluatedPlan> evaluatedPlans(DataFetchingEnvironment env) {
		// Registered by PlanStates with BatchLoaderRegistry.forTypePair, which names it
		// after the value's type.
		DataLoader<PlanAt, EvaluatedPlan> loader = env.getDataLoader(EvaluatedPlan.class.getName());
		if (loader == null) {
			throw new IllegalStateException("no batch loader of evaluated plans in this request");
		}
		return loader;
	}

}
