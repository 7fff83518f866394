package uk.cin.ops;

import graphql.language.OperationDefinition;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;
import org.springframework.graphql.observation.GraphQlObservationDocumentation.ExecutionRequestHighCardinalityKeyNames;
import org.springframework.graphql.observation.GraphQlObservationDocumentation.ExecutionRequestLowCardinalityKeyNames;
import org.springframework.stereotype.Component;
import uk.cin.config.CinProperties;

/**
 * Spring for GraphQL's {@code graphql.request} observation (one per operation; it exists
 * already, so the timer costs one more tag), with the operation's name as a tag of the
 * timer. Names come from clients, so they are bounded: a name that does not look like one
 * is {@code invalid}, an operation without a name {@code anonymous}, and once
 * {@code cin.metrics.max-operation-names} distinct names have been seen, any new one is
 * {@code other}. The type is query, mutation or subscription ({@code unknown} for a
 * document that never ran: unparsable, invalid, or refused by the query limits); the
 * outcome SUCCESS, REQUEST_ERROR or INTERNAL_ERROR.
 */
@Component
public class OperationMetrics extends DefaultExecutionRequestObservationConvention {

	static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
	static final String ANONYMOUS = "anonymous";
	static final String INVALID = "invalid";
	static final String OTHER = "other";

	private static final String NAME_KEY = ExecutionRequestHighCardinalityKeyNames.OPERATION_NAME.asString();

	private static final KeyValue UNKNOWN_TYPE = KeyValue.of(ExecutionRequestLowCardinalityKeyNames.OPERATION_TYPE,
			"unknown");

	private final int maxNames;

	private final Set<String> names = ConcurrentHashMap.newKeySet();

	@Autowired
	public OperationMetrics(CinProperties properties) {
		this(properties.metrics().maxOperationNames());
	}

	OperationMetrics(int maxNames) {
		this.maxNames = maxNames;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ExecutionRequestObservationContext context) {
		return super.getLowCardinalityKeyValues(context).and(KeyValue.of(NAME_KEY, name(context)));
	}

	/**
	 * Tracing would take the execution id; the name is a (bounded) metric tag now, not
	 * repeated here.
	 */
	@Override
	public KeyValues getHighCardinalityKeyValues(ExecutionRequestObservationContext context) {
		return KeyValues.of(executionId(context));
	}

	@Override
	protected KeyValue operationType(ExecutionRequestObservationContext context) {
		if (context.getExecutionContext() == null) {
			return UNKNOWN_TYPE;
		}
		OperationDefinition.Operation type = context.getExecutionContext().getOperationDefinition().getOperation();
		return KeyValue.of(ExecutionRequestLowCardinalityKeyNames.OPERATION_TYPE, type.name().toLowerCase(Locale.ROOT));
	}

	/**
	 * The name of the operation that ran (or, for one that never ran, the name the client
	 * gave).
	 */
	String name(ExecutionRequestObservationContext context) {
		String name = context.getExecutionContext() != null
				? context.getExecutionContext().getOperationDefinition().getName()
				: context.getExecutionInput().getOperationName();
		return bounded(name);
	}

	String bounded(String name) {
		if (name == null || name.isEmpty()) {
			return ANONYMOUS;
		}
		if (!NAME.matcher(name).matches()) {
			return INVALID;
		}
		if (names.contains(name)) {
			return name;
		}
		// Past the cap, new names share one series; a race may let a few more in, which
		// is harmless.
		if (names.size() >= maxNames) {
			return OTHER;
		}
		names.add(name);
		return name;
	}

}
