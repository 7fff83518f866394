package uk.cin.meeting;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import uk.cin.api.GlobalId;
import uk.cin.api.GlobalId.NodeType;
import uk.cin.meeting.MeetingService.RecordMeetingInput;
import uk.cin.meeting.MeetingService.RecordMeetingPayload;
import uk.cin.plan.CinPlan;
import uk.cin.plan.ListDay;
import uk.cin.plan.PlanEvent;
import uk.cin.plan.PlanStates.EvaluatedPlan;
import uk.cin.plan.PlanStates.PlanAt;
import uk.cin.policy.ChairRole;
import uk.cin.policy.Deadline;
import uk.cin.policy.MeetingAssessment;
import uk.cin.policy.RuleRef;

/**
 * Meetings: recording one, a plan's meetings, and a meeting's fields (sequence and chair
 * from the policy).
 */
@Controller
public class MeetingController {

	private final MeetingService service;

	public MeetingController(MeetingService service) {
		this.service = service;
	}

	@MutationMapping
	public Mono<RecordMeetingPayload> recordMeeting(@Argument("input") Map<String, Object> input) {
		return service.recordMeeting(RecordMeetingInput.of(input));
	}

	@SchemaMapping(typeName = "CinPlan")
	public Mono<List<Meeting>> meetings(CinPlan plan, DataLoader<PlanAt, EvaluatedPlan> loader,
			DataFetchingEnvironment env) {
		return service.meetingsOf(plan, ListDay.of(env), loader);
	}

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
		return service.plansOf(meetings);
	}

	@BatchMapping(typeName = "Meeting")
	public Mono<Map<Meeting, List<Attendee>>> attendees(List<Meeting> meetings) {
		return service.attendeesOf(meetings);
	}

	@SchemaMapping(typeName = "Meeting")
	public Mono<Integer> sequence(Meeting meeting, DataLoader<PlanAt, EvaluatedPlan> loader) {
		return service.assessment(meeting, loader).map(MeetingAssessment::sequence);
	}

	@SchemaMapping(typeName = "Meeting")
	public Mono<ChairRole> requiredChairRole(Meeting meeting, DataLoader<PlanAt, EvaluatedPlan> loader) {
		return service.assessment(meeting, loader).map(a -> a.chair().role());
	}

	@SchemaMapping(typeName = "Meeting")
	public Mono<Boolean> chairCompliant(Meeting meeting, DataLoader<PlanAt, EvaluatedPlan> loader) {
		return service.assessment(meeting, loader).map(MeetingAssessment::chairCompliant);
	}

	@SchemaMapping(typeName = "Meeting")
	public Mono<RuleRef> chairRule(Meeting meeting, DataLoader<PlanAt, EvaluatedPlan> loader) {
		return service.assessment(meeting, loader).mapNotNull(a -> a.chair().rule());
	}

	@BatchMapping(typeName = "Deadline")
	public Mono<Map<Deadline, Meeting>> meeting(List<Deadline> deadlines) {
		return service.meetingsNamedBy(deadlines, d -> d.meetingId() == null ? null : UUID.fromString(d.meetingId()));
	}

	@BatchMapping(typeName = "PlanEvent", field = "meeting")
	public Mono<Map<PlanEvent, Meeting>> eventMeeting(List<PlanEvent> events) {
		return service.meetingsNamedBy(events, PlanEvent::meetingId);
	}

}
