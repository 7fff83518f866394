package uk.cin.deadline;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import uk.cin.policy.DeadlineTimeline;
import uk.cin.policy.PlanFacts;
import uk.cin.policy.PolicyEngine;
import uk.cin.policy.pack.PolicyPack;

/**
 * Keeps each plan's deadline timeline in the database, rewritten in the transaction of
 * every write to the plan, so that lists filter, count and page in SQL for any date.
 * Repeating milestones are stored two years ahead.
 */
@Component
public class DeadlineStore {

	private static final int YEARS_AHEAD = 2;

	private final DatabaseClient db;

	private final PolicyEngine engine;

	private final Clock clock;

	public DeadlineStore(DatabaseClient db, PolicyEngine engine, Clock clock) {
		this.db = db;
		this.engine = engine;
		this.clock = clock;
	}

	public Mono<Void> rewrite(UUID planId, PlanFacts facts, PolicyPack pack) {
		LocalDate until = LocalDate.now(clock).plusYears(YEARS_AHEAD);
		List<DeadlineTimeline.Entry> timeline = DeadlineTimeline.of(facts, pack, until, engine);
		Mono<Void> delete = db.sql("delete from plan_deadline where plan_id = :plan").bind("plan", planId).then();
		if (timeline.isEmpty()) {
			return delete;
		}
		// One multi-row insert: a plan has tens of deadlines, and one statement keeps the
		// write short.
		StringBuilder sql = new StringBuilder("insert into plan_deadline (plan_id, position, kind, due_date, rule_id,"
				+ " responsible_role, meeting_id, arose_on, met_on, ended_on) values ");
		for (int i = 0; i < timeline.size(); i++) {
			sql.append(i == 0 ? "" : ", ")
				.append("(:plan, ")
				.append(i)
				.append(", :kind")
				.append(i)
				.append(", :due")
				.append(i)
				.append(", :rule")
				.append(i)
				.append(", :role")
				.append(i)
				.append(", :meeting")
				.append(i)
				.append(", :arose")
				.append(i)
				.append(", :met")
				.append(i)
				.append(", :ended")
				.append(i)
				.append(")");
		}
		DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString()).bind("plan", planId);
		for (int i = 0; i < timeline.size(); i++) {
			DeadlineTimeline.Entry e = timeline.get(i);
			spec = spec.bind("kind" + i, e.kind().name())
				.bind("due" + i, e.dueDate())
				.bind("rule" + i, e.rule().id())
				.bind("arose" + i, e.aroseOn());
			spec = e.responsibleRole() == null ? spec.bindNull("role" + i, String.class)
					: spec.bind("role" + i, e.responsibleRole().name());
			spec = e.meetingId() == null ? spec.bindNull("meeting" + i, UUID.class)
					: spec.bind("meeting" + i, UUID.fromString(e.meetingId()));
			spec = e.metOn() == null ? spec.bindNull("met" + i, LocalDate.class) : spec.bind("met" + i, e.metOn());
			spec = e.endedOn() == null ? spec.bindNull("ended" + i, LocalDate.class)
					: spec.bind("ended" + i, e.endedOn());
		}
		return delete.then(spec.then());
	}

}
