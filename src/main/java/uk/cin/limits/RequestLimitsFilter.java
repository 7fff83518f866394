package uk.cin.limits;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import uk.cin.config.Limits;

/**
 * Before a GraphQL request is read: a body over the limit is refused with 413 (by its
 * Content-Length, or as it streams in); a form or plain-text post is refused with 415 (a
 * browser can send those cross-site without asking, so they are never executed); a JSON
 * array (a batch of operations) is refused with 400: one operation a request; so is an
 * empty body, which carries no request at all (GraphQL over HTTP allows 400 there).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestLimitsFilter implements WebFilter {

	private final Limits limits;

	public RequestLimitsFilter(Limits limits) {
		this.limits = limits;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		var request = exchange.getRequest();
		if (request.getMethod() != HttpMethod.POST || !request.getPath().value().equals("/graphql")) {
			return chain.filter(exchange);
		}
		MediaType type = request.getHeaders().getContentType();
		if (type == null || !(type.isCompatibleWith(MediaType.APPLICATION_JSON)
				|| type.isCompatibleWith(MediaType.parseMediaType("application/graphql-response+json")))) {
			return refuse(exchange, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
					"send the request as application/json", null);
		}
		long length = request.getHeaders().getContentLength();
		if (length > limits.maxBodyBytes()) {
			return tooLarge(exchange);
		}
		// An empty body is told apart from a finished chain (Mono<Void> completes empty):
		// the chain runs at most once.
		return DataBufferUtils.join(request.getBody(), limits.maxBodyBytes())
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap(read -> {
				DataBuffer body = read.orElse(null);
				if (body == null || blank(body)) {
					// Spring for GraphQL's handler answers an empty body with an empty
					// 200: say what is wrong.
					if (body != null) {
						DataBufferUtils.release(body);
					}
					return refuse(exchange, HttpStatus.BAD_REQUEST, "EMPTY_BODY",
							"send the request in the body: a JSON object with a query", null);
				}
				if (startsWithArray(body)) {
					DataBufferUtils.release(body);
					return refuse(exchange, HttpStatus.BAD_REQUEST, "BATCH_NOT_SUPPORTED",
							"send one operation a request, not a batch", 1);
				}
				// The body read once, handed on as it is.
				var replay = new ServerHttpRequestDecorator(request) {
					@Override
					public Flux<DataBuffer> getBody() {
						return Flux.just(body);
					}
				};
				return chain.filter(exchange.mutate().request(replay).build());
			})
			.onErrorResume(DataBufferLimitException.class, e -> tooLarge(exchange));
	}

	private static boolean blank(DataBuffer body) {
		for (int i = body.readPosition(); i < body.writePosition(); i++) {
			if (!Character.isWhitespace(body.getByte(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean startsWithArray(DataBuffer body) {
		for (int i = body.readPosition(); i < body.writePosition(); i++) {
			byte b = body.getByte(i);
			if (!Character.isWhitespace(b)) {
				return b == '[';
			}
		}
		return false;
	}

	private Mono<Void> tooLarge(ServerWebExchange exchange) {
		return refuse(exchange, HttpStatus.CONTENT_TOO_LARGE, "BODY_TOO_LARGE",
				"the request body is larger than " + limits.maxBodyBytes() + " bytes", limits.maxBodyBytes());
	}

	private static Mono<Void> refuse(ServerWebExchange exchange, HttpStatus status, String code, String message,
			Integer limit) {
		var response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		String body = "{\"errors\":[{\"message\":\"" + message + "\",\"extensions\":{\"code\":\"" + code + "\""
				+ (limit == null ? "" : ",\"limit\":" + limit) + "}}]}";
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
	}

}
