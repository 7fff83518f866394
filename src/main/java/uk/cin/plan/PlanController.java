package uk.cin.plan;

import graphql.schema.DataFetchingEnvironment;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import uk.cin.api.ApiException;
import uk.cin.api.Batches;
import uk.cin.api.GlobalId;
import uk.cin.api.PageInfo;
import uk.cin.api.GlobalId.NodeType;
import uk.cin.api.Inputs;
import uk.cin.mutation.Mutations;
import uk.cin.api.Refusal;
import uk.cin.api.UserError;
import uk.cin.family.Child;
import uk.cin.family.FamilyRepository;
import uk.cin.meeting.Meeting;
import uk.cin.plan.CinPlan.PlanFlags;
import uk.cin.plan.CinPlan.PlanStatus;
import uk.cin.plan.PlanStates.EvaluatedPlan;
import uk.cin.plan.PlanService.ClosePlanInput;
import uk.cin.plan.PlanService.OpenPlanInput;
import uk.cin.plan.PlanService.PlanPayload;
import uk.cin.plan.PlanService.RecordPlanEventInput;
import uk.cin.plan.PlanService.RecordVisitInput;
import uk.cin.plan.PlanStates.PlanAt;
import uk.cin.plan.PlanWrites.InputFields;
import uk.cin.authority.AuthorityController;
import uk.cin.authority.AuthorityController.Authority;
import uk.cin.policy.ChairRole;
import uk.cin.policy.Deadline;
import uk.cin.policy.MeetingRequirement;
import uk.cin.policy.PlanEventKind;
import uk.cin.policy.PlanFacts;
import uk.cin.policy.PlanStartReason;
import uk.cin.policy.ReviewOutcome;
import uk.cin.policy.ValidationCode;
import uk.cin.policy.ValidationProblem;
import uk.cin.policy.pack.PolicyPacks;
import uk.cin.security.Access;

/** Plans: the list, one plan, the plan mutations, and every computed field (through the plan DataLoader). */
@Controller
public class PlanController {

    public static final int MAX_PAGE = 500;

    public record PlanFilter(String authorityCode, PlanStatus status, LocalDate overdueAsOf,
            LocalDate reviewDueBefore) {
    }

    public record CinPlanEdge(String cursor, CinPlan node) {
    }

    public record CinPlanConnection(List<CinPlanEdge> edges, PageInfo pageInfo, int totalCount) {
    }

    private final PlanRepository plans;
    private final PlanService service;
    private final FamilyRepository families;
    private final AuthorityController authorities;
    private final Clock clock;

    public PlanController(PlanRepository plans, PlanService service, FamilyRepository families,
            AuthorityController authorities, Clock clock) {
        this.plans = plans;
        this.service = service;
        this.families = families;
        this.authorities = authorities;
        this.clock = clock;
    }

    // ---- queries

    @QueryMapping
    public Mono<CinPlan> plan(@Argument String id) {
        UUID planId = GlobalId.require(id, NodeType.CinPlan);
        return Access.readable(plans.plans(List.of(planId)).next());
    }

    @QueryMapping
    public Mono<CinPlanConnection> plans(@Argument PlanFilter filter, @Argument Integer first,
            @Argument String after, DataFetchingEnvironment env) {
        boolean counted = env.getSelectionSet().contains("totalCount");
        int size = first == null ? 50 : first;
        if (size < 0 || size > MAX_PAGE) {
            throw new ApiException(ApiException.INVALID, "first must be between 0 and " + MAX_PAGE);
        }
        PlanFilter f = filter == null ? new PlanFilter(null, null, null, null) : filter;
        UUID afterId = after == null ? null : cursorId(after);
        return Access.caller().flatMap(caller -> {
            // Only the caller's authority and, for practitioners, their teams: another authority's list is empty.
            boolean none = !caller.role().readsRecords()
                    || (f.authorityCode() != null && !f.authorityCode().equals(caller.authority()));
            return none ? Mono.just(new PlanRepository.PlanPage(List.of(), false, 0))
                    : plans.page(new PlanRepository.PlanQuery(caller.authority(), caller.teamFilter(), f.status(),
                            f.overdueAsOf(), f.reviewDueBefore(), LocalDate.now(clock), afterId, size, counted));
        }).map(page -> {
                    List<CinPlanEdge> edges = page.plans().stream().map(p -> new CinPlanEdge(cursor(p.id()), p))
                            .toList();
                    return new CinPlanConnection(edges, new PageInfo(page.hasNextPage(), after != null,
                            edges.isEmpty() ? null : edges.get(0).cursor(),
                            edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()),
                            (int) page.totalCount());
                });
    }

