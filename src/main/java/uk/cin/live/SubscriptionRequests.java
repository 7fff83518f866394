package uk.cin.live;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import uk.cin.api.ApiException;
import uk.cin.api.Interceptors;
import uk.cin.api.RequestIds;
import uk.cin.security.EventTransactions;

/**
 * Around every subscription, outside the caller's interceptor: its WebSocket (for the
 * per-socket limit) and a place to note that it could not be served in time go into its
 * Reactor context; and however its results fail (an event's reads or audit not getting
 * their turn, a field that could not be resolved), the subscription ends with one coded
 * error and nothing is logged with a stack: SUBSCRIPTIONS_BUSY when it could not be
 * served in time, else INTERNAL_ERROR with the correlation id. Left to Spring for
 * GraphQL, such a failure logged a stack trace per subscriber and told the client only
 * "Subscription error".
 */
@Component
@Order(Interceptors.SUBSCRIPTIONS)
public class SubscriptionRequests implements WebGraphQlInterceptor {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionRequests.class);

	/**
	 * Reactor context key: the WebSocket a subscription came on (its session id); absent
	 * over SSE.
	 */
	public static final String SOCKET = "cin.live.socket";

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		AtomicReference<EventTransactions.Busy> failed = new AtomicReference<>();
		String socket = request instanceof WebSocketGraphQlRequest webSocket ? webSocket.getSessionInfo().getId()
				: null;
		String requestId = request.getHeaders().getFirst(RequestIds.HEADER);
		return chain.next(request)
			.map(response -> response.getData() instanceof Publisher<?> results
					? response.transform(b -> b.data(Flux.from(results)
						.onErrorMap(e -> !(e instanceof SubscriptionPublisherException),
								e -> ended(e, failed.get(), requestId))
						.onErrorMap(SubscriptionPublisherException.class, e -> named(e, requestId))))
					: response)
			.contextWrite(context -> {
				context = context.put(EventTransactions.FAILED, failed);
				return socket == null ? context : context.put(SOCKET, socket);
			});
	}

	private static SubscriptionPublisherException ended(Throwable failure, EventTransactions.Busy busy,
			String requestId) {
		GraphQLError error;
		ApiException refusal = find(failure, ApiException.class);
		if (busy != null || EventTransactions.busy(failure)) {
			EventTransactions.Busy cause = busy != null ? busy : find(failure, EventTransactions.Busy.class);
			error = coded(ErrorType.INTERNAL_ERROR,
					cause != null ? cause.getMessage() : "the service could not"
							+ " deliver the event in time; subscribe again with after: the last event id received",
					EventTransactions.BUSY);
		}
		else if (refusal != null) {
			error = coded(ErrorType.BAD_REQUEST, refusal.getMessage(), refusal.code());
		}
		else {
			// A field's own failure was logged where it happened (ErrorHandling); this is
			// only how it ended.
			log.warn("A subscription ended with {}", failure.getClass().getName());
			error = coded(ErrorType.INTERNAL_ERROR, "Internal error in the subscription"
					+ (requestId == null ? "" : "; quote correlation id " + requestId), "INTERNAL_ERROR");
		}
		return new SubscriptionPublisherException(List.of(error), null);
	}

	/**
	 * Every error that ends a subscription names its correlation id, taken here from the
	 * request: an end may be raised on a thread that carries no logging context (a
	 * subscriber fallen too far behind is noticed on the thread that reads the database's
	 * notifications).
	 */
	private static SubscriptionPublisherException named(SubscriptionPublisherException ended,
			@Nullable String requestId) {
		if (requestId == null || ended.getErrors()
			.stream()
			.allMatch(e -> e.getExtensions() != null && e.getExtensions().containsKey("correlationId"))) {
			return ended;
		}
		List<GraphQLError> errors = ended.getErrors().stream().map(error -> {
			Map<String, Object> extensions = new LinkedHashMap<>();
			if (error.getExtensions() != null) {
				extensions.putAll(error.getExtensions());
			}
			extensions.putIfAbsent("correlationId", requestId);
			GraphqlErrorBuilder<?> named = GraphqlErrorBuilder.newError()
				.errorType(error.getErrorType())
				.message(error.getMessage())
				.extensions(extensions);
			if (error.getLocations() != null) {
				named.locations(error.getLocations());
			}
			if (error.getPath() != null) {
				named.path(error.getPath());
			}
			return named.build();
		}).toList();
		return new SubscriptionPublisherException(errors, ended.getCause());
	}

	private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
		for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
			if (type.isInstance(e)) {
				return type.cast(e);
			}
		}
		return null;
	}

	/** An end by its code; named() adds the correlation id to every end. */
	private static GraphQLError coded(ErrorType type, String message, String code) {
		return GraphqlErrorBuilder.newError().errorType(type).message(message).extensions(Map.of("code", code)).build();
	}

}
