package uk.cin.plan;

import graphql.schema.DataFetchingEnvironment;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import uk.cin.api.GlobalId;
import uk.cin.api.GlobalId.NodeType;
import uk.cin.family.Child;
import uk.cin.plan.PlanService.CaseloadGrouping;
import uk.cin.plan.PlanService.CaseloadSummary;
import uk.cin.plan.PlanService.CinPlanConnection;
import uk.cin.plan.PlanService.ClosePlanInput;
import uk.cin.plan.PlanService.OpenPlanInput;
import uk.cin.plan.PlanService.PlanFilter;
import uk.cin.plan.PlanService.PlanList;
import uk.cin.plan.PlanService.PlanOrder;
import uk.cin.plan.PlanService.PlanPayload;
import uk.cin.plan.PlanService.RecordPlanEventInput;
import uk.cin.plan.PlanService.RecordVisitInput;
import uk.cin.plan.PlanService.SummaryQuestion;
import uk.cin.policy.ChairRole;
import uk.cin.policy.MeetingRequirement;
import uk.cin.policy.RuleRef;
import uk.cin.policy.ValidationProblem;

/**
 * Plans: the list, one plan, the plan mutations and every computed field, each handed to
 * {@link PlanService}.
 */
@Controller
public class PlanController {

	private final PlanService service;

	public PlanController(PlanService service) {
		this.service = service;
	}

	@QueryMapping
	public Mono<CinPlan> plan(@Argument String id) {
		return service.plan(GlobalId.require(id, NodeType.CinPlan));
	}

	@QueryMapping
	public Mono<CinPlanConnection> plans(@Argument @Nullable PlanFilter filter, @Argument @Nullable Integer first,
			@Argument @Nullable String after, @Argument @Nullable Integer last, @Argument @Nullable String before,
			@Argument @Nullable PlanOrder orderBy, @Argument @Nullable LocalDate asOf, DataFetchingEnvironment env) {
		return service
			.page(new PlanList(filter, first, after, last, before, orderBy, asOf),
					env.getSelectionSet().contains("totalCount"))
			.doOnNext(connection -> PageRows.remember(env.getGraphQlContext(), connection.plans()));
	}

	@QueryMapping
	public Mono<CaseloadSummary> caseloadSummary(@Argument @Nullable LocalDate asOf,
			@Argument @Nullable List<CaseloadGrouping> groupBy, @Argument @Nullable PlanFilter filter) {
		return service.summary(new SummaryQuestion(asOf, groupBy, filter));
	}

	@MutationMapping
	public Mono<PlanPayload> openPlan(@Argument OpenPlanInput input) {
		return service.openPlan(input);
	}

	@MutationMapping
	public Mono<PlanPayload> recordPlanEvent(@Argument RecordPlanEventInput input) {
		return service.recordPlanEvent(input);
	}

	@MutationMapping
	public Mono<PlanPayload> recordVisit(@Argument RecordVisitInput input) {
		return service.recordVisit(input);
	}

	@MutationMapping
	public Mono<PlanPayload> closePlan(@Argument ClosePlanInput input) {
		return service.closePlan(input);
	}

	@BatchMapping(typeName = "CinPlan")
	public Mono<Map<CinPlan, Child>> child(List<CinPlan> plans) {
		return service.childrenOf(plans);
	}

	@BatchMapping(typeName = "Child")
	public Mono<Map<Child, List<CinPlan>>> plans(List<Child> children) {
		return service.plansOf(children);
	}

	@BatchMapping(typeName = "Child")
	public Mono<Map<Child, CinPlan>> currentPlan(List<Child> children) {
		return service.currentPlansOf(children);
	}

	// ---- the next meeting's chair, as the contract names it

	@SchemaMapping(typeName = "MeetingRequirement")
	public ChairRole requiredChairRole(MeetingRequirement requirement) {
		return requirement.chair().role();
	}

	@SchemaMapping(typeName = "MeetingRequirement")
	public List<ChairRole> acceptableChairRoles(MeetingRequirement requirement) {
		return requirement.chair().acceptableRoles();
	}

	@SchemaMapping(typeName = "MeetingRequirement")
	public String chairConstraint(MeetingRequirement requirement) {
		return requirement.chair().constraint() == null ? null : requirement.chair().constraint().name();
	}

	@SchemaMapping(typeName = "MeetingRequirement")
	public RuleRef rule(MeetingRequirement requirement) {
		return requirement.chair().rule();
	}

	@SchemaMapping(typeName = "PolicyProblem")
	public String code(ValidationProblem problem) {
		return problem.code().name();
	}

}
