package uk.cin.trusted;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands a GraphQL-over-HTTP {@code documentId} on to the GraphQL layer. Spring for
 * GraphQL reads a POST body into query, operationName, variables and extensions only, and
 * refuses a body without query (unless it carries Apollo's persistedQuery), before any
 * interceptor runs. So a body with {@code documentId} is rewritten: the id moves to
 * {@code extensions.documentId}, and a missing query becomes empty, for
 * {@link TrustedDocumentInterceptor} to look up, refuse, or fill in. Nothing is decided
 * here. Other bodies pass untouched, unparsed.
 *
 * <p>
 * Runs after the request limits (the body is already read, and within its size) and after
 * authentication (an unauthenticated body is never parsed).
 */
@Component
@Order(0)
public class DocumentIdFilter implements WebFilter {

	private static final byte[] KEY = ("\"" + TrustedDocumentInterceptor.DOCUMENT_ID + "\"")
		.getBytes(StandardCharsets.US_ASCII);

	private final JsonMapper json;

	public DocumentIdFilter(JsonMapper json) {
		this.json = json;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (request.getMethod() != HttpMethod.POST || !request.getPath().value().equals("/graphql")) {
			return chain.filter(exchange);
		}
		// An empty body is told apart from a finished chain (Mono<Void> completes empty):
		// the chain runs once.
		return DataBufferUtils.join(request.getBody())
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap(read -> {
				if (read.isEmpty()) {
					return chain.filter(exchange);
				}
				DataBuffer body = read.get();
				byte[] rewritten = contains(body, KEY) ? rewrite(body) : null;
				if (rewritten == null) {
					return chain.filter(exchange.mutate().request(replay(request, body)).build());
				}
				DataBufferUtils.release(body);
				ServerHttpRequest sized = request.mutate()
					.headers(headers -> headers.setContentLength(rewritten.length))
					.build();
				DataBuffer replacement = exchange.getResponse().bufferFactory().wrap(rewritten);
				return chain.filter(exchange.mutate().request(replay(sized, replacement)).build());
			});
	}

	/**
	 * The body with documentId moved into extensions, or null to hand the body on as it
	 * came.
	 */
	private byte[] rewrite(DataBuffer body) {
		byte[] bytes = new byte[body.readableByteCount()];
		// A copy: the buffer itself is handed on unread when nothing is rewritten.
		body.toByteBuffer(body.readPosition(), ByteBuffer.wrap(bytes), 0, bytes.length);
		Map<String, Object> request;
		try {
			request = json.readValue(bytes, new TypeReference<LinkedHashMap<String, Object>>() {
			});
		}
		catch (JacksonException e) {
			// Not a JSON object: Spring for GraphQL refuses it as it would without this
			// filter.
			return null;
		}
		if (request == null || !request.containsKey(TrustedDocumentInterceptor.DOCUMENT_ID)) {
			return null;
		}
		Object extensions = request.get("extensions") == null ? Map.of() : request.get("extensions");
		if (!(extensions instanceof Map<?, ?> given)) {
			return null;
		}
		Map<Object, Object> moved = new LinkedHashMap<>(given);
		moved.put(TrustedDocumentInterceptor.DOCUMENT_ID, request.remove(TrustedDocumentInterceptor.DOCUMENT_ID));
		request.put("extensions", moved);
		if (!(request.get("query") instanceof String)) {
			request.put("query", "");
		}
		return json.writeValueAsBytes(request);
	}

	private static boolean contains(DataBuffer body, byte[] key) {
		int end = body.writePosition() - key.length;
		for (int i = body.readPosition(); i <= end; i++) {
			int j = 0;
			while (j < key.length && body.getByte(i + j) == key[j]) {
				j++;
			}
			if (j == key.length) {
				return true;
			}
		}
		return false;
	}

	private static ServerHttpRequest replay(ServerHttpRequest request, DataBuffer body) {
		return new ServerHttpRequestDecorator(request) {
			@Override
			public Flux<DataBuffer> getBody() {
				return Flux.just(body);
			}
		};
	}

}
