package uk.cin.deadline;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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
		DeadlineTimeline.Built built = DeadlineTimeline.build(facts, pack, until, engine);
		List<DeadlineTimeline.Entry> timeline = built.deadlines();
		Mono<Void> reviews = reviews(planId, built.reviews()).then(overdue(planId, built.overdue()));
		Mono<Void> delete = db.sql("delete from plan_deadline where plan_id = :plan").bind("plan", planId).then();
		if (timeline.isEmpty()) {
			return delete.then(reviews);
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
		return delete.then(spec.then()).then(reviews);
	}

	/**
	 * The plan's next review due over time (plan_review), one row per stretch: open ends
	 * and "none due" are PostgreSQL's infinities, so that the rows order and compare in
	 * SQL.
	 */
	private Mono<Void> reviews(UUID planId, List<DeadlineTimeline.ReviewStretch> stretches) {
		Mono<Void> delete = db.sql("delete from plan_review where plan_id = :plan").bind("plan", planId).then();
		StringBuilder sql = new StringBuilder(
				"insert into plan_review (plan_id, team, valid_from, valid_to, next_due, chair_role)"
						+ " select :plan, f.team, s.valid_from, s.valid_to, s.next_due, s.chair_role"
						+ " from cin_plan p join child c on c.id = p.child_id join family f on f.id = c.family_id,"
						+ " (values ");
		for (int i = 0; i < stretches.size(); i++) {
			sql.append(i == 0 ? "" : ", ")
				.append("(coalesce(cast(:from")
				.append(i)
				.append(" as date), '-infinity'::date), coalesce(cast(:to")
				.append(i)
				.append(" as date), 'infinity'::date), coalesce(cast(:due")
				.append(i)
				.append(" as date), 'infinity'::date), cast(:chair")
				.append(i)
				.append(" as varchar))");
		}
		sql.append(") as s (valid_from, valid_to, next_due, chair_role) where p.id = :plan");
		DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString()).bind("plan", planId);
		for (int i = 0; i < stretches.size(); i++) {
			DeadlineTimeline.ReviewStretch stretch = stretches.get(i);
			LocalDate to = i + 1 < stretches.size() ? stretches.get(i + 1).from() : null;
			spec = bindDate(spec, "from" + i, stretch.from());
			spec = bindDate(spec, "to" + i, to);
			spec = bindDate(spec, "due" + i, stretch.dueDate());
			spec = stretch.chairRole() == null ? spec.bindNull("chair" + i, String.class)
					: spec.bind("chair" + i, stretch.chairRole().name());
		}
		return delete.then(spec.then());
	}

	/** The plan's overdue spells (plan_overdue), open-ended ones up to infinity. */
	private Mono<Void> overdue(UUID planId, List<DeadlineTimeline.OverdueSpell> spells) {
		Mono<Void> delete = db.sql("delete from plan_overdue where plan_id = :plan").bind("plan", planId).then();
		if (spells.isEmpty()) {
			return delete;
		}
		StringBuilder sql = new StringBuilder("insert into plan_overdue (plan_id, valid_from, valid_to) values ");
		for (int i = 0; i < spells.size(); i++) {
			sql.append(i == 0 ? "" : ", ")
				.append("(:plan, :from")
				.append(i)
				.append(", coalesce(cast(:to")
				.append(i)
				.append(" as date), 'infinity'::date))");
		}
		DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString()).bind("plan", planId);
		for (int i = 0; i < spells.size(); i++) {
			spec = spec.bind("from" + i, spells.get(i).from());
			spec = bindDate(spec, "to" + i, spells.get(i).until());
		}
		return delete.then(spec.then());
	}

	private static DatabaseClient.GenericExecuteSpec bindDate(DatabaseClient.GenericExecuteSpec spec, String name,
			@Nullable LocalDate date) {
		return date == null ? spec.bindNull(name, LocalDate.class) : spec.bind(name, date);
	}

}
