package uk.cin.api;

import org.springframework.core.Ordered;

/**
 * The order of the GraphQL interceptors, outermost first, in one place: each one relies
 * on the ones before it.
 */
public final class Interceptors {

	/**
	 * Shapes every error (codes, paths, correlation id): outermost, so that it sees every
	 * other one's errors.
	 */
	public static final int RESPONSE_ERRORS = Ordered.HIGHEST_PRECEDENCE;

	/**
	 * Replaces a document id with its registered text before anything reads the document.
	 */
	public static final int TRUSTED_DOCUMENTS = RESPONSE_ERRORS + 10;

	/**
	 * Around a subscription, outside its caller: how its stream ends when something under
	 * it fails (SubscriptionRequests).
	 */
	public static final int SUBSCRIPTIONS = TRUSTED_DOCUMENTS + 5;

	/** Runs the operation as its caller, in its transaction and time limit. */
	public static final int CALLER = TRUSTED_DOCUMENTS + 10;

	/**
	 * Writes what the operation read to the audit log, inside the caller's transaction:
	 * innermost.
	 */
	public static final int AUDIT = CALLER + 10;

	private Interceptors() {
	}

}
