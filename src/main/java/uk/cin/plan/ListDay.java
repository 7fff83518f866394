package uk.cin.plan;

import graphql.GraphQLContext;
import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLObjectType;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The day a list of plans is judged on (plans(asOf:)), handed down to every field of its
 * plans through GraphQL's local context: a field's own asOf argument still wins. The
 * list's result is wrapped here, around the controller, so that the controller keeps
 * returning the connection itself (which is what the schema inspection reads).
 */
@Component
public final class ListDay extends SimplePerformantInstrumentation {

	private static final String KEY = "cin.listDay";

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
			InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
		var env = parameters.getEnvironment();
		if (!"plans".equals(env.getField().getName())
				|| !(env.getParentType() instanceof GraphQLObjectType parent && parent.getName().equals("Query"))) {
			return dataFetcher;
		}
		return fetching -> {
			Object result = dataFetcher.get(fetching);
			LocalDate day = fetching.getArgument("asOf");
			if (day == null) {
				return result;
			}
			if (result instanceof CompletionStage<?> stage) {
				return stage.thenApply(value -> carrying(value, day));
			}
			return carrying(result, day);
		};
	}

	/**
	 * The list's result, carrying its day (when one was given) to the fields below it.
	 */
	static <T> DataFetcherResult<T> carrying(T data, @Nullable LocalDate day) {
		DataFetcherResult.Builder<T> result = DataFetcherResult.<T>newResult().data(data);
		return day == null ? result.build() : result.localContext(GraphQLContext.of(Map.of(KEY, day))).build();
	}

	/** The day of the list this field is under; null outside such a list. */
	public static @Nullable LocalDate of(DataFetchingEnvironment env) {
		return env.getLocalContext() instanceof GraphQLContext context ? context.get(KEY) : null;
	}

	/** The field's own day, else its list's, else null (today). */
	public static @Nullable LocalDate of(@Nullable LocalDate argument, DataFetchingEnvironment env) {
		return argument != null ? argument : of(env);
	}

	/** Whether something dated on this day had happened by the end of the list's day. */
	public static boolean happenedBy(LocalDate date, @Nullable LocalDate day) {
		return day == null || !date.isAfter(day);
	}

}
