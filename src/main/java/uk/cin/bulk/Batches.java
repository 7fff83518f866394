package uk.cin.bulk;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * How each module's bulk rows reach their batch: the module owns its tables' SQL, this
 * only binds values and adds the row.
 */
public final class Batches {

	private Batches() {
	}

	/**
	 * One row of the statement's batch: a day as an SQL date, a null as NULL of whatever
	 * type the column has.
	 */
	public static void add(PreparedStatement statement, @Nullable Object... values) throws SQLException {
		for (int i = 0; i < values.length; i++) {
			Object value = values[i];
			if (value == null) {
				statement.setNull(i + 1, Types.OTHER);
			}
			else if (value instanceof LocalDate day) {
				statement.setObject(i + 1, Date.valueOf(day));
			}
			else {
				statement.setObject(i + 1, value);
			}
		}
		statement.addBatch();
	}

	/** Fresh planner statistics for the tables named, after a bulk load. */
	public static void analyze(Connection connection, String tables) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("analyze " + tables);
		}
	}

}
