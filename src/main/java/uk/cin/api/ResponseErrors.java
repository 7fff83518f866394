package uk.cin.api;

import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.InputMapDefinesTooManyFieldsException;
import graphql.execution.NonNullableValueCoercedAsNullException;
import graphql.schema.CoercingParseValueException;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every GraphQL error a client receives has a stable {@code extensions.code}, names where
 * it is, quotes nothing the client sent, and carries the request's correlation id.
 * graphql-java's own errors get the codes GraphQL clients know:
 * {@code GRAPHQL_PARSE_FAILED} for a document that does not parse,
 * {@code GRAPHQL_VALIDATION_FAILED} for one the schema does not allow, and
 * {@code BAD_USER_INPUT} for an argument or variable whose value its type does not allow
 * (with {@code extensions.field}, its path). Their wording is the service's own
 * ({@code i18n/*_en.properties}): the originals quote values back. Outermost of the
 * interceptors, so that it sees every error, the time limit's included.
 */
@Component
@Order(Interceptors.RESPONSE_ERRORS)
public class ResponseErrors implements WebGraphQlInterceptor {

	/** GraphQL context key of the request's correlation id (a String). */
	public static final String CORRELATION_ID = "cin.correlationId";

	public static final String PARSE_FAILED = "GRAPHQL_PARSE_FAILED";

	public static final String VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED";

	public static final String BAD_USER_INPUT = "BAD_USER_INPUT";

	/**
	 * graphql-java's messages for argument values name the argument's path first
	 * (Validation_en.properties).
	 */
	private static final Pattern ARGUMENT = Pattern.compile("argument '([_A-Za-z][_0-9A-Za-z.\\[\\]]*)'");

	private static final Pattern PATH_STEP = Pattern.compile("([_A-Za-z][_0-9A-Za-z]*)|\\[([0-9]+)]");

	private final ObjectProvider<GraphQlSource> source;

	public ResponseErrors(ObjectProvider<GraphQlSource> source) {
		this.source = source;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		// Set by RequestIds on the HTTP request (or the WebSocket's handshake): always
		// present and well-formed.
		String id = request.getHeaders().getFirst(RequestIds.HEADER);
		// One language whatever the Accept-Language: the service's own wording is English
		// (see above).
		request.configureExecutionInput((input, builder) -> builder.locale(Locale.ENGLISH).graphQLContext(context -> {
			if (id != null) {
				context.put(CORRELATION_ID, id);
			}
		}).build());
		return chain.next(request).map(response -> {
			WebGraphQlResponse shaped = response.getExecutionResult().getErrors().isEmpty() ? response
					: response.transform(b -> b.errors(shaped(response.getExecutionResult().getErrors(), request, id)));
			if (Transport.of(request) == Transport.SSE && !(shaped.getData() instanceof Publisher<?>)) {
				// Spring's SSE handler answers anything but a stream with an uncoded "SSE
				// handler supports only subscriptions": a refusal goes as the stream's
				// one event instead, as it would over a WebSocket.
				ExecutionResult once = shaped.getExecutionResult();
				return shaped.transform(b -> b.data(Flux.just(once)).errors(List.of()));
			}
			return shaped;
		});
	}

	private List<GraphQLError> shaped(List<GraphQLError> errors, WebGraphQlRequest request, String id) {
		List<GraphQLError> shaped = new ArrayList<>(errors.size());
		for (GraphQLError error : errors) {
			shaped.add(shape(error, request, id));
		}
		return shaped;
	}

	GraphQLError shape(GraphQLError error, WebGraphQlRequest request, String id) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		if (error.getExtensions() != null) {
			extensions.putAll(error.getExtensions());
		}
		String message = error.getMessage();
		if (!(extensions.get("code") instanceof String)) {
			if (error instanceof ValidationError validation) {
				boolean value = validation.getValidationErrorType() == ValidationErrorType.WrongType
						|| validation.getValidationErrorType() == ValidationErrorType.NullValueForNonNullArgument;
				extensions.put("code", value ? BAD_USER_INPUT : VALIDATION_FAILED);
				argumentPath(message).ifPresent(path -> extensions.put("field", path));
			}
			else if (isVariableCoercion(error)) {
				extensions.put("code", BAD_USER_INPUT);
				Optional<VariableProblems.Problem> problem = variableProblem(request);
				message = problem.map(VariableProblems.Problem::message)
					.orElse("A variable has a value its type does not allow");
				problem.ifPresent(p -> extensions.put("field", p.field()));
			}
			else {
				extensions.put("code", code(error.getErrorType()));
			}
		}
		if (id != null) {
			extensions.putIfAbsent("correlationId", id);
		}
		GraphqlErrorBuilder<?> copy = GraphqlErrorBuilder.newError().message(message).extensions(extensions);
		if (error.getErrorType() != null) {
			copy.errorType(error.getErrorType());
		}
		if (error.getLocations() != null && !error.getLocations().isEmpty()) {
			copy.locations(error.getLocations());
		}
		if (error.getPath() != null && !error.getPath().isEmpty()) {
			copy.path(error.getPath());
		}
		return copy.build();
	}

	private static boolean isVariableCoercion(GraphQLError error) {
		return error instanceof CoercingParseValueException || error instanceof NonNullableValueCoercedAsNullException
				|| error instanceof InputMapDefinesTooManyFieldsException;
	}

	/** A code for an error that came without one, from its classification. */
	static String code(ErrorClassification classification) {
		if (classification == graphql.ErrorType.InvalidSyntax) {
			return PARSE_FAILED;
		}
		if (classification == graphql.ErrorType.ValidationError) {
			return VALIDATION_FAILED;
		}
		if (classification == graphql.ErrorType.OperationNotSupported) {
			return "OPERATION_NOT_SUPPORTED";
		}
		if (classification instanceof ErrorType type) {
			return type.name();
		}
		// graphql-java's own classification when introspection is off (outside the local
		// profile): the client asked for what is not served, not a fault of the service.
		if ("IntrospectionDisabled".equals(String.valueOf(classification))) {
			return "INTROSPECTION_DISABLED";
		}
		return "INTERNAL_ERROR";
	}

	private Optional<VariableProblems.Problem> variableProblem(WebGraphQlRequest request) {
		GraphQlSource graphQl = source.getIfAvailable();
		if (graphQl == null || request.getDocument() == null) {
			return Optional.empty();
		}
		return VariableProblems.first(graphQl.schema(), request.getDocument(), request.getOperationName(),
				request.getVariables());
	}

	/**
	 * {@code ["input", "attendees", 0, "name"]} from a message naming
	 * {@code argument 'input.attendees[0].name'}.
	 */
	static Optional<List<Object>> argumentPath(String message) {
		Matcher argument = ARGUMENT.matcher(message);
		if (!argument.find()) {
			return Optional.empty();
		}
		List<Object> path = new ArrayList<>();
		Matcher step = PATH_STEP.matcher(argument.group(1));
		while (step.find()) {
			path.add(step.group(1) != null ? step.group(1) : Integer.valueOf(step.group(2)));
		}
		return Optional.of(path);
	}

}
