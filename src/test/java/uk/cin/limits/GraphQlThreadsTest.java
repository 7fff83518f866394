package uk.cin.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import graphql.TrivialDataFetcher;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.PropertyDataFetcher;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GraphQlThreadsTest {

	private final GraphQlThreads threads = new GraphQlThreads();

	private final InstrumentationFieldFetchParameters trivial = mock(InstrumentationFieldFetchParameters.class);

	@AfterEach
	void stop() {
		threads.destroy();
	}

	@Test
	void aFetcherMarkedTrivialWhoseValueArrivesOnAnotherThreadGoesOnOnAGraphQlThread() throws Exception {
		when(trivial.isTrivialDataFetcher()).thenReturn(true);
		CompletableFuture<String> later = new CompletableFuture<>();
		// As the service's direct fetchers are: marked trivial, returning a batch
		// loader's future, which the database driver's event loop completes.
		DataFetcher<Object> direct = (TrivialDataFetcher<Object>) env -> later;

		Object value = threads.instrumentDataFetcher(direct, trivial, null).get(null);
		CompletableFuture<String> goesOnOn = ((CompletionStage<?>) value).toCompletableFuture()
			.thenApply(v -> Thread.currentThread().getName());
		new Thread(() -> later.complete("done"), "reactor-tcp-epoll-1").start();

		assertThat(goesOnOn.get(5, TimeUnit.SECONDS)).startsWith("cin-graphql-");
	}

	@Test
	void graphQlJavasOwnPropertyFetchersAreLeftAlone() {
		when(trivial.isTrivialDataFetcher()).thenReturn(true);
		DataFetcher<Object> property = PropertyDataFetcher.fetching("name");

		assertThat(threads.instrumentDataFetcher(property, trivial, null)).isSameAs(property);
	}

}
