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
import uk.cin.mutation.Mutations;
import uk.cin.api.Refusal;
import uk.cin.api.UserError;
import uk.cin.meeting.MeetingService.RecordMeetingInput;
import uk.cin.meeting.MeetingService.RecordMeetingPayload;
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

    private final PlanRepository plans;
    private final MeetingService service;
    private final uk.cin.security.AuthorityScope scope;
    private final DatabaseClient db;
    private final Clock clock;

    public MeetingController(PlanRepository plans, MeetingService service, DatabaseClient db, Clock clock,
            uk.cin.security.AuthorityScope scope) {
        this.plans = plans;
        this.service = service;
        this.scope = scope;
        this.db = db;
        this.clock = clock;
    }

    @MutationMapping
    public Mono<RecordMeetingPayload> recordMeeting(@Argument("input") Map<String, Object> input) {
        return service.recordMeeting(RecordMeetingInput.of(input));
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
