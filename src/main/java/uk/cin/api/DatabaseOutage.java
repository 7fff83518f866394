package uk.cin.api;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import uk.cin.config.CinProperties;

/**
 * PostgreSQL cannot be reached: no connection to be had within the pool's acquire time,
 * connections refused or cut. Each request that fails so is answered
 * {@code DATABASE_UNAVAILABLE} with its correlation id, and the outage is logged as one
 * WARN line at most every {@code cin.database.outage-log-interval} (30 s), counting the
 * failures since the line before, with the failure's types and no stack: during an outage
 * every request fails the same way, and a stack trace each filled the log (148 MB in 34
 * s).
 */
@Component
public class DatabaseOutage {

	public static final String DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE";

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

	private final long interval;

	private final LongSupplier clock;

	private final AtomicLong failures = new AtomicLong();

	/**
	 * When the last line was written (nanoTime); a line is due when none was written
	 * within the interval.
	 */
	private final AtomicLong lastLine;

	@Autowired
	public DatabaseOutage(CinProperties properties) {
		this(properties.database().outageLogInterval(), System::nanoTime);
	}

	DatabaseOutage(Duration interval, LongSupplier clock) {
		this.interval = interval.toNanos();
		this.clock = clock;
		this.lastLine = new AtomicLong(clock.getAsLong() - this.interval);
	}

	/**
	 * Whether a failure is the database being out of reach, rather than a fault of the
	 * request or the service.
	 */
	public static boolean isOutage(Throwable failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
			if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof R2dbcNonTransientResourceException
					|| cause instanceof R2dbcTransientResourceException || cause instanceof ConnectException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Counts a failed request, and logs the outage if no line was written within the
	 * interval.
	 */
	public void failed(Throwable failure) {
		failures.incrementAndGet();
		long now = clock.getAsLong();
		long last = lastLine.get();
		if (now - last < interval || !lastLine.compareAndSet(last, now)) {
			return;
		}
		long count = failures.getAndSet(0);
		log.warn(
				"PostgreSQL is unavailable ({}): {} {} failed since the last line; the next line in {} s at the "
						+ "earliest",
				types(failure), count, count == 1 ? "request" : "requests", Duration.ofNanos(interval).toSeconds());
	}

	/**
	 * The failure's type and its causes' (never their messages, which may quote values).
	 */
	static String types(Throwable failure) {
		List<String> types = new ArrayList<>();
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable cause = failure; cause != null && seen.add(cause)
				&& types.size() < 6; cause = cause.getCause()) {
			types.add(cause.getClass().getName());
		}
		return String.join(" <- ", types);
	}

	/** The error a request gets: its code and correlation id. */
	public static GraphQLError error(String correlationId) {
		return GraphqlErrorBuilder.newError()
			.errorType(ErrorType.INTERNAL_ERROR)
			.message("The database is unavailable: try again shortly (correlation id " + correlationId + ")")
			.extensions(Map.of("code", DATABASE_UNAVAILABLE, "correlationId", correlationId))
			.build();
	}

	/** A GraphQL response without data carrying that error. */
	public static WebGraphQlResponse response(WebGraphQlRequest request, String correlationId) {
		ExecutionResult result = ExecutionResult.newExecutionResult().addError(error(correlationId)).build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

	/** Whether a response reports the outage. */
	public static boolean reports(WebGraphQlResponse response) {
		return !response.getExecutionResult().isDataPresent() && response.getExecutionResult()
			.getErrors()
			.stream()
			.anyMatch(error -> error.getExtensions() != null
					&& DATABASE_UNAVAILABLE.equals(error.getExtensions().get("code")));
	}

}
