package uk.cin.meeting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import uk.cin.api.Batches;
import uk.cin.api.GlobalId;
import uk.cin.api.GlobalId.NodeType;
import uk.cin.api.Inputs;
import uk.cin.api.Mutations;
import uk.cin.api.Refusal;
import uk.cin.api.UserError;
import uk.cin.plan.CinPlan;
import uk.cin.plan.PlanEvent;
import uk.cin.plan.PlanRepository;
import uk.cin.plan.PlanStates;
import uk.cin.plan.PlanStates.EvaluatedPlan;
import uk.cin.plan.PlanStates.PlanAt;
import uk.cin.plan.PlanWrites;
import uk.cin.plan.PlanWrites.InputFields;
import uk.cin.policy.ChairRole;
import uk.cin.policy.Deadline;
import uk.cin.policy.MeetingAssessment;
import uk.cin.policy.MeetingKind;
import uk.cin.policy.ReviewOutcome;
import uk.cin.policy.RuleRef;

/** Meetings: recording one, and a meeting's fields (its sequence and chair compliance come from the policy). */
@Controller
public class MeetingController {

    public record AttendeeInput(String name, String role, Boolean invited, Boolean attended) {
    }

    public record RecordMeetingInput(String planId, MeetingKind kind, LocalDate heldOn, ChairRole chairRole,
            String chairName, Integer agreedReviewIntervalWeeks, LocalDate nextReviewDate, ReviewOutcome outcome,
            Boolean ifinal, List<AttendeeInput> attendees, Boolean chairIsCaseTeamManager,
            String intervalExceptionReason, String clientMutationId) {
    }

    public record RecordMeetingPayload(Meeting meeting, CinPlan plan, List<UserError> userErrors,
            String clientMutationId) {
    }

    private static final int MAX_ATTENDEES = 100;

    private final PlanRepository plans;
    private final PlanWrites writes;
    private final Mutations mutations;
    private final uk.cin.security.AuthorityScope scope;
    private final DatabaseClient db;
    private final Clock clock;

    public MeetingController(PlanRepository plans, PlanWrites writes, Mutations mutations, DatabaseClient db,
            Clock clock, uk.cin.security.AuthorityScope scope) {
        this.scope = scope;
        this.plans = plans;
        this.writes = writes;
        this.mutations = mutations;
        this.db = db;
        this.clock = clock;
    }

    @MutationMapping
    public Mono<RecordMeetingPayload> recordMeeting(@Argument("input") Map<String, Object> raw) {
        // "final" is a Java keyword, so the input is read as a map and then as a record.
        RecordMeetingInput input = read(raw);
        String cmid = input.clientMutationId();
        return mutations.run("recordMeeting", raw, () -> {
            Inputs in = new Inputs(clock);
            UUID planId = in.id(input.planId(), NodeType.CinPlan, "input", "planId");
            in.pastDate(input.heldOn(), "input", "heldOn");
            in.anyDate(input.nextReviewDate(), "input", "nextReviewDate");
            String chairName = in.optionalText(input.chairName(), Inputs.NAME_LENGTH, "input", "chairName");
            in.range(input.agreedReviewIntervalWeeks(), 1, 520, "input", "agreedReviewIntervalWeeks");
            String reason = in.optionalText(input.intervalExceptionReason(), 2000, "input", "intervalExceptionReason");
            List<AttendeeInput> attendees = input.attendees() == null ? List.of() : input.attendees();
            if (attendees.size() > MAX_ATTENDEES) {
                in.add(UserError.of("INVALID", "at most " + MAX_ATTENDEES + " attendees", "input", "attendees"));
            }
            List<Attendee> rows = new ArrayList<>();
            UUID meetingId = UUID.randomUUID();
            for (int i = 0; i < attendees.size() && i < MAX_ATTENDEES; i++) {
                AttendeeInput a = attendees.get(i);
                String name = in.text(a.name(), Inputs.NAME_LENGTH, "input", "attendees", String.valueOf(i), "name");
                String role = in.text(a.role(), Inputs.NAME_LENGTH, "input", "attendees", String.valueOf(i), "role");
                rows.add(new Attendee(meetingId, i, name, role, !Boolean.FALSE.equals(a.invited()),
                        !Boolean.FALSE.equals(a.attended())));
            }
            if (!in.ok()) {
                return Mono.error(new Refusal(in.errors()));
            }
            Meeting meeting = new Meeting(meetingId, planId, input.kind(), input.heldOn(), input.chairRole(),
                    chairName, input.chairIsCaseTeamManager(), input.agreedReviewIntervalWeeks(),
                    input.nextReviewDate(), input.outcome(), Boolean.TRUE.equals(input.ifinal()), reason);
            return writes.load(planId, "input", "planId")
                    .flatMap(state -> writes.write(state, state.facts().withMeeting(meeting.fact()),
                            plans.insert(meeting).then(insertAttendees(rows)), InputFields.of(meeting.fact().id(),
                                    "heldOn", "heldOn", "agreedReviewIntervalWeeks", "nextReviewDate", "chairRole")))
                    .thenReturn(meetingId);
        }, id -> plans.meetingsById(List.of(id)).next()
                .flatMap(m -> plans.plans(List.of(m.planId())).next()
                        .map(p -> new RecordMeetingPayload(m, p, List.of(), cmid))),
                errors -> new RecordMeetingPayload(null, null, errors, cmid));
    }

