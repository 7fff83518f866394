package uk.cin.security;

import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.graphql.execution.ErrorType;
import uk.cin.api.Fetchers;

/**
 * Names and dates of birth, withheld from roles that may not see them (BI_ANALYST). The
 * contract makes the names non-null, and a null there would blank the whole enclosing
 * object, so a withheld name reads REDACTED; a withheld date of birth is null. Either way
 * one error per field and request, coded REDACTED, says why.
 */
public final class Redaction {

	/** What a withheld name reads. */
	public static final String WITHHELD = "REDACTED";

	private static final String REPORTED = "cin.redactionsReported";

	private Redaction() {
	}

	/**
	 * The field's value for a caller who sees personal details; for one who does not,
	 * {@code withheld} and (once a request) an error coded REDACTED. Each feature wires
	 * its own personal fields with it.
	 */
	public static <S> DataFetcher<Object> guarded(String field, Function<S, Object> value, Object withheld) {
		// Fetched directly (no thread locals read): a page of children resolves hundreds
		// of names.
		return Fetchers.direct(env -> {
			Caller caller = env.getGraphQlContext().get(Caller.CONTEXT_KEY);
			S source = env.getSource();
			if (caller != null && caller.role().seesPersonalDetails()) {
				return value.apply(source);
			}
			DataFetcherResult.Builder<Object> result = DataFetcherResult.newResult().data(withheld);
			if (firstTime(env, field)) {
				result.error(GraphqlErrorBuilder.newError(env)
					.errorType(ErrorType.FORBIDDEN)
					.message(field + " is withheld from the role " + (caller == null ? "" : caller.role())
							+ ": it never sees names or dates of birth")
					.extensions(Map.of("code", WITHHELD))
					.build());
			}
			return result.build();
		});
	}

	private static boolean firstTime(DataFetchingEnvironment env, String field) {
		Set<String> reported = env.getGraphQlContext().computeIfAbsent(REPORTED, k -> ConcurrentHashMap.newKeySet());
		return reported.add(field);
	}

}
