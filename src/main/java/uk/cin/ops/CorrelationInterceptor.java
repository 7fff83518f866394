package uk.cin.ops;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Every GraphQL error a client receives names the request's correlation id ({@code extensions.correlationId}), so a
 * user can quote it and the logs be searched for it. The id is also in the GraphQL context, for the error handler.
 * Outermost of the interceptors, so that it sees every error, the time limit's included.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationInterceptor implements WebGraphQlInterceptor {

    /** GraphQL context key of the request's correlation id (a String). */
    public static final String CONTEXT_KEY = "cin.correlationId";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        // Set by RequestIds on the HTTP request (or the WebSocket's handshake): always present and well-formed.
        String id = request.getHeaders().getFirst(RequestIds.HEADER);
        if (id == null) {
            return chain.next(request);
        }
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(c -> c.put(CONTEXT_KEY, id))
                .build());
        return chain.next(request).map(response -> response.getErrors().isEmpty() ? response
                : response.transform(b -> b.errors(withId(response.getErrors(), id))));
    }

    private static List<GraphQLError> withId(List<ResponseError> errors, String id) {
        return errors.stream().map(error -> {
            Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions());
            extensions.putIfAbsent("correlationId", id);
            GraphqlErrorBuilder<?> copy = GraphqlErrorBuilder.newError().message(error.getMessage())
                    .extensions(extensions);
            if (error.getErrorType() != null) {
                copy.errorType(error.getErrorType());
            }
            if (!error.getLocations().isEmpty()) {
                copy.locations(error.getLocations());
            }
            if (!error.getParsedPath().isEmpty()) {
                copy.path(error.getParsedPath());
            }
            return (GraphQLError) copy.build();
        }).toList();
    }
}
