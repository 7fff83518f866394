package uk.cin.api;

import java.util.List;
import org.springframework.graphql.MediaTypes;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * How a GraphQL request came: a plain POST answered in JSON, a POST answered as
 * server-sent events, or a WebSocket.
 */
public enum Transport {

	HTTP, SSE, WEBSOCKET;

	/**
	 * Spring for GraphQL routes a POST to its JSON handler when the Accept header is
	 * absent or any type it accepts is compatible with application/json or
	 * application/graphql-response+json, and to its SSE handler otherwise (its
	 * GraphQlRequestPredicates, tried in that order): the same test, here.
	 */
	public static Transport of(WebGraphQlRequest request) {
		if (request instanceof WebSocketGraphQlRequest) {
			return WEBSOCKET;
		}
		List<MediaType> accepted;
		try {
			accepted = request.getHeaders().getAccept();
		}
		catch (InvalidMediaTypeException e) {
			return HTTP;
		}
		if (accepted.isEmpty()) {
			return HTTP;
		}
		for (MediaType type : accepted) {
			if (type.isCompatibleWith(MediaType.APPLICATION_JSON)
					|| type.isCompatibleWith(MediaTypes.APPLICATION_GRAPHQL_RESPONSE)) {
				return HTTP;
			}
		}
		return SSE;
	}

}
