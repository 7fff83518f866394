package uk.cin.live;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import uk.cin.api.RequestIds;
import uk.cin.security.EventTransactions;

/**
 * How a subscription's results end when something under them fails: always one coded
 * error, never Spring's "Subscription error" with a stack trace in the log. A field read
 * that got no turn ends the event's execution (the field is non-null up to the
 * subscription's root) with an exception that no longer says why; the note it left in the
 * subscription's context does.
 */
class SubscriptionRequestsTest {

	private static final WebGraphQlRequest REQUEST = request();

	private static WebGraphQlRequest request() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(RequestIds.HEADER, "the-request");
		return new WebGraphQlRequest(URI.create("http://localhost/graphql"), headers, null, null, Map.of(),
				Map.of("query", "subscription { deadlinesChanged { id } }"), "1", null);
	}

	/**
	 * Runs the interceptor over results that fail as given, and returns the errors the
	 * subscription ends with.
	 */
	private static List<GraphQLError> endOf(Flux<ExecutionResult> results) {
		// As Spring for GraphQL does, the execution hands the request's Reactor context
		// on to what it runs.
		WebGraphQlResponse response = new SubscriptionRequests()
			.intercept(REQUEST, request -> Mono
				.deferContextual(context -> Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(
						ExecutionInput.newExecutionInput().query("subscription { deadlinesChanged { id } }").build(),
						ExecutionResult.newExecutionResult().data(results.contextWrite(context)).build())))))
			.block(Duration.ofSeconds(5));
		@SuppressWarnings("unchecked")
		Flux<ExecutionResult> ended = Flux.from((Publisher<ExecutionResult>) response.getData());
		Throwable failure = ended.then()
			.map(done -> (Throwable) null)
			.onErrorResume(e -> Mono.just(e))
			.block(Duration.ofSeconds(5));
		assertThat(failure).isInstanceOf(SubscriptionPublisherException.class);
		return ((SubscriptionPublisherException) failure).getErrors();
	}

	@Test
	void aFieldThatGotNoTurnEndsItWithSubscriptionsBusy() {
		// As graphql-java ends an event whose non-null field failed: the cause is gone,
		// the note remains.
		List<GraphQLError> errors = endOf(Flux.deferContextual(context -> {
			context.<AtomicReference<EventTransactions.Busy>>get(EventTransactions.FAILED)
				.set(new EventTransactions.Busy(Duration.ofSeconds(5)));
			return Flux.error(new CompletionException(new IllegalStateException("non-null field was null")));
		}));
		assertThat(errors).singleElement().satisfies(error -> {
			assertThat(error.getExtensions()).containsEntry("code", EventTransactions.BUSY)
				.containsEntry("correlationId", "the-request");
			assertThat(error.getMessage()).contains("5.0 s").contains("after:");
		});
	}

	@Test
	void anAuditThatGotNoTurnEndsItWithSubscriptionsBusy() {
		List<GraphQLError> errors = endOf(Flux.error(new EventTransactions.Busy(Duration.ofSeconds(2))));
		assertThat(errors).singleElement()
			.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", EventTransactions.BUSY));
	}

	@Test
	void anythingElseEndsItWithInternalErrorAndTheCorrelationId() {
		List<GraphQLError> errors = endOf(
				Flux.error(new CompletionException(new IllegalStateException("a detail of the failure"))));
		assertThat(errors).singleElement().satisfies(error -> {
			assertThat(error.getExtensions()).containsEntry("code", "INTERNAL_ERROR")
				.containsEntry("correlationId", "the-request");
			assertThat(error.getMessage()).doesNotContain("detail").contains("the-request");
		});
	}

	@Test
	void anEndResolvedWithoutTheCorrelationIdIsGivenIt() {
		// As the resolver leaves an end raised on a thread without the logging context.
		List<GraphQLError> errors = endOf(
				Flux.error(new SubscriptionPublisherException(List.of(GraphqlErrorBuilder.newError()
					.message("The subscriber fell behind")
					.extensions(Map.of("code", "SUBSCRIBER_TOO_SLOW"))
					.build()), null)));
		assertThat(errors).singleElement().satisfies(error -> {
			assertThat(error.getExtensions()).containsEntry("code", "SUBSCRIBER_TOO_SLOW")
				.containsEntry("correlationId", "the-request");
			assertThat(error.getMessage()).isEqualTo("The subscriber fell behind");
		});
	}

}
