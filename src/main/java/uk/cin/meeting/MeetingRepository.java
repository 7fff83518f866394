package uk.cin.meeting;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import uk.cin.policy.ChairRole;
import uk.cin.policy.MeetingKind;
import uk.cin.policy.ReviewOutcome;
import uk.cin.security.AuthorityScope;

/**
 * Meetings and their attendees, by SQL. Every read takes many at once, for batch loading.
 */
@Repository
class MeetingRepository {

	private final DatabaseClient db;

	private final AuthorityScope scope;

	/**
	 * Reads that resolve a subscription's event take the subscriber's authority scope
	 * ({@link AuthorityScope#read}).
	 */
	MeetingRepository(DatabaseClient db, AuthorityScope scope) {
		this.db = db;
		this.scope = scope;
	}

	/** The plans' meetings, in the order held. */
	Flux<Meeting> ofPlans(Collection<UUID> planIds) {
		return scope.read(db.sql("select * from meeting where plan_id = any(:ids) order by held_on, created_at, id")
			.bind("ids", planIds.toArray(UUID[]::new))
			.map(MeetingRepository::meeting)
			.all());
	}

	Flux<Meeting> byIds(Collection<UUID> ids) {
		return scope.read(db.sql("select * from meeting where id = any(:ids)")
			.bind("ids", ids.toArray(UUID[]::new))
			.map(MeetingRepository::meeting)
			.all());
	}

	Flux<Attendee> attendees(Collection<UUID> meetingIds) {
		return scope.read(db.sql("select * from attendee where meeting_id = any(:ids) order by meeting_id, position")
			.bind("ids", meetingIds.toArray(UUID[]::new))
			.map(r -> new Attendee(r.get("meeting_id", UUID.class), r.get("position", Integer.class),
					r.get("name", String.class), r.get("role", String.class),
					Boolean.TRUE.equals(r.get("invited", Boolean.class)),
					Boolean.TRUE.equals(r.get("attended", Boolean.class))))
			.all());
	}

	Mono<Void> insert(Meeting m, List<Attendee> attendees) {
		Mono<Void> meeting = db
			.sql("insert into meeting (id, plan_id, kind, held_on, chair_role, chair_name,"
					+ " chair_is_case_team_manager, agreed_review_interval_weeks, next_review_date, outcome,"
					+ " is_final, interval_exception_reason) values (:id, :plan, :kind, :held, :chair, :chairName,"
					+ " :ctm, :weeks, :next, :outcome, :final, :reason)")
			.bind("id", m.id())
			.bind("plan", m.planId())
			.bind("kind", m.kind().name())
			.bind("held", m.heldOn())
			.bind("chair", m.chairRole().name())
			.bind("final", m.isFinal())
			.bind("chairName", Parameter.fromOrEmpty(m.chairName(), String.class))
			.bind("ctm", Parameter.fromOrEmpty(m.chairIsCaseTeamManager(), Boolean.class))
			.bind("weeks", Parameter.fromOrEmpty(m.agreedReviewIntervalWeeks(), Integer.class))
			.bind("next", Parameter.fromOrEmpty(m.nextReviewDate(), LocalDate.class))
			.bind("outcome", Parameter.fromOrEmpty(m.outcome() == null ? null : m.outcome().name(), String.class))
			.bind("reason", Parameter.fromOrEmpty(m.intervalExceptionReason(), String.class))
			.then();
		return meeting
			.thenMany(Flux.fromIterable(attendees)
				.concatMap(a -> db
					.sql("insert into attendee (meeting_id,"
							+ " position, name, role, invited, attended) values (:m, :p, :n, :r, :i, :a)")
					.bind("m", a.meetingId())
					.bind("p", a.position())
					.bind("n", a.name())
					.bind("r", a.role())
					.bind("i", a.invited())
					.bind("a", a.attended())
					.then()))
			.then();
	}

	static Meeting meeting(Readable r) {
		String outcome = r.get("outcome", String.class);
		return new Meeting(r.get("id", UUID.class), r.get("plan_id", UUID.class),
				MeetingKind.valueOf(r.get("kind", String.class)), r.get("held_on", LocalDate.class),
				ChairRole.valueOf(r.get("chair_role", String.class)), r.get("chair_name", String.class),
				r.get("chair_is_case_team_manager", Boolean.class),
				r.get("agreed_review_interval_weeks", Integer.class), r.get("next_review_date", LocalDate.class),
				outcome == null ? null : ReviewOutcome.valueOf(outcome),
				Boolean.TRUE.equals(r.get("is_final", Boolean.class)),
				r.get("interval_exception_reason", String.class));
	}

}
