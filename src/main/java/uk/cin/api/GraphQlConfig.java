package uk.cin.api;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webflux.GraphQlHttpHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The schema check at start-up and the HTTP handler's statuses ({@link Scalars}: the
 * scalars).
 */
@Configuration(proxyBeanMethods = false)
public class GraphQlConfig {

	/**
	 * Start-up fails when the schema and the controllers disagree: a field or argument
	 * nobody maps is a bug.
	 */
	@Bean
	GraphQlSourceBuilderCustomizer failOnUnmappedSchema() {
		return builder -> builder.inspectSchemaMappings(report -> {
			boolean unmapped = !report.unmappedFields().isEmpty() || !report.unmappedRegistrations().isEmpty()
					|| !report.unmappedArguments().isEmpty() || !report.fieldNullnessErrors().isEmpty()
					|| !report.argumentNullnessErrors().isEmpty();
			if (unmapped) {
				throw new IllegalStateException("The GraphQL schema and the controllers disagree: " + report);
			}
		});
	}

	/**
	 * GraphQL over HTTP: a response without data is a 4xx or 5xx under
	 * application/graphql-response+json. Spring answers 400 for all; the database out of
	 * reach is not the client's fault, so it is 503 (retry later).
	 */
	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler handler) {
		return new GraphQlHttpHandler(handler) {
			@Override
			protected HttpStatus selectResponseStatus(WebGraphQlResponse response, MediaType mediaType) {
				HttpStatus status = super.selectResponseStatus(response, mediaType);
				return status == HttpStatus.BAD_REQUEST && DatabaseOutage.reports(response)
						? HttpStatus.SERVICE_UNAVAILABLE : status;
			}
		};
	}

}
