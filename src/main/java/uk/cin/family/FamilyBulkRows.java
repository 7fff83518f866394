package uk.cin.family;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import uk.cin.bulk.Batches;

/**
 * Families and children written in bulk over JDBC, for the caseload generator: batched
 * inserts, which the driver rewrites into multi-row statements. The caller owns the
 * connection, its transaction and the authority it is scoped to; row-level security
 * applies as it does to the service.
 */
public final class FamilyBulkRows {

	private final Connection connection;

	private final PreparedStatement family;

	private final PreparedStatement child;

	public FamilyBulkRows(Connection connection) throws SQLException {
		this.connection = connection;
		family = connection.prepareStatement("insert into family (id, authority_code, team, name) values (?, ?, ?, ?)");
		child = connection.prepareStatement("insert into child (id, family_id, authority_code, given_name, family_name,"
				+ " date_of_birth, disabled) values (?, ?, ?, ?, ?, ?, ?)");
	}

	public void add(Family f, String authority) throws SQLException {
		Batches.add(family, f.id(), authority, f.team(), f.name());
	}

	public void add(Child c, String authority) throws SQLException {
		Batches.add(child, c.id(), c.familyId(), authority, c.givenName(), c.familyName(), c.dateOfBirth(),
				c.disabled());
	}

	/** The families added, then their children (a child names its family). */
	public void write() throws SQLException {
		family.executeBatch();
		child.executeBatch();
	}

	/** Fresh planner statistics for the tables, after a bulk load. */
	public void analyze() throws SQLException {
		Batches.analyze(connection, "family, child");
	}

}
