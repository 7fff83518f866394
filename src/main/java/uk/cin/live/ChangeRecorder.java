package uk.cin.live;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import uk.cin.plan.CinPlan;
import uk.cin.plan.PlanChanges;
import uk.cin.policy.Deadline;
import uk.cin.policy.Evaluation;

/**
 * Records a change to a plan's deadlines inside the transaction that made it, and NOTIFYs
 * it. PostgreSQL delivers a notification only when its transaction commits, so a
 * rolled-back write announces nothing, and every instance listening on the database hears
 * every committed change.
 */
@Component
public class ChangeRecorder implements PlanChanges {

	public static final String CHANNEL = "cin_deadline_changes";

	private static final long ORDER_LOCK = 7_261_001L;

	private final DatabaseClient db;

	public ChangeRecorder(DatabaseClient db) {
		this.db = db;
	}

	/** A write to a plan is announced when what subscribers see of it changed. */
	@Override
	public Mono<Void> written(CinPlan plan, Evaluation before, Evaluation after) {
		return changed(before, after) ? record(plan.id(), plan.authorityCode(), DeadlineChange.Cause.MUTATION,
				after.nextReviewDue(), after.isOverdue()) : Mono.empty();
	}

	/**
	 * Whether what subscribers see changed: nextReviewDue, isOverdue, or any deadline's
	 * due date or status.
	 */
	public static boolean changed(Evaluation before, Evaluation after) {
		if (before == null) {
			return true;
		}
		return !Objects.equals(before.nextReviewDue(), after.nextReviewDue()) || before.isOverdue() != after.isOverdue()
				|| !summary(before.deadlines()).equals(summary(after.deadlines()));
	}

	private static List<String> summary(List<Deadline> deadlines) {
		return deadlines.stream()
			.map(d -> d.rule().id() + d.kind() + d.dueDate() + d.status() + d.meetingId())
			.toList();
	}

	public Mono<Void> record(UUID planId, String authorityCode, DeadlineChange.Cause cause, LocalDate nextReviewDue,
			boolean isOverdue) {
		DatabaseClient.GenericExecuteSpec insert = db
			.sql("insert into deadline_change (plan_id, authority_code, cause,"
					+ " next_review_due, is_overdue) values (:plan, :authority, :cause, :next, :overdue)"
					+ " returning id, changed_at")
			.bind("plan", planId)
			.bind("authority", authorityCode)
			.bind("cause", cause.name())
			.bind("overdue", isOverdue);
		insert = nextReviewDue == null ? insert.bindNull("next", LocalDate.class) : insert.bind("next", nextReviewDue);
		// Changes commit in id order (the lock is held to commit, and taken last in the
		// write), so that "after id N" is exact for a subscriber resuming.
		Mono<Void> inOrder = db.sql("select pg_advisory_xact_lock(" + ORDER_LOCK + ")").then();
		return inOrder.then(insert
			.map(r -> new DeadlineChange(r.get("id", Long.class), planId, authorityCode, cause,
					r.get("changed_at", OffsetDateTime.class), nextReviewDue, isOverdue, null))
			.one()
			.flatMap(change -> db.sql("select pg_notify(:channel, :payload)")
				.bind("channel", CHANNEL)
				.bind("payload", change.encode())
				.then()));
	}

}
