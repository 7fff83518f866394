package uk.cin.meeting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import uk.cin.bulk.Batches;

/**
 * Meetings and attendees written in bulk over JDBC, for the caseload generator: batched
 * inserts, which the driver rewrites into multi-row statements. The caller owns the
 * connection, its transaction and the authority it is scoped to; row-level security
 * applies as it does to the service.
 */
public final class MeetingBulkRows {

	private final Connection connection;

	private final PreparedStatement meeting;

	private final PreparedStatement attendee;

	public MeetingBulkRows(Connection connection) throws SQLException {
		this.connection = connection;
		meeting = connection.prepareStatement("insert into meeting (id, plan_id, authority_code, kind, held_on,"
				+ " chair_role, outcome, is_final) values (?, ?, ?, ?, ?, ?, ?, ?)");
		attendee = connection.prepareStatement("insert into attendee (meeting_id, position, authority_code, name, role,"
				+ " invited, attended) values (?, ?, ?, ?, ?, ?, ?)");
	}

	/** A meeting as the generator makes one: no chair's name, no agreed interval. */
	public void add(Meeting m, String authority) throws SQLException {
		Batches.add(meeting, m.id(), m.planId(), authority, m.kind().name(), m.heldOn(), m.chairRole().name(),
				m.outcome() == null ? null : m.outcome().name(), m.isFinal());
	}

	public void add(Attendee a, String authority) throws SQLException {
		Batches.add(attendee, a.meetingId(), a.position(), authority, a.name(), a.role(), a.invited(), a.attended());
	}

	/**
	 * The meetings added, then their attendees; their plans must be written first (a
	 * meeting names its plan).
	 */
	public void write() throws SQLException {
		meeting.executeBatch();
		attendee.executeBatch();
	}

	/** Fresh planner statistics for the tables, after a bulk load. */
	public void analyze() throws SQLException {
		Batches.analyze(connection, "meeting, attendee");
	}

}
