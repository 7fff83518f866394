package uk.cin.audit;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLObjectType;
import org.springframework.stereotype.Component;
import uk.cin.family.Child;
import uk.cin.plan.CinPlan;

/**
 * Notes every field read of a child's record (the Child, and its CinPlan) in the request's audit trail. Ids and
 * type names are not the record, so they are not noted.
 */
@Component
public class AuditInstrumentation extends SimplePerformantInstrumentation {

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters
            parameters, InstrumentationState state) {
        GraphQLObjectType parent = parameters.getExecutionStepInfo().getObjectType();
        if (parent == null) {
            return dataFetcher;
        }
        String type = parent.getName();
        if (!type.equals("Child") && !type.equals("CinPlan")) {
            return dataFetcher;
        }
        String field = parameters.getExecutionStepInfo().getFieldDefinition().getName();
        if (field.equals("id") || field.equals("__typename")) {
            return dataFetcher;
        }
        return env -> {
            AuditTrail trail = env.getGraphQlContext().get(AuditTrail.CONTEXT_KEY);
            Object source = env.getSource();
            if (trail != null) {
                if (source instanceof Child child) {
                    trail.read(child.id(), type + "." + field);
                } else if (source instanceof CinPlan plan) {
                    trail.read(plan.childId(), type + "." + field);
                }
            }
            return dataFetcher.get(env);
        };
    }
}
