package uk.cin.security;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import uk.cin.api.DatabaseOutage;
import uk.cin.api.ErrorHandling;
import uk.cin.api.Interceptors;
import uk.cin.api.Operations;
import uk.cin.api.RequestIds;
import uk.cin.config.Limits;
import uk.cin.limits.GraphQlThreads;

/**
 * Every GraphQL operation runs as its caller: over HTTP (and SSE) the bearer token Spring
 * Security verified, over a WebSocket the token sent in connection_init. A query or
 * mutation runs in one transaction scoped to the caller's authority (row-level security),
 * within the time limit; inside it, the audit interceptor writes what was read. A
 * subscription holds no transaction: each event's reads take short transactions of their
 * own.
 */
@Component
@Order(Interceptors.CALLER)
public class CallerInterceptor implements WebSocketGraphQlInterceptor {

	static final String SESSION_CALLER = "cin.caller";

	/**
	 * GraphQL context key, true for a mutation: what it reads back may include its own
	 * writes, which its transaction could still roll back, so such reads must not be
	 * cached.
	 */
	public static final String WRITING = "cin.writing";

	private final ReactiveJwtDecoder decoder;

	private final Callers callers;

	private final AuthorityScope scope;

	private final Limits limits;

	private final ExpiringSockets sockets;

	private final GraphQlThreads threads;

	private final Operations operations;

	private final DatabaseOutage outage;

	public CallerInterceptor(ReactiveJwtDecoder decoder, Callers callers, AuthorityScope scope, Limits limits,
			ExpiringSockets sockets, GraphQlThreads threads, Operations operations, DatabaseOutage outage) {
		this.limits = limits;
		this.outage = outage;
		this.operations = operations;
		this.threads = threads;
		this.sockets = sockets;
		this.decoder = decoder;
		this.callers = callers;
		this.scope = scope;
	}

	/**
	 * The WebSocket's token: {"Authorization": "Bearer <token>"} in the connection_init
	 * payload, or the same under "headers" (Hasura's form, and many clients').
	 */
	@Override
	public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo info, Map<String, Object> payload) {
		Object header = authorization(payload);
		if (!(header instanceof String value) || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return Mono.error(new UnauthenticatedException("connection_init must carry {\"Authorization\": "
					+ "\"Bearer <token>\"} or {\"headers\": {\"Authorization\": \"Bearer <token>\"}}"));
		}
		return decoder.decode(value.substring(7).strip())
			.onErrorMap(e -> new UnauthenticatedException("the bearer token is not valid"))
			.flatMap(callers::fromJwt)
			.onErrorMap(e -> e instanceof UnauthenticatedException ? e
					: new UnauthenticatedException("the bearer token is not valid"))
			.doOnNext(caller -> {
				info.getAttributes().put(SESSION_CALLER, caller);
				sockets.closeWhenExpired(info.getId(), caller.expiresAt());
			})
			.then(Mono.empty());
	}

	/**
	 * The Authorization entry of a connection_init payload, at its top level or under
	 * "headers", its name in any case; null without one.
	 */
	static @Nullable Object authorization(Map<String, Object> payload) {
		Object found = headerValue(payload);
		if (found == null && payload.get("headers") instanceof Map<?, ?> headers) {
			found = headerValue(headers);
		}
		return found;
	}

	private static @Nullable Object headerValue(Map<?, ?> entries) {
		for (Map.Entry<?, ?> entry : entries.entrySet()) {
			if (entry.getKey() instanceof String name && name.equalsIgnoreCase("Authorization")) {
				return entry.getValue();
			}
		}
		return null;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		// Off the event loop before the document is read: parsing, validation and the
		// limits are CPU work.
		return caller(request).publishOn(threads.scheduler()).flatMap(caller -> {
			AtomicBoolean stopped = new AtomicBoolean();
			Operations.Operation parsed = operations.of(request);
			WebGraphQlResponse refused = Operations.refusal(request, parsed);
			if (refused != null) {
				// Nothing to run: no operation of that name, or one sent over a transport
				// that cannot carry it.
				return Mono.just(refused);
			}
			request
				.configureExecutionInput((input,
						builder) -> builder.graphQLContext(context -> context.put(Caller.CONTEXT_KEY, caller)
							.put(ErrorHandling.STOPPED, stopped)
							.put(WRITING, parsed.mutation())).build());
			if (parsed.subscription()) {
				return chain.next(request)
					.contextWrite(context -> context.put(Caller.class, caller)
						.put(AuthorityScope.SUBSCRIBER, caller.authority()));
			}
			// Past the time limit the answer goes at once; the transaction is cancelled,
			// so rolled back (nothing half-written), and PostgreSQL's own statement
			// timeout stops a statement still waiting. The execution is cancelled with
			// it: graphql-java starts no further field. The transaction begins on the
			// database driver's event loop: execution is handed back to the GraphQL
			// threads, and so is the answer once committed (it is encoded where it is
			// emitted). A query writes only its audit rows: they commit without waiting
			// for the WAL flush (AuthorityScope.reading); a mutation's commit waits.
			Mono<WebGraphQlResponse> execution = chain.next(request).subscribeOn(threads.scheduler());
			return (parsed.mutation() ? scope.mono(caller.authority(), execution)
					: scope.reading(caller.authority(), execution))
				.publishOn(threads.scheduler())
				.timeout(limits.timeout())
				.onErrorResume(TimeoutException.class, e -> {
					stopped.set(true);
					return Mono.just(timedOut(request));
				})
				// No connection, or one cut: a coded answer, and the outage logged once
				// in a while.
				.onErrorResume(DatabaseOutage::isOutage, e -> {
					outage.failed(e);
					return Mono.just(DatabaseOutage.response(request,
							RequestIds.choose(request.getHeaders().getFirst(RequestIds.HEADER))));
				})
				.contextWrite(context -> context.put(Caller.class, caller).put(ErrorHandling.STOPPED, stopped));
		});
	}

	private WebGraphQlResponse timedOut(WebGraphQlRequest request) {
		long seconds = limits.timeout().toSeconds();
		ExecutionResult result = ExecutionResult.newExecutionResult()
			.addError(GraphqlErrorBuilder.newError()
				.message("the request ran longer than " + seconds + " s and was stopped; nothing it did was kept")
				.extensions(Map.of("code", "TIMEOUT", "limit", seconds))
				.build())
			.build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

	/**
	 * The caller of a request: its verified bearer token (HTTP, SSE) or its WebSocket's
	 * connection_init.
	 */
	public static Mono<Caller> caller(WebGraphQlRequest request) {
		if (request instanceof WebSocketGraphQlRequest socket) {
			return Mono.justOrEmpty((Caller) socket.getSessionInfo().getAttributes().get(SESSION_CALLER))
				.switchIfEmpty(Mono.error(new UnauthenticatedException("the connection has no caller")));
		}
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(context -> context.getAuthentication() instanceof CallerToken token ? token.caller() : null)
			.switchIfEmpty(Mono.error(new UnauthenticatedException("no bearer token")));
	}

	/** No caller: the WebSocket is closed as unauthorized (4401). */
	public static final class UnauthenticatedException extends RuntimeException {

		public UnauthenticatedException(String message) {
			super(message, null, false, false);
		}

	}

}
