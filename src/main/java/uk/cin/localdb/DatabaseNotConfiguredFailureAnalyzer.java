package uk.cin.localdb;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a start without a database as the one line of what to set, without a stack
 * trace.
 */
class DatabaseNotConfiguredFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseNotConfiguredException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DatabaseNotConfiguredException cause) {
		String action = "Set the missing settings as environment variables (or as Spring properties:"
				+ " SPRING_R2DBC_URL is spring.r2dbc.url)"
				+ (cause.alternative().isEmpty() ? "" : ", " + cause.alternative())
				+ ". README, Deploying, lists them.";
		return new FailureAnalysis(cause.getMessage(), action, cause);
	}

}
