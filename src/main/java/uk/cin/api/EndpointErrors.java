package uk.cin.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.MediaTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * A failure on the GraphQL endpoint that never became a GraphQL response (a body that is
 * no GraphQL request, an operationName that is not a string, a method or media type the
 * endpoint does not take, an unexpected failure) is answered as one all the same:
 * {@code {"errors": [...]}} with a code and the correlation id, in the media type the
 * client accepts, instead of Spring's generic error body. Its status stays what it was
 * (400, 405, 406, 415, 500), but for the database out of reach: 503,
 * DATABASE_UNAVAILABLE, logged by {@link DatabaseOutage} once in a while. Ahead of Spring
 * Boot's own handler; other paths are left to it.
 */
@Component
@Order(-2)
public class EndpointErrors implements WebExceptionHandler {

	static final String PATH = "/graphql";

	public static final String BAD_REQUEST = "BAD_REQUEST";

	private static final Logger log = LoggerFactory.getLogger(EndpointErrors.class);

	private final DatabaseOutage outage;

	public EndpointErrors(DatabaseOutage outage) {
		this.outage = outage;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
		var response = exchange.getResponse();
		if (!exchange.getRequest().getPath().value().equals(PATH) || response.isCommitted()) {
			return Mono.error(failure);
		}
		// RequestIds sets it on every request; a new one should it be missing.
		String id = RequestIds.choose(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
		HttpStatusCode status;
		String code;
		String message;
		if (failure instanceof ResponseStatusException refused && refused.getStatusCode().is4xxClientError()) {
			status = refused.getStatusCode();
			response.getHeaders().putAll(refused.getHeaders());
			code = switch (status.value()) {
				case 404 -> "NOT_FOUND";
				case 405 -> "METHOD_NOT_ALLOWED";
				case 406 -> "NOT_ACCEPTABLE";
				case 415 -> "UNSUPPORTED_MEDIA_TYPE";
				default -> BAD_REQUEST;
			};
			message = switch (status.value()) {
				case 404, 405 -> "Only POST runs operations (and GET opens a WebSocket)";
				case 406 -> "Accept application/json, application/graphql-response+json or text/event-stream";
				case 415 -> "Send the request as application/json";
				default -> "The body is not a GraphQL request: send a JSON object with query (a string) and, if "
						+ "need be, operationName (a string), variables and extensions (objects)";
			};
		}
		else if (DatabaseOutage.isOutage(failure)) {
			outage.failed(failure);
			status = HttpStatus.SERVICE_UNAVAILABLE;
			code = DatabaseOutage.DATABASE_UNAVAILABLE;
			message = DatabaseOutage.error(id).getMessage();
		}
		else {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
			code = "INTERNAL_ERROR";
			message = "Internal error; quote correlation id " + id;
			// The failure's type and stack, not its message (which may quote a value).
			RuntimeException scrubbed = new RuntimeException(failure.getClass().getName());
			scrubbed.setStackTrace(failure.getStackTrace());
			log.error("Unexpected failure {} on the GraphQL endpoint", id, scrubbed);
		}
		response.setStatusCode(status);
		response.getHeaders().setContentType(answeredIn(exchange));
		String body = "{\"errors\":[{\"message\":\"" + message.replace("\"", "\\\"") + "\",\"extensions\":{\"code\":\""
				+ code + "\",\"correlationId\":\"" + id + "\"}}]}";
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
	}

	/**
	 * application/graphql-response+json to a client that accepts it, else
	 * application/json.
	 */
	static MediaType answeredIn(ServerWebExchange exchange) {
		List<MediaType> accepted;
		try {
			accepted = exchange.getRequest().getHeaders().getAccept();
		}
		catch (InvalidMediaTypeException e) {
			return MediaType.APPLICATION_JSON;
		}
		for (MediaType type : accepted) {
			if (type.equalsTypeAndSubtype(MediaTypes.APPLICATION_GRAPHQL_RESPONSE)) {
				return MediaTypes.APPLICATION_GRAPHQL_RESPONSE;
			}
		}
		return MediaType.APPLICATION_JSON;
	}

}
