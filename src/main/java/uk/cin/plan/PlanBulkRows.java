package uk.cin.plan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import uk.cin.bulk.Batches;

/**
 * Plans, their events and visits written in bulk over JDBC, for the caseload generator:
 * batched inserts, which the driver rewrites into multi-row statements. The caller owns
 * the connection, its transaction and the authority it is scoped to; row-level security
 * applies as it does to the service.
 */
public final class PlanBulkRows {

	private final Connection connection;

	private final PreparedStatement plan;

	private final PreparedStatement event;

	private final PreparedStatement visit;

	public PlanBulkRows(Connection connection) throws SQLException {
		this.connection = connection;
		plan = connection.prepareStatement("insert into cin_plan (id, child_id, authority_code, status, start_reason,"
				+ " referral_date, trigger_date, allocated_on, closed_on, close_reason, version)"
				+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
		event = connection.prepareStatement("insert into plan_event (id, plan_id, authority_code, kind, occurred_on,"
				+ " meeting_id) values (?, ?, ?, ?, ?, ?)");
		visit = connection.prepareStatement("insert into visit (id, plan_id, authority_code, visited_on, child_seen,"
				+ " seen_alone) values (?, ?, ?, ?, ?, ?)");
	}

	public void add(CinPlan p, String authority) throws SQLException {
		Batches.add(plan, p.id(), p.childId(), authority, p.status().name(), p.startReason().name(), p.referralDate(),
				(p.triggerDate()), p.allocatedOn(), p.closedOn(),
				p.closeReason() == null ? null : p.closeReason().name(), p.version());
	}

	public void add(PlanEvent e, String authority) throws SQLException {
		Batches.add(event, e.id(), e.planId(), authority, e.kind().name(), e.occurredOn(), e.meetingId());
	}

	/** A visit as the generator makes one: no note. */
	public void add(Visit v, String authority) throws SQLException {
		Batches.add(visit, v.id(), v.planId(), authority, v.visitedOn(), v.childSeen(), v.seenAlone());
	}

	/** The plans added; their children must be written first. */
	public void writePlans() throws SQLException {
		plan.executeBatch();
	}

	/**
	 * The events and visits added; their plans' meetings must be written first (an event
	 * may name its meeting).
	 */
	public void writeEventsAndVisits() throws SQLException {
		event.executeBatch();
		visit.executeBatch();
	}

	/** Fresh planner statistics for the tables, after a bulk load. */
	public void analyze() throws SQLException {
		Batches.analyze(connection, "cin_plan, plan_event, visit");
	}

}
