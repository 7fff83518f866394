package uk.cin.plan;

import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;
import org.springframework.stereotype.Component;

/**
 * Marks a mutation's GraphQL context. What a mutation reads back may include its own writes, which its transaction
 * could still roll back, so it must neither fill nor use the cache of recorded facts ({@link RecordedFacts}).
 */
@Component
public class WritingOperations extends SimplePerformantInstrumentation {

    static final String CONTEXT_KEY = "cin.writing";

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        if (parameters.getExecutionContext().getOperationDefinition().getOperation()
                == OperationDefinition.Operation.MUTATION) {
            parameters.getExecutionContext().getGraphQLContext().put(CONTEXT_KEY, Boolean.TRUE);
        }
        return SimpleInstrumentationContext.noOp();
    }

    static boolean writing(Object context) {
        return context instanceof GraphQLContext graphQl && Boolean.TRUE.equals(graphQl.get(CONTEXT_KEY));
    }
}
