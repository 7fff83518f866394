package uk.cin.localdb;

import java.util.List;

/**
 * The service runs no PostgreSQL of its own (it may not, or cannot) and lacks settings a
 * deployment needs: its database, its migrations' connection, where tokens come from.
 * Thrown before any bean is made, so that the start stops with one line naming what to
 * set (DatabaseNotConfiguredFailureAnalyzer) rather than with a stack of bean creation
 * errors.
 */
public class DatabaseNotConfiguredException extends RuntimeException {

	private final String alternative;

	/**
	 * @param reason why the service runs no database of its own
	 * @param missing the settings to set, as environment variables
	 * @param alternative another way out, or empty
	 */
	DatabaseNotConfiguredException(String reason, List<String> missing, String alternative) {
		super(reason + ". Missing settings: " + String.join(", ", missing));
		this.alternative = alternative;
	}

	String alternative() {
		return alternative;
	}

}
