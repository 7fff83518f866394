package uk.cin.audit;

import org.reactivestreams.Publisher;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import uk.cin.api.Interceptors;
import uk.cin.api.Operations;
import uk.cin.security.Access;

/**
 * What an operation read of personal data is written to the audit log: a query's or
 * mutation's before its transaction commits (this runs inside the caller's transaction),
 * a subscription's as each event is sent. The fields read are noted in the request's
 * {@link AuditTrail} by {@link AuditInstrumentation}.
 */
@Component
@Order(Interceptors.AUDIT)
class AuditInterceptor implements WebGraphQlInterceptor {

	private final AuditLog audit;

	private final EventAudit eventAudit;

	private final Operations operations;

	AuditInterceptor(AuditLog audit, EventAudit eventAudit, Operations operations) {
		this.audit = audit;
		this.eventAudit = eventAudit;
		this.operations = operations;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		AuditTrail trail = new AuditTrail();
		request.configureExecutionInput((input,
				builder) -> builder.graphQLContext(context -> context.put(AuditTrail.CONTEXT_KEY, trail)).build());
		Operations.Operation parsed = operations.of(request);
		String operation = parsed.name();
		return Access.caller().flatMap(caller -> {
			if (!parsed.subscription()) {
				return chain.next(request)
					.flatMap(response -> audit.reads(caller, operation, trail.drain()).thenReturn(response));
			}
			return chain.next(request)
				.map(response -> response.getData() instanceof Publisher<?> events
						? response.transform(b -> b.data(Flux.from(events)
							.concatMap(event -> trail.isEmpty() ? Mono.just(event)
									: eventAudit.reads(caller, operation, trail.drain()).thenReturn(event))))
						: response);
		});
	}

}