    private static RecordMeetingInput read(Map<String, Object> raw) {
        List<AttendeeInput> attendees = null;
        if (raw.get("attendees") instanceof List<?> list) {
            attendees = new ArrayList<>();
            for (Object o : list) {
                @SuppressWarnings("unchecked")
                Map<String, Object> a = (Map<String, Object>) o;
                attendees.add(new AttendeeInput((String) a.get("name"), (String) a.get("role"),
                        (Boolean) a.get("invited"), (Boolean) a.get("attended")));
            }
        }
        return new RecordMeetingInput((String) raw.get("planId"), enumOf(MeetingKind.class, raw.get("kind")),
                (LocalDate) raw.get("heldOn"), enumOf(ChairRole.class, raw.get("chairRole")),
                (String) raw.get("chairName"), (Integer) raw.get("agreedReviewIntervalWeeks"),
                (LocalDate) raw.get("nextReviewDate"), enumOf(ReviewOutcome.class, raw.get("outcome")),
                (Boolean) raw.get("final"), attendees, (Boolean) raw.get("chairIsCaseTeamManager"),
                (String) raw.get("intervalExceptionReason"), (String) raw.get("clientMutationId"));
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, Object value) {
        return value == null ? null : Enum.valueOf(type, value.toString());
    }

    private Mono<Void> insertAttendees(List<Attendee> rows) {
        return Flux.fromIterable(rows).concatMap(a -> db.sql("insert into attendee (meeting_id, position, name, role,"
                        + " invited, attended) values (:m, :p, :n, :r, :i, :a)")
                .bind("m", a.meetingId()).bind("p", a.position()).bind("n", a.name()).bind("r", a.role())
                .bind("i", a.invited()).bind("a", a.attended()).then()).then();
    }

    // ---- fields

    @SchemaMapping(typeName = "Meeting", field = "id")
    public String meetingId(Meeting meeting) {
        return GlobalId.of(NodeType.Meeting, meeting.id());
    }

    @SchemaMapping(typeName = "Meeting", field = "final")
    public boolean isFinal(Meeting meeting) {
        return meeting.isFinal();
    }

    @BatchMapping(typeName = "Meeting")
    public Mono<Map<Meeting, CinPlan>> plan(List<Meeting> meetings) {
        return Batches.one(meetings, Meeting::planId,
                plans.plans(meetings.stream().map(Meeting::planId).distinct().toList()), CinPlan::id);
    }

    @BatchMapping(typeName = "Meeting")
    public Mono<Map<Meeting, List<Attendee>>> attendees(List<Meeting> meetings) {
        UUID[] ids = meetings.stream().map(Meeting::id).toArray(UUID[]::new);
        return Batches.many(meetings, Meeting::id, scope.read(
                db.sql("select * from attendee where meeting_id = any(:ids) order by meeting_id, position")
                        .bind("ids", ids)
                        .map(r -> new Attendee(r.get("meeting_id", UUID.class), r.get("position", Integer.class),
                                r.get("name", String.class), r.get("role", String.class),
                                Boolean.TRUE.equals(r.get("invited", Boolean.class)),
                                Boolean.TRUE.equals(r.get("attended", Boolean.class))))
                        .all()),
                Attendee::meetingId);
    }

    /** The policy's view of a held meeting, judged on the later of today and the day it was held. */
    private Mono<MeetingAssessment> assessment(Meeting meeting, DataLoader<PlanAt, EvaluatedPlan> loader) {
        LocalDate today = LocalDate.now(clock);
        LocalDate asOf = meeting.heldOn().isAfter(today) ? meeting.heldOn() : today;
        return Mono.fromFuture(loader.load(new PlanAt(meeting.planId(), asOf)))
                .mapNotNull(e -> e.evaluation().meeting(meeting.id().toString()));
    }

    @SchemaMapping(typeName = "Meeting")
    public Mono<Integer> sequence(Meeting meeting, DataLoader<PlanAt, EvaluatedPlan> loader) {
        return assessment(meeting, loader).map(MeetingAssessment::sequence);
    }

    @SchemaMapping(typeName = "Meeting")
    public Mono<ChairRole> requiredChairRole(Meeting meeting, DataLoader<PlanAt, EvaluatedPlan> loader) {
        return assessment(meeting, loader).map(a -> a.chair().role());
    }

    @SchemaMapping(typeName = "Meeting")
    public Mono<Boolean> chairCompliant(Meeting meeting, DataLoader<PlanAt, EvaluatedPlan> loader) {
        return assessment(meeting, loader).map(MeetingAssessment::chairCompliant);
    }

    @SchemaMapping(typeName = "Meeting")
    public Mono<RuleRef> chairRule(Meeting meeting, DataLoader<PlanAt, EvaluatedPlan> loader) {
        return assessment(meeting, loader).mapNotNull(a -> a.chair().rule());
    }

    // ---- the meeting a deadline or an event belongs to

    @BatchMapping(typeName = "Deadline")
    public Mono<Map<Deadline, Meeting>> meeting(List<Deadline> deadlines) {
        return byId(deadlines, d -> d.meetingId() == null ? null : UUID.fromString(d.meetingId()));
    }

    @BatchMapping(typeName = "PlanEvent", field = "meeting")
    public Mono<Map<PlanEvent, Meeting>> eventMeeting(List<PlanEvent> events) {
        return byId(events, PlanEvent::meetingId);
    }

    private <T> Mono<Map<T, Meeting>> byId(List<T> items, Function<T, UUID> meetingId) {
        List<UUID> ids = items.stream().map(meetingId).filter(java.util.Objects::nonNull).distinct().toList();
        return ids.isEmpty() ? Mono.just(Map.of())
                : Batches.one(items, meetingId, plans.meetingsById(ids), Meeting::id);
    }
}
