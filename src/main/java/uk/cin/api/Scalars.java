package uk.cin.api;

import graphql.scalars.ExtendedScalars;
import graphql.schema.idl.RuntimeWiring;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * The schema's scalars: Date (strict, see {@link StrictDate}) and DateTime. A component
 * of its own, so that a GraphQL slice test ({@code @GraphQlTest}) wires the same scalars
 * as the service.
 */
@Component
public class Scalars implements RuntimeWiringConfigurer {

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.scalar(StrictDate.DATE).scalar(ExtendedScalars.DateTime);
	}

}
