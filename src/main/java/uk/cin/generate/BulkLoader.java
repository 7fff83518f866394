package uk.cin.generate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import uk.cin.deadline.DeadlineBulkRows;
import uk.cin.family.Child;
import uk.cin.family.FamilyBulkRows;
import uk.cin.generate.CaseloadSimulation.GeneratedFamily;
import uk.cin.generate.CaseloadSimulation.GeneratedPlan;
import uk.cin.meeting.Attendee;
import uk.cin.meeting.Meeting;
import uk.cin.meeting.MeetingBulkRows;
import uk.cin.plan.PlanBulkRows;
import uk.cin.plan.PlanEvent;
import uk.cin.plan.Visit;

/**
 * Writes generated families over JDBC in batched inserts (the driver rewrites each batch
 * into multi-row statements), one transaction per chunk. Each table's insert is its
 * module's ({@code *BulkRows}). Row-level security applies as it does to the service:
 * each chunk is written in the scope of its authority. COPY is not used because
 * PostgreSQL refuses it on tables under row-level security.
 */
final class BulkLoader implements AutoCloseable {

	private final Connection connection;

	private final PreparedStatement scope;

	private final FamilyBulkRows families;

	private final PlanBulkRows plans;

	private final MeetingBulkRows meetings;

	private final DeadlineBulkRows deadlines;

	BulkLoader(Connection connection) throws SQLException {
		this.connection = connection;
		connection.setAutoCommit(false);
		scope = connection.prepareStatement("select set_config('cin.authority', ?, true)");
		families = new FamilyBulkRows(connection);
		plans = new PlanBulkRows(connection);
		meetings = new MeetingBulkRows(connection);
		deadlines = new DeadlineBulkRows(connection);
	}

	/** Writes one chunk of one authority's families, in one transaction. */
	void load(String authority, List<GeneratedFamily> chunk) throws SQLException {
		try {
			scope.setString(1, authority);
			scope.execute();
			for (GeneratedFamily f : chunk) {
				families.add(f.family(), authority);
				for (Child c : f.children()) {
					families.add(c, authority);
				}
				for (GeneratedPlan p : f.plans()) {
					plans.add(p.plan(), authority);
					for (Meeting m : p.meetings()) {
						meetings.add(m, authority);
					}
					for (Attendee a : p.attendees()) {
						meetings.add(a, authority);
					}
					for (PlanEvent e : p.events()) {
						plans.add(e, authority);
					}
					for (Visit v : p.visits()) {
						plans.add(v, authority);
					}
					deadlines.add(p.plan().id(), authority, f.family().team(), p.reviews(), p.overdue(), p.deadlines());
				}
			}
			// Parents before children: each table in one batch, in the order the foreign
			// keys need.
			families.write();
			plans.writePlans();
			meetings.write();
			plans.writeEventsAndVisits();
			deadlines.write();
			connection.commit();
		}
		catch (SQLException | RuntimeException e) {
			connection.rollback();
			throw e;
		}
	}

	/**
	 * Fresh planner statistics: after a bulk load the old ones describe a database a
	 * fraction of the size.
	 */
	void analyze() throws SQLException {
		families.analyze();
		plans.analyze();
		meetings.analyze();
		deadlines.analyze();
		connection.commit();
	}

	@Override
	public void close() throws SQLException {
		connection.close();
	}

}
