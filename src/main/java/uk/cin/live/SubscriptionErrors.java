package uk.cin.live;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;
import uk.cin.api.ApiException;

/**
 * How a deadlinesChanged subscription that fails ends: a coded error, with no detail of
 * the failure. Its correlation id is added around every subscription
 * (SubscriptionRequests), from the request itself: an end may be raised on any thread.
 */
@Component
class SubscriptionErrors extends SubscriptionExceptionResolverAdapter {

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

	/** An error that ends a subscription, by its code. */
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
		return GraphqlErrorBuilder.newError().errorType(type).message(message).extensions(extensions).build();
	}

}
