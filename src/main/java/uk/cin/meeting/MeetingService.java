package uk.cin.meeting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import uk.cin.api.Batches;
import uk.cin.api.GlobalId.NodeType;
import uk.cin.api.Inputs;
import uk.cin.api.UserError;
import uk.cin.mutation.Mutations;
import uk.cin.plan.CinPlan;
import uk.cin.plan.ListDay;
import uk.cin.plan.PlanRepository;
import uk.cin.plan.PlanStates.EvaluatedPlan;
import uk.cin.plan.PlanStates.PlanAt;
import uk.cin.plan.PlanWrites;
import uk.cin.plan.PlanWrites.InputFields;
import uk.cin.policy.ChairRole;
import uk.cin.policy.MeetingAssessment;
import uk.cin.policy.MeetingKind;
import uk.cin.policy.ReviewOutcome;
import uk.cin.security.Access;

/**
 * Recording a meeting held on a plan, with its attendees: checked against the plan's
 * policy, then written.
 */
@Service
public class MeetingService {

	public record AttendeeInput(String name, String role, Boolean invited, Boolean attended) {
	}

	/**
	 * recordMeeting's input; {@code isFinal} is the input's {@code final}, a keyword in
	 * Java.
	 */
	public record RecordMeetingInput(String planId, MeetingKind kind, LocalDate heldOn, ChairRole chairRole,
			String chairName, Integer agreedReviewIntervalWeeks, LocalDate nextReviewDate, ReviewOutcome outcome,
			Boolean isFinal, List<AttendeeInput> attendees, Boolean chairIsCaseTeamManager,
			String intervalExceptionReason, String clientMutationId) {

		/**
		 * The input as GraphQL coerced it (a map: "final" cannot name a record's
		 * component).
		 */
		@SuppressWarnings("unchecked")
		public static RecordMeetingInput of(Map<String, Object> raw) {
			List<AttendeeInput> attendees = null;
			if (raw.get("attendees") instanceof List<?> list) {
				attendees = new ArrayList<>();
				for (Object o : list) {
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
	}

	public record RecordMeetingPayload(Meeting meeting, CinPlan plan, List<UserError> userErrors,
			String clientMutationId) {
	}

	private static final int MAX_ATTENDEES = 100;

	/** A meeting about to be written, with its attendees, checked and cleaned. */
	private record Held(CinPlan plan, Meeting meeting, List<Attendee> attendees) {
	}

	private final PlanRepository plans;

	private final MeetingRepository meetings;

	private final PlanWrites writes;

	private final Mutations mutations;

	private final Clock clock;

	public MeetingService(PlanRepository plans, MeetingRepository meetings, PlanWrites writes, Mutations mutations,
			Clock clock) {
		this.plans = plans;
		this.meetings = meetings;
		this.writes = writes;
		this.mutations = mutations;
		this.clock = clock;
	}

	public Mono<RecordMeetingPayload> recordMeeting(RecordMeetingInput input) {
		String cmid = input.clientMutationId();
		Mono<Held> access = Mono.defer(() -> {
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
			return writes.writable(planId, in)
				.map(plan -> new Held(plan,
						new Meeting(meetingId, planId, input.kind(), input.heldOn(), input.chairRole(), chairName,
								input.chairIsCaseTeamManager(), input.agreedReviewIntervalWeeks(),
								input.nextReviewDate(), input.outcome(), Boolean.TRUE.equals(input.isFinal()), reason),
						rows));
		});
		return mutations.run("recordMeeting", input, access,
				held -> writes
					.change(held.plan(),
							state -> writes.write(state, state.facts().withMeeting(held.meeting().fact()),
									meetings.insert(held.meeting(), held.attendees()),
									InputFields.of(held.meeting().fact().id(), "heldOn", "heldOn",
											"agreedReviewIntervalWeeks", "nextReviewDate", "chairRole")))
					.map(written -> new Mutations.Written(NodeType.Meeting, held.meeting().id(), written.childId())),
				id -> meetings.byIds(List.of(id))
					.next()
					.flatMap(m -> Access.readable(plans.plans(List.of(m.planId())).next())
						.map(p -> new RecordMeetingPayload(m, p, List.of(), cmid))),
				errors -> new RecordMeetingPayload(null, null, errors, cmid));
	}

	// ---- reads

	/** Each plan's meetings, in the order held. */
	/**
	 * A plan's meetings, from its evaluated state: the same read (and cache) its derived
	 * fields use.
	 */
	public Mono<List<Meeting>> meetingsOf(CinPlan plan, @Nullable LocalDate day,
			DataLoader<PlanAt, EvaluatedPlan> loader) {
		return Mono.fromFuture(loader.load(new PlanAt(plan.id(), LocalDate.now(clock))))
			.map(e -> e.state()
				.meetings()
				.stream()
				.map(Meeting.class::cast)
				.filter(m -> ListDay.happenedBy(m.heldOn(), day))
				.toList());
	}

	public Mono<Map<Meeting, List<Attendee>>> attendeesOf(List<Meeting> held) {
		return Batches.many(held, Meeting::id, meetings.attendees(held.stream().map(Meeting::id).toList()),
				Attendee::meetingId);
	}

	public Mono<Map<Meeting, CinPlan>> plansOf(List<Meeting> held) {
		return Batches.one(held, Meeting::planId, plans.plans(held.stream().map(Meeting::planId).distinct().toList()),
				CinPlan::id);
	}

	/** The meeting each item names (a deadline's, an event's), where it names one. */
	public <T> Mono<Map<T, Meeting>> meetingsNamedBy(List<T> items, Function<T, UUID> meetingId) {
		List<UUID> ids = items.stream().map(meetingId).filter(Objects::nonNull).distinct().toList();
		return ids.isEmpty() ? Mono.just(Map.of()) : Batches.one(items, meetingId, meetings.byIds(ids), Meeting::id);
	}

	/**
	 * A meeting, if the caller may read its plan; otherwise nothing, as for an id that
	 * names nothing.
	 */
	public Mono<Meeting> readable(UUID id) {
		return meetings.byIds(List.of(id))
			.next()
			.filterWhen(m -> Access.readable(plans.plans(List.of(m.planId())).next()).hasElement());
	}

	/**
	 * The policy's view of a held meeting, judged on the later of today and the day it
	 * was held.
	 */
	public Mono<MeetingAssessment> assessment(Meeting meeting, DataLoader<PlanAt, EvaluatedPlan> loader) {
		LocalDate today = LocalDate.now(clock);
		LocalDate asOf = meeting.heldOn().isAfter(today) ? meeting.heldOn() : today;
		return Mono.fromFuture(loader.load(new PlanAt(meeting.planId(), asOf)))
			.mapNotNull(e -> e.evaluation().meeting(meeting.id().toString()));
	}

}
