package uk.cin.live;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;
import uk.cin.api.ApiException;
import uk.cin.api.RequestIds;

/**
 * How a deadlinesChanged subscription that fails ends: a coded error, with no detail of
 * the failure.
 */
@Component
class SubscriptionErrors extends SubscriptionExceptionResolverAdapter {

	SubscriptionErrors() {
		// The request's correlation id (the logging MDC, from the Reactor context) is
		// restored while an error that ends a subscription is resolved, so that the error
		// can name it.
		setThreadLocalContextAware(true);
	}

	/**
	 * How a subscription that fails ends: a coded error, with no detail of the failure.
	 */
	@Override
	protected List<GraphQLError> resolveToMultipleErrors(Throwable ex) {
		GraphQLError error;
		if (ex instanceof DeadlineSubscriptions.TooSlow) {
			error = coded(
					ErrorType.BAD_REQUEST, "The subscriber fell more than " + DeadlineSubscriptions.BUFFER
							+ " events behind; " + "resubscribe with after: the last event id received",
					"SUBSCRIBER_TOO_SLOW");
		}
		else if (ex instanceof SubscriptionCounts.TooMany refused) {
			error = coded(ErrorType.BAD_REQUEST, refused.getMessage(), refused.code(), refused.limit());
		}
		else if (ex instanceof ApiException api) {
			error = coded(ErrorType.BAD_REQUEST, api.getMessage(), api.code());
		}
		else {
			error = coded(ErrorType.INTERNAL_ERROR, "Internal error in the subscription", "INTERNAL_ERROR");
		}
		return List.of(error);
	}

	/**
	 * An error that ends a subscription: its code and, as every error a client receives,
	 * the correlation id.
	 */
	private static GraphQLError coded(ErrorType type, String message, String code) {
		return coded(type, message, code, null);
	}

	/** The same, naming the limit that refused the subscription. */
	private static GraphQLError coded(ErrorType type, String message, String code, Integer limit) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", code);
		if (limit != null) {
			extensions.put("limit", limit);
		}
		String requestId = MDC.get(RequestIds.MDC_KEY);
		if (requestId != null) {
			extensions.put("correlationId", requestId);
		}
		return GraphqlErrorBuilder.newError().errorType(type).message(message).extensions(extensions).build();
	}

}