    private static String cursor(UUID id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("plan:" + id).getBytes());
    }

    private static UUID cursorId(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor));
            if (text.startsWith("plan:")) {
                return UUID.fromString(text.substring(5));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new ApiException("INVALID_CURSOR", "not a cursor from this list");
    }

    // ---- mutations (PlanService)

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

    // ---- fields

    @SchemaMapping(typeName = "CinPlan", field = "id")
    public String planId(CinPlan plan) {
        return GlobalId.of(NodeType.CinPlan, plan.id());
    }

    @SchemaMapping(typeName = "CinPlan")
    public Authority authority(CinPlan plan) {
        return authorities.authority(plan.authorityCode());
    }

    @BatchMapping(typeName = "CinPlan")
    public Mono<Map<CinPlan, Child>> child(List<CinPlan> list) {
        return Batches.one(list, CinPlan::childId,
                families.children(list.stream().map(CinPlan::childId).distinct().toList()), Child::id);
    }

    @BatchMapping(typeName = "Child")
    public Mono<Map<Child, List<CinPlan>>> plans(List<Child> children) {
        return Batches.many(children, Child::id, plans.plansOfChildren(children.stream().map(Child::id).toList()),
                CinPlan::childId);
    }

    @BatchMapping(typeName = "Child")
    public Mono<Map<Child, CinPlan>> currentPlan(List<Child> children) {
        return Batches.one(children, Child::id, plans.plansOfChildren(children.stream().map(Child::id).toList())
                .filter(p -> p.status() == PlanStatus.OPEN), CinPlan::childId);
    }

    private Mono<EvaluatedPlan> at(CinPlan plan, LocalDate asOf, DataLoader<PlanAt, EvaluatedPlan> loader) {
        return Mono.fromFuture(loader.load(new PlanAt(plan.id(), asOf == null ? LocalDate.now(clock) : asOf)));
    }

    @SchemaMapping(typeName = "CinPlan")
    public Mono<LocalDate> startDate(CinPlan plan, DataLoader<PlanAt, EvaluatedPlan> loader) {
        return at(plan, null, loader).mapNotNull(e -> e.evaluation().startDate());
    }

    @SchemaMapping(typeName = "CinPlan")
    public Mono<List<Meeting>> meetings(CinPlan plan, DataLoader<PlanAt, EvaluatedPlan> loader) {
        return at(plan, null, loader).map(e -> e.state().meetings());
    }

    @SchemaMapping(typeName = "CinPlan")
    public Mono<List<Visit>> visits(CinPlan plan, DataLoader<PlanAt, EvaluatedPlan> loader) {
        return at(plan, null, loader).map(e -> e.state().visits());
    }

    @SchemaMapping(typeName = "CinPlan")
    public Mono<List<PlanEvent>> events(CinPlan plan, DataLoader<PlanAt, EvaluatedPlan> loader) {
        return at(plan, null, loader).map(e -> e.state().events());
    }

    @SchemaMapping(typeName = "CinPlan")
    public Mono<LocalDate> nextReviewDue(CinPlan plan, @Argument LocalDate asOf,
            DataLoader<PlanAt, EvaluatedPlan> loader) {
        return at(plan, asOf, loader).mapNotNull(e -> e.evaluation().nextReviewDue());
    }

    @SchemaMapping(typeName = "CinPlan")
    public Mono<Boolean> isOverdue(CinPlan plan, @Argument LocalDate asOf, DataLoader<PlanAt, EvaluatedPlan> loader) {
        return at(plan, asOf, loader).map(e -> e.evaluation().isOverdue());
    }

    @SchemaMapping(typeName = "CinPlan")
    public Mono<ChairRole> requiredChairRole(CinPlan plan, @Argument LocalDate asOf,
            DataLoader<PlanAt, EvaluatedPlan> loader) {
        return at(plan, asOf, loader).mapNotNull(e -> e.evaluation().requiredChairRole());
    }

    @SchemaMapping(typeName = "CinPlan")
    public Mono<MeetingRequirement> nextMeeting(CinPlan plan, @Argument LocalDate asOf,
            DataLoader<PlanAt, EvaluatedPlan> loader) {
        return at(plan, asOf, loader).mapNotNull(e -> e.evaluation().nextMeeting());
    }

    @SchemaMapping(typeName = "CinPlan")
    public Mono<List<Deadline>> deadlines(CinPlan plan, @Argument LocalDate asOf, @Argument Boolean includeMet,
            DataLoader<PlanAt, EvaluatedPlan> loader) {
        return at(plan, asOf, loader).map(e -> Boolean.TRUE.equals(includeMet) ? e.evaluation().deadlines()
                : e.evaluation().openDeadlines());
    }

    @SchemaMapping(typeName = "CinPlan")
    public Mono<List<ValidationProblem>> policyProblems(CinPlan plan, DataLoader<PlanAt, EvaluatedPlan> loader) {
        return at(plan, null, loader).map(e -> e.evaluation().problems().stream()
                .filter(p -> p.code() != ValidationCode.AS_OF_BEFORE_PLAN).toList());
    }

    @SchemaMapping(typeName = "CinPlan")
    public PlanFlags flags(CinPlan plan) {
        return plan.flags();
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
    public uk.cin.policy.RuleRef rule(MeetingRequirement requirement) {
        return requirement.chair().rule();
    }

    @SchemaMapping(typeName = "PolicyProblem")
    public String code(ValidationProblem problem) {
        return problem.code().name();
    }
}
