package uk.cin.audit;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLObjectType;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Notes every field read of personal data in the request's audit trail: a child's record
 * (the Child, its CinPlan), a family (its name, its children), a meeting and its
 * attendees (names of the people at a child's meeting): every {@link Audited} record. Ids
 * and type names are not the record, so they are not noted.
 */
@Component
public class AuditInstrumentation extends SimplePerformantInstrumentation {

	private static final Set<String> AUDITED = Set.of("Child", "CinPlan", "Family", "Meeting", "Attendee");

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
			InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
		GraphQLObjectType parent = parameters.getExecutionStepInfo().getObjectType();
		if (parent == null || !AUDITED.contains(parent.getName())) {
			return dataFetcher;
		}
		String field = parameters.getExecutionStepInfo().getFieldDefinition().getName();
		if (field.equals("id") || field.equals("__typename")) {
			return dataFetcher;
		}
		String name = parent.getName() + "." + field;
		return env -> {
			AuditTrail trail = env.getGraphQlContext().get(AuditTrail.CONTEXT_KEY);
			if (trail != null && env.getSource() instanceof Audited record) {
				trail.read(record.auditSubject(), name);
			}
			return dataFetcher.get(env);
		};
	}

}
