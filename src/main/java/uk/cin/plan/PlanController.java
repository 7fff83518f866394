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
import uk.cin.api.GlobalId.NodeType;
import uk.cin.api.Inputs;
import uk.cin.api.Mutations;
import uk.cin.api.Refusal;
import uk.cin.api.UserError;
import uk.cin.family.Child;
import uk.cin.family.FamilyRepository;
import uk.cin.meeting.Meeting;
import uk.cin.plan.CinPlan.PlanFlags;
import uk.cin.plan.CinPlan.PlanStatus;
import uk.cin.plan.PlanStates.EvaluatedPlan;
import uk.cin.plan.PlanStates.PlanAt;
import uk.cin.plan.PlanWrites.InputFields;
import uk.cin.policy.AuthorityController;
import uk.cin.policy.AuthorityController.Authority;
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

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    public record CinPlanEdge(String cursor, CinPlan node) {
    }

    public record CinPlanConnection(List<CinPlanEdge> edges, PageInfo pageInfo, int totalCount) {
    }

    public record OpenPlanInput(String childId, PlanStartReason startReason, LocalDate referralDate,
            LocalDate triggerDate, LocalDate allocatedOn, PlanFlags flags, Integer visitFrequencyWorkingDays,
            String clientMutationId) {
    }

    public record RecordPlanEventInput(String planId, PlanEventKind kind, LocalDate occurredOn, String meetingId,
            String clientMutationId) {
    }

    public record RecordVisitInput(String planId, LocalDate visitedOn, Boolean childSeen, Boolean seenAlone,
            String note, String clientMutationId) {
    }

    public record ClosePlanInput(String planId, LocalDate closedOn, ReviewOutcome reason, String clientMutationId) {
    }

    /** The payload of every plan mutation: the plan, userErrors, and the clientMutationId as sent. */
    public record PlanPayload(CinPlan plan, List<UserError> userErrors, String clientMutationId) {
    }

    private final PlanRepository plans;
    private final PlanStates states;
    private final PlanWrites writes;
    private final FamilyRepository families;
    private final PolicyPacks packs;
    private final AuthorityController authorities;
    private final Mutations mutations;
    private final Clock clock;

    public PlanController(PlanRepository plans, PlanStates states, PlanWrites writes, FamilyRepository families,
            PolicyPacks packs, AuthorityController authorities, Mutations mutations, Clock clock) {
        this.plans = plans;
        this.states = states;
        this.writes = writes;
        this.families = families;
        this.packs = packs;
        this.authorities = authorities;
        this.mutations = mutations;
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

    // ---- mutations

    @MutationMapping
    public Mono<PlanPayload> openPlan(@Argument OpenPlanInput input) {
        String cmid = input.clientMutationId();
        return mutations.run("openPlan", input, () -> {
            Inputs in = new Inputs(clock);
            UUID childId = in.id(input.childId(), NodeType.Child, "input", "childId");
            in.pastDate(input.referralDate(), "input", "referralDate");
            in.pastDate(input.triggerDate(), "input", "triggerDate");
            in.pastDate(input.allocatedOn(), "input", "allocatedOn");
            in.range(input.visitFrequencyWorkingDays(), 1, 260, "input", "visitFrequencyWorkingDays");
            if (!in.ok()) {
                return Mono.error(new Refusal(in.errors()));
            }
            return families.children(List.of(childId)).next()
                    .switchIfEmpty(Mono.error(new Refusal(UserError.of(ApiException.NOT_FOUND, "no such child",
                            "input", "childId"))))
                    .flatMap(child -> Access.write(child, "child", "input", "childId")
                            .then(Mono.defer(() -> open(input, child))));
        }, id -> planPayload(id, cmid), errors -> new PlanPayload(null, errors, cmid));
    }

    /** Where openPlan's policy problems are reported (see {@link InputFields}). */
    private static final InputFields OPEN_FIELDS = InputFields.of(null, "triggerDate", "referralDate", "triggerDate",
            "allocatedOn", "visitFrequencyWorkingDays");

    private Mono<UUID> open(OpenPlanInput input, Child child) {
        String authorityCode = child.authorityCode();
        CinPlan plan = new CinPlan(UUID.randomUUID(), child.id(), authorityCode, child.team(), child.disabled(),
                PlanStatus.OPEN,
                input.startReason(), input.referralDate(), input.triggerDate(), input.allocatedOn(),
                input.flags() == null ? Set.of() : input.flags().toSet(), input.visitFrequencyWorkingDays(), null,
                null, 0);
        PlanState state = new PlanState(plan, List.of(), List.of(), List.of(), packs.get(authorityCode));
        List<UserError> problems = writes.newProblems(null, state.facts(), state.pack(), OPEN_FIELDS);
        if (!problems.isEmpty()) {
            return Mono.error(new Refusal(problems));
        }
        return plans.hasOpenPlan(child.id())
                .flatMap(open -> open ? Mono.error(new Refusal(UserError.of("PLAN_ALREADY_OPEN",
                        "the child already has an open plan; close it first", "input", "childId")))
                        : plans.insert(plan).then(writes.writeNew(state, OPEN_FIELDS)))
                .thenReturn(plan.id());
    }

    @MutationMapping
    public Mono<PlanPayload> recordPlanEvent(@Argument RecordPlanEventInput input) {
        String cmid = input.clientMutationId();
        return mutations.run("recordPlanEvent", input, () -> {
            Inputs in = new Inputs(clock);
            UUID planId = in.id(input.planId(), NodeType.CinPlan, "input", "planId");
            in.pastDate(input.occurredOn(), "input", "occurredOn");
            UUID meetingId = input.meetingId() == null ? null
                    : in.id(input.meetingId(), NodeType.Meeting, "input", "meetingId");
            if (!in.ok()) {
                return Mono.error(new Refusal(in.errors()));
            }
            return writes.load(planId, "input", "planId").flatMap(state -> {
                if (meetingId != null && state.meetings().stream().noneMatch(m -> m.id().equals(meetingId))) {
                    return Mono.error(new Refusal(UserError.of(ApiException.NOT_FOUND,
                            "no such meeting on this plan", "input", "meetingId")));
                }
                PlanEvent event = new PlanEvent(UUID.randomUUID(), planId, input.kind(), input.occurredOn(),
                        meetingId);
                return writes.write(state, state.facts().withEvent(event.fact()), plans.insert(event),
                                InputFields.of(event.fact().id(), "occurredOn", "occurredOn", "meetingId"))
                        .thenReturn(planId);
            });
        }, id -> planPayload(id, cmid), errors -> new PlanPayload(null, errors, cmid));
    }

    @MutationMapping
    public Mono<PlanPayload> recordVisit(@Argument RecordVisitInput input) {
        String cmid = input.clientMutationId();
        return mutations.run("recordVisit", input, () -> {
            Inputs in = new Inputs(clock);
            UUID planId = in.id(input.planId(), NodeType.CinPlan, "input", "planId");
            in.pastDate(input.visitedOn(), "input", "visitedOn");
            String note = in.optionalText(input.note(), 4000, "input", "note");
            if (!in.ok()) {
                return Mono.error(new Refusal(in.errors()));
            }
            return writes.load(planId, "input", "planId").flatMap(state -> {
                Visit visit = new Visit(UUID.randomUUID(), planId, input.visitedOn(),
                        Boolean.TRUE.equals(input.childSeen()), Boolean.TRUE.equals(input.seenAlone()), note);
                return writes.write(state, state.facts().withVisit(visit.fact()), plans.insert(visit),
                                InputFields.of(visit.fact().id(), "visitedOn", "visitedOn"))
                        .thenReturn(planId);
            });
        }, id -> planPayload(id, cmid), errors -> new PlanPayload(null, errors, cmid));
    }

    @MutationMapping
    public Mono<PlanPayload> closePlan(@Argument ClosePlanInput input) {
        String cmid = input.clientMutationId();
        return mutations.run("closePlan", input, () -> {
            Inputs in = new Inputs(clock);
            UUID planId = in.id(input.planId(), NodeType.CinPlan, "input", "planId");
            in.pastDate(input.closedOn(), "input", "closedOn");
            if (!in.ok()) {
                return Mono.error(new Refusal(in.errors()));
            }
            return writes.load(planId, "input", "planId").delayUntil(state -> Access.mayClosePlans("input", "planId")).flatMap(state -> {
                if (state.plan().status() == PlanStatus.CLOSED) {
                    return Mono.error(new Refusal(UserError.of("PLAN_CLOSED", "the plan is already closed",
                            "input", "planId")));
                }
                PlanFacts after = state.facts().withClosedOn(input.closedOn());
                return writes.write(state, after, plans.close(planId, input.closedOn(), input.reason()),
                                InputFields.of(null, "closedOn", "closedOn"))
                        .thenReturn(planId);
            });
        }, id -> planPayload(id, cmid), errors -> new PlanPayload(null, errors, cmid));
    }

    private Mono<PlanPayload> planPayload(UUID planId, String cmid) {
        return plans.plans(List.of(planId)).next().map(p -> new PlanPayload(p, List.of(), cmid));
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
