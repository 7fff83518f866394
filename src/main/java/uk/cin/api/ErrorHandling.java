package uk.cin.api;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.schema.DataFetchingEnvironment;
import io.r2dbc.spi.R2dbcTimeoutException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Turns exceptions into GraphQL errors. A refusal ({@link ApiException}) keeps its code
 * and message. The database out of reach is DATABASE_UNAVAILABLE, logged by
 * {@link DatabaseOutage} once in a while rather than each time. Anything else is
 * INTERNAL_ERROR with a correlation id and nothing more: the log has the detail, by the
 * same id, with the exception's type and stack but not its message, which may quote
 * personal data from the database. The id is the request's own (X-Request-Id), so every
 * other log line of the request is found by it too. A request whose client went away is
 * cancelled: the fields it fails are logged at DEBUG only.
 */
@Component
public class ErrorHandling extends DataFetcherExceptionResolverAdapter {

	/**
	 * Set (an AtomicBoolean) in the GraphQL context once a request is answered TIMEOUT.
	 */
	public static final String STOPPED = "cin.stopped";

	private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

	private final DatabaseOutage outage;

	public ErrorHandling(DatabaseOutage outage) {
		this.outage = outage;
		// The request's context (its correlation id in the logging MDC) is restored while
		// an error is resolved.
		setThreadLocalContextAware(true);
	}

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		if (ex instanceof ApiException api) {
			ErrorType type = ApiException.NOT_FOUND.equals(api.code()) ? ErrorType.NOT_FOUND : ErrorType.BAD_REQUEST;
			return GraphqlErrorBuilder.newError(env)
				.errorType(type)
				.message(api.getMessage())
				.extensions(Map.of("code", api.code()))
				.build();
		}
		if (ex instanceof R2dbcTimeoutException || stopped(env)) {
			// Work stopped at the request's time limit fails as it unwinds (its
			// transaction gone): that is expected.
			log.warn("Stopped at the time limit in {}", env.getExecutionStepInfo().getPath());
			return GraphqlErrorBuilder.newError(env)
				.errorType(ErrorType.INTERNAL_ERROR)
				.message("the request ran past its time limit and was stopped; nothing it did was kept")
				.extensions(Map.of("code", "TIMEOUT"))
				.build();
		}
		if (cancelled(ex)) {
			// The client went away (a load generator closing its connections, a browser
			// tab closed): the execution is cancelled and graphql-java fails the fields
			// still running. Nothing went wrong, and nobody reads the answer.
			log.debug("Cancelled in {}: the client went away", env.getExecutionStepInfo().getPath());
			return GraphqlErrorBuilder.newError(env)
				.errorType(ErrorType.INTERNAL_ERROR)
				.message("the request was cancelled")
				.extensions(Map.of("code", "CANCELLED"))
				.build();
		}
		String requestId = env.getGraphQlContext() == null ? null
				: env.getGraphQlContext().get(ResponseErrors.CORRELATION_ID);
		String correlationId = requestId != null ? requestId : UUID.randomUUID().toString();
		if (DatabaseOutage.isOutage(ex)) {
			// Every request fails so while PostgreSQL is out of reach: counted, and
			// logged once in a while.
			outage.failed(ex);
			return GraphqlErrorBuilder.newError(env)
				.errorType(ErrorType.INTERNAL_ERROR)
				.message(DatabaseOutage.error(correlationId).getMessage())
				.extensions(DatabaseOutage.error(correlationId).getExtensions())
				.build();
		}
		RuntimeException scrubbed = new RuntimeException(ex.getClass().getName());
		scrubbed.setStackTrace(ex.getStackTrace());
		log.error("Unexpected failure {} in {}", correlationId, env.getExecutionStepInfo().getPath(), scrubbed);
		return GraphqlErrorBuilder.newError(env)
			.errorType(ErrorType.INTERNAL_ERROR)
			.message("Internal error; quote correlation id " + correlationId)
			.extensions(Map.of("code", "INTERNAL_ERROR", "correlationId", correlationId))
			.build();
	}

	/**
	 * The execution was cancelled: graphql-java aborts a cancelled execution's fields
	 * (refusals by the limits abort before any field runs, so never come here).
	 */
	static boolean cancelled(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof AbortExecutionException || t instanceof CancellationException) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

	private static boolean stopped(DataFetchingEnvironment env) {
		AtomicBoolean stopped = env.getGraphQlContext().get(STOPPED);
		return stopped != null && stopped.get();
	}

}
