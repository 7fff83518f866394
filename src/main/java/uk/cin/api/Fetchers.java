package uk.cin.api;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;

/**
 * Data fetchers that graphql-java calls directly, for the fields a page resolves
 * thousands of times (a plan's id, status and derived dates, a child's id, a name).
 * Spring for GraphQL wraps every other fetcher to restore the request's thread locals
 * (security context, logging MDC, observation) around the call and to adapt a Mono:
 * profiled on the caseload page, that wrapping and the reflective call of a controller
 * method took about a fifth of the service's CPU. Spring leaves a
 * {@link TrivialDataFetcher} unwrapped, so these are marked as one.
 * <p>
 * Only for a fetcher that reads no thread local and returns a value or a
 * {@code CompletableFuture} (a DataLoader's, for example), never a Mono.
 */
public final class Fetchers {

	private Fetchers() {
	}

	public static <T> DataFetcher<T> direct(DataFetcher<T> fetcher) {
		return (TrivialDataFetcher<T>) fetcher::get;
	}

}
