package uk.cin.api;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.util.context.Context;

/**
 * Every request has a correlation id: the caller's {@code X-Request-Id} when it is
 * well-formed, else a new one. It is echoed in the response's {@code X-Request-Id},
 * handed on in the request's own header (so a WebSocket's handshake carries it to its
 * messages), and put in the Reactor context, from which Micrometer's context propagation
 * ({@code spring.reactor.context-propagation: auto}) restores it into the logging MDC on
 * whatever thread the work runs: every log line written while serving the request carries
 * it ({@code http.request.id}, the Elastic Common Schema's field).
 */
@Configuration(proxyBeanMethods = false)
public class RequestIds {

	private static final Logger log = LoggerFactory.getLogger(RequestIds.class);

	public static final String HEADER = "X-Request-Id";

	/** The MDC key, and so the field of every JSON log line: ECS's http.request.id. */
	public static final String MDC_KEY = "http.request.id";

	/**
	 * What a caller's id may look like: anything else (too long, spaces, quotes,
	 * newlines) is replaced.
	 */
	static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	public RequestIds() {
		// Only this MDC key travels with the Reactor context; registering again replaces
		// the accessor.
		ContextRegistry registry = ContextRegistry.getInstance();
		registry.registerThreadLocalAccessor(new Slf4jThreadLocalAccessor(MDC_KEY));
		// And it is the only thread local that does. The libraries on the class path
		// register five more (the current Observation, for tracing, which the service
		// does not do; Spring Security's and Spring for GraphQL's security context and
		// exchange holders, which a WebFlux service reads from the Reactor context
		// instead). Each was set and cleared at every thread hop of every request: a
		// tenth of a caseload page's CPU, for values nothing here reads.
		List.copyOf(registry.getThreadLocalAccessors())
			.stream()
			.map(ThreadLocalAccessor::key)
			.filter(key -> !Slf4jThreadLocalAccessor.KEY.equals(key))
			.forEach(registry::removeThreadLocalAccessor);
	}

	/** The caller's id if well-formed, else a new random one. */
	public static String choose(String offered) {
		return offered != null && WELL_FORMED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
	}

	/** The Reactor context entry that puts this id in the MDC of the work it reaches. */
	public static Context context(String id) {
		return Context.of(Slf4jThreadLocalAccessor.KEY, Map.of(MDC_KEY, id));
	}

	/**
	 * Around the whole HTTP handler: before every filter (limits, security), so their
	 * refusals carry the id too. At DEBUG it logs one line a request as it ends (method,
	 * path, status, time; never the query string or body).
	 */
	@Bean
	HttpHandlerDecoratorFactory requestIdHandler() {
		return handler -> (HttpHandler) (request, response) -> {
			String offered = request.getHeaders().getFirst(HEADER);
			String id = choose(offered);
			ServerHttpRequest handedOn = id.equals(offered) ? request
					: request.mutate().headers(headers -> headers.set(HEADER, id)).build();
			HttpHeaders out = response.getHeaders();
			out.set(HEADER, id);
			if (!log.isDebugEnabled()) {
				return handler.handle(handedOn, response).contextWrite(context(id));
			}
			long started = System.nanoTime();
			return handler.handle(handedOn, response).doFinally(signal -> {
				// Set here, not left to propagation: the line carries the id whatever the
				// propagation mode.
				try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_KEY, id)) {
					log.debug("{} {} answered {} in {} ms", request.getMethod(), request.getPath().value(),
							response.getStatusCode(), (System.nanoTime() - started) / 1_000_000);
				}
			}).contextWrite(context(id));
		};
	}

}
