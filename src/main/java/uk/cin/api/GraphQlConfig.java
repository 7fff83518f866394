package uk.cin.api;

import graphql.scalars.ExtendedScalars;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import uk.cin.limits.DocumentCache;

/** Scalars, the schema check at start-up, the document cache, and the clock. */
@Configuration(proxyBeanMethods = false)
public class GraphQlConfig {

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(StrictDate.DATE).scalar(ExtendedScalars.DateTime);
    }

    /** Start-up fails when the schema and the controllers disagree: a field or argument nobody maps is a bug. */
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

    /** A document sent again is not parsed and validated again. */
    @Bean
    GraphQlSourceBuilderCustomizer preparsedDocuments(DocumentCache cache) {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(cache));
    }

    /** "Today" for every computed field without asOf: local dates in the configured zone (Europe/London). */
    @Bean
    Clock clock(@Value("${cin.zone:Europe/London}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
