package uk.cin.live;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webflux.GraphQlSseHandler;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Subscriptions over SSE (POST /graphql, Accept: text/event-stream) whose response opens
 * as soon as the subscription listens, not with its first event.
 *
 * <p>
 * WebFlux sends a response's status and headers with the first piece of its body, and
 * Spring for GraphQL's SSE handler writes nothing before the first event or keep-alive
 * (20 s). curl shows a stream as it comes and does not mind; {@code fetch} (Node's, a
 * browser's, graphql-sse's client) resolves only once the headers are in, so a client
 * that waits for its stream to be open before it writes waited up to 20 s, and had
 * nothing to tell it when its subscription was in place. Here the stream opens with an
 * SSE comment ({@code :}) the moment the subscription hears every change committed from
 * then on ({@link DeadlineSubscriptions#WHEN_LISTENING}): a client that writes once its
 * response has arrived receives the change it made. Otherwise it is Spring's handler:
 * each result a {@code next} event, a {@code complete} event at the end, a comment when
 * nothing was sent for a keep-alive interval.
 */
@Configuration(proxyBeanMethods = false)
public class SseSubscriptions {

	/**
	 * Spring Boot's settings (spring.graphql.http.sse), with the stream opened when the
	 * subscription listens.
	 */
	@Bean
	// Not when the generator runs without a server.
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	GraphQlSseHandler graphQlSseHandler(WebGraphQlHandler handler, GraphQlProperties properties) {
		GraphQlProperties.Sse sse = properties.getHttp().getSse();
		return new OpeningSseHandler(handler, sse.getTimeout(), sse.getKeepAlive());
	}

	static final class OpeningSseHandler extends GraphQlSseHandler {

		/**
		 * The request attribute holding the signal that the request's subscription
		 * listens.
		 */
		private static final String LISTENING = OpeningSseHandler.class.getName() + ".listening";

		private static final ServerSentEvent<Map<String, Object>> COMMENT = ServerSentEvent
			.<Map<String, Object>>builder()
			.comment("")
			.build();

		private static final String COMPLETE = "complete";

		private final Duration timeout;

		private final Duration keepAlive;

		OpeningSseHandler(WebGraphQlHandler handler, Duration timeout, Duration keepAlive) {
			super(handler, timeout, keepAlive);
			this.timeout = timeout;
			this.keepAlive = keepAlive;
		}

		@Override
		public Mono<ServerResponse> handleRequest(ServerRequest request) {
			Sinks.Empty<Void> listening = Sinks.empty();
			request.attributes().put(LISTENING, listening);
			// In the request's context, which Spring for GraphQL hands on to the
			// subscription's data fetcher.
			return super.handleRequest(request).contextWrite(
					context -> context.put(DeadlineSubscriptions.WHEN_LISTENING, (Runnable) listening::tryEmitEmpty));
		}

		@Override
		@SuppressWarnings("unchecked")
		protected Mono<ServerResponse> prepareResponse(ServerRequest request, WebGraphQlResponse response) {
			if (!(response.getData() instanceof Publisher<?> results)
					|| !(request.attributes().get(LISTENING) instanceof Sinks.Empty<?> listening)) {
				// Not a subscription (refused as Spring's handler refuses it), or not
				// come through handleRequest.
				return super.prepareResponse(request, response);
			}
			AtomicBoolean sentSinceBeat = new AtomicBoolean();
			Flux<ServerSentEvent<Map<String, Object>>> events = Flux.from((Publisher<ExecutionResult>) results)
				.map(ExecutionResult::toSpecification)
				.onErrorResume(e -> Mono.just(errorResult(e)))
				.map(result -> ServerSentEvent.builder(result).event("next").build())
				.concatWith(Mono.just(ServerSentEvent.<Map<String, Object>>builder(Map.of()).event(COMPLETE).build()))
				.doOnNext(event -> sentSinceBeat.set(true));
			// Subscribed before the events, so it is waiting when the subscription says
			// it listens (that happens while the events are subscribed to).
			Mono<ServerSentEvent<Map<String, Object>>> opening = listening.asMono().then(Mono.just(COMMENT));
			Flux<ServerSentEvent<Map<String, Object>>> beats = keepAlive == null ? Flux.empty()
					: Flux.interval(keepAlive, keepAlive)
						.filter(tick -> !sentSinceBeat.getAndSet(false))
						.map(tick -> COMMENT);
			Flux<ServerSentEvent<Map<String, Object>>> stream = Flux.merge(opening, events, beats)
				.takeUntil(event -> COMPLETE.equals(event.event()));
			Mono<ServerResponse> written = ServerResponse.ok()
				.contentType(MediaType.TEXT_EVENT_STREAM)
				.body(BodyInserters.fromServerSentEvents(stream))
				.onErrorResume(e -> ServerResponse.badRequest().build());
			return timeout == null ? written : written.timeout(timeout);
		}

		/**
		 * A subscription that failed: its resolved errors, or one that says nothing of
		 * the failure.
		 */
		private static Map<String, Object> errorResult(Throwable failure) {
			if (failure instanceof SubscriptionPublisherException resolved) {
				return resolved.toMap();
			}
			return Map.of("errors",
					List.of(GraphqlErrorBuilder.newError()
						.errorType(ErrorType.INTERNAL_ERROR)
						.message("Internal error in the subscription")
						.extensions(Map.of("code", "INTERNAL_ERROR"))
						.build()
						.toSpecification()));
		}

	}

}
