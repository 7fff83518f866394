package uk.cin.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Which operation of its document a request runs, found as graphql-java finds it (the one
 * named by operationName; the only one when none is named; an empty name counts as none),
 * before anything runs: whether it subscribes or writes, and its name for the audit log.
 * A request whose operation cannot be found is refused here with
 * {@code OPERATION_RESOLUTION_FAILURE} (Apollo Server's code for it), before any
 * transaction begins; so is an operation sent over a transport that cannot carry it. Kept
 * by name and text, bounded by the characters kept.
 */
@Component
public class Operations {

	public static final String OPERATION_RESOLUTION_FAILURE = "OPERATION_RESOLUTION_FAILURE";

	public static final String SUBSCRIPTION_NEEDS_STREAM = "SUBSCRIPTION_NEEDS_STREAM";

	public static final String STREAM_NEEDS_SUBSCRIPTION = "STREAM_NEEDS_SUBSCRIPTION";

	public static final String UNNAMED = "(unnamed)";

	/** A name that may be quoted back: a GraphQL name, not too long to read. */
	private static final Pattern QUOTABLE = Pattern.compile("[_A-Za-z][_0-9A-Za-z]{0,63}");

	private static final int MAX_CHARACTERS = 1_000_000;

	/** What a request's document holds for it. */
	public enum Outcome {

		/** The document does not parse: graphql-java says why. */
		UNPARSED,
		/** It parses, but names no operation that operationName picks out. */
		NOT_FOUND,
		/** It has several operations and operationName names none. */
		NAME_REQUIRED, FOUND

	}

	/**
	 * The request's operation.
	 *
	 * @param outcome whether it was found
	 * @param type query, mutation or subscription, when found
	 * @param name its name, or {@value #UNNAMED}
	 * @param onlyAnonymous the document's only operation has no name (which no
	 * operationName picks out)
	 */
	public record Operation(Outcome outcome, OperationDefinition.Operation type, String name, boolean onlyAnonymous) {
		public boolean subscription() {
			return type == OperationDefinition.Operation.SUBSCRIPTION;
		}

		public boolean mutation() {
			return type == OperationDefinition.Operation.MUTATION;
		}

		public boolean found() {
			return outcome == Outcome.FOUND;
		}
	}

	private record Key(String operationName, String text) {
	}

	private final Cache<Key, Operation> known = Caffeine.newBuilder()
		.maximumWeight(MAX_CHARACTERS)
		.weigher((Key key, Operation operation) -> Math.max(1, key.text().length()))
		.build();

	public Operation of(WebGraphQlRequest request) {
		String text = request.getDocument();
		if (text == null) {
			return new Operation(Outcome.UNPARSED, null, UNNAMED, false);
		}
		Key key = new Key(request.getOperationName(), text);
		Operation operation = known.getIfPresent(key);
		if (operation == null) {
			operation = find(key);
			known.put(key, operation);
		}
		return operation;
	}

	private static Operation find(Key key) {
		Document document;
		try {
			document = Parser.parse(ParserEnvironment.newParserEnvironment()
				.document(key.text())
				.parserOptions(ParserOptions.getDefaultOperationParserOptions())
				.build());
		}
		catch (RuntimeException e) {
			return new Operation(Outcome.UNPARSED, null, UNNAMED, false);
		}
		// graphql-java's NodeUtil.getOperation, step by step.
		Map<String, OperationDefinition> byName = new LinkedHashMap<>();
		for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
			byName.put(operation.getName(), operation);
		}
		String name = key.operationName();
		boolean onlyAnonymous = byName.size() == 1 && byName.containsKey(null);
		OperationDefinition chosen;
		if (name == null && byName.size() > 1) {
			return new Operation(Outcome.NAME_REQUIRED, null, UNNAMED, false);
		}
		else if (name == null || name.isEmpty()) {
			chosen = byName.isEmpty() ? null : byName.values().iterator().next();
		}
		else {
			chosen = byName.get(name);
		}
		if (chosen == null) {
			return new Operation(Outcome.NOT_FOUND, null, UNNAMED, onlyAnonymous);
		}
		return new Operation(Outcome.FOUND, chosen.getOperation(),
				chosen.getName() == null ? UNNAMED : chosen.getName(), onlyAnonymous);
	}

	/**
	 * The refusal of a request that has nothing to run, or null when it may run: its
	 * operation was not found, or it came over a transport that cannot carry it. A
	 * subscription sent as a plain POST would be answered with the stream object itself
	 * serialised as data; a query or mutation sent for server-sent events would run (a
	 * mutation writing) and then be answered that the SSE handler takes subscriptions
	 * only.
	 */
	public static WebGraphQlResponse refusal(WebGraphQlRequest request, Operation operation) {
		if (operation.outcome() == Outcome.NOT_FOUND || operation.outcome() == Outcome.NAME_REQUIRED) {
			return notFound(request, operation);
		}
		if (!operation.found()) {
			return null;
		}
		Transport transport = Transport.of(request);
		if (operation.subscription() && transport == Transport.HTTP) {
			return refusal(request, SUBSCRIPTION_NEEDS_STREAM, "A subscription needs a stream: open a WebSocket to "
					+ "/graphql (graphql-transport-ws), or POST it with Accept: text/event-stream (server-sent events)");
		}
		if (!operation.subscription() && transport == Transport.SSE) {
			return refusal(request, STREAM_NEEDS_SUBSCRIPTION, "Server-sent events carry subscriptions only: POST "
					+ "queries and mutations with Accept: application/json or application/graphql-response+json");
		}
		return null;
	}

	/**
	 * The refusal of a request whose operation was not found; the name is quoted only if
	 * it is a GraphQL name.
	 */
	static WebGraphQlResponse notFound(WebGraphQlRequest request, Operation operation) {
		String message;
		if (operation.outcome() == Outcome.NAME_REQUIRED) {
			message = "The document has more than one operation: name the one to run in operationName";
		}
		else {
			String name = request.getOperationName();
			String named = name != null && QUOTABLE.matcher(name).matches() ? "named '" + name + "'"
					: "of the name given in operationName";
			message = operation.onlyAnonymous() ? "The document has no operation " + named
					+ ": its only operation has none, so send no " + "operationName"
					: "The document has no operation " + named;
		}
		return refusal(request, OPERATION_RESOLUTION_FAILURE, message);
	}

	/** A GraphQL response without data: one error with this code. Nothing has run. */
	public static WebGraphQlResponse refusal(WebGraphQlRequest request, String code, String message) {
		ExecutionResult result = ExecutionResult.newExecutionResult()
			.addError(GraphqlErrorBuilder.newError()
				.errorType(ErrorType.BAD_REQUEST)
				.message(message)
				.extensions(Map.of("code", code))
				.build())
			.build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

}
