package uk.cin.deadline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import uk.cin.bulk.Batches;
import uk.cin.policy.DeadlineTimeline;

/**
 * Plans' stored deadline timelines written in bulk over JDBC, for the caseload generator:
 * the rows {@link DeadlineStore} writes for one plan, batched for many (the driver
 * rewrites a batch into multi-row statements). The caller owns the connection, its
 * transaction and the authority it is scoped to; row-level security applies as it does to
 * the service.
 */
public final class DeadlineBulkRows {

	private final Connection connection;

	private final PreparedStatement deadline;

	private final PreparedStatement review;

	private final PreparedStatement overdue;

	public DeadlineBulkRows(Connection connection) throws SQLException {
		this.connection = connection;
		deadline = connection.prepareStatement("insert into plan_deadline (plan_id, position, authority_code, kind,"
				+ " due_date, rule_id, responsible_role, meeting_id, arose_on, met_on, ended_on)"
				+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
		review = connection.prepareStatement("insert into plan_review (plan_id, authority_code, team, valid_from,"
				+ " valid_to, next_due, chair_role) values (?, ?, ?, coalesce(cast(? as date), '-infinity'::date),"
				+ " coalesce(cast(? as date), 'infinity'::date), coalesce(cast(? as date), 'infinity'::date), ?)");
		overdue = connection.prepareStatement("insert into plan_overdue (plan_id, authority_code, valid_from, valid_to)"
				+ " values (?, ?, ?, coalesce(cast(? as date), 'infinity'::date))");
	}

	/**
	 * One plan's timeline: each stretch of its next review (one ends where the next
	 * begins), its overdue spells, its deadlines in order.
	 */
	public void add(UUID planId, String authority, String team, List<DeadlineTimeline.ReviewStretch> reviews,
			List<DeadlineTimeline.OverdueSpell> spells, List<DeadlineTimeline.Entry> timeline) throws SQLException {
		for (int i = 0; i < reviews.size(); i++) {
			DeadlineTimeline.ReviewStretch r = reviews.get(i);
			Batches.add(review, planId, authority, team, r.from(),
					(i + 1 < reviews.size() ? reviews.get(i + 1).from() : null), r.dueDate(),
					r.chairRole() == null ? null : r.chairRole().name());
		}
		for (DeadlineTimeline.OverdueSpell spell : spells) {
			Batches.add(overdue, planId, authority, spell.from(), spell.until());
		}
		for (int i = 0; i < timeline.size(); i++) {
			DeadlineTimeline.Entry d = timeline.get(i);
			Batches.add(deadline, planId, i, authority, d.kind().name(), d.dueDate(), d.rule().id(),
					d.responsibleRole() == null ? null : d.responsibleRole().name(),
					d.meetingId() == null ? null : UUID.fromString(d.meetingId()), d.aroseOn(), d.metOn(),
					(d.endedOn()));
		}
	}

	/** The rows added; their plans and meetings must be written first. */
	public void write() throws SQLException {
		deadline.executeBatch();
		review.executeBatch();
		overdue.executeBatch();
	}

	/** Fresh planner statistics for the tables, after a bulk load. */
	public void analyze() throws SQLException {
		Batches.analyze(connection, "plan_deadline, plan_review, plan_overdue");
	}

}
