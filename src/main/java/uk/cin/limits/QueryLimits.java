package uk.cin.limits;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Refuses, before anything runs, an operation deeper, costlier, more aliased or with more root fields than
 * {@link Limits} allow. The cost counts the objects asked for, as GitHub's node limit does: a list multiplies what
 * is below it by its {@code first} argument (or the list estimate).
 */
@Component
public class QueryLimits extends SimplePerformantInstrumentation {

    private final Limits limits;

    public QueryLimits(Limits limits) {
        this.limits = limits;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        var context = parameters.getExecutionContext();
        OperationDefinition operation = context.getOperationDefinition();
        Walk walk = new Walk(context.getGraphQLSchema(), context.getFragmentsByName(), context.getCoercedVariables()
                .toMap());
        GraphQLFieldsContainer root = switch (operation.getOperation()) {
            case MUTATION -> context.getGraphQLSchema().getMutationType();
            case SUBSCRIPTION -> context.getGraphQLSchema().getSubscriptionType();
            default -> context.getGraphQLSchema().getQueryType();
        };
        int rootFields = (int) operation.getSelectionSet().getSelections().stream().filter(Field.class::isInstance)
                .count();
        walk.selections(operation.getSelectionSet(), root, 1, 1);
        refuseIf(walk.aliases > limits.maxAliases(), "MAX_ALIASES", "the document has " + walk.aliases
                + " aliases", limits.maxAliases());
        refuseIf(rootFields > limits.maxRootFields(), "MAX_ROOT_FIELDS", "the operation has " + rootFields
                + " root fields", limits.maxRootFields());
        refuseIf(walk.depth > limits.maxDepth(), "MAX_DEPTH", "the query nests " + walk.depth + " levels deep",
                limits.maxDepth());
        refuseIf(walk.cost > limits.maxCost(), "MAX_COST", "the query could ask for " + walk.cost + " objects",
                limits.maxCost());
        return super.beginExecuteOperation(parameters, state);
    }

    private static void refuseIf(boolean over, String code, String what, int limit) {
        if (over) {
            GraphQLError error = GraphqlErrorBuilder.newError().message(what + "; the limit is " + limit)
                    .extensions(Map.of("code", code, "limit", limit)).build();
            throw new AbortExecutionException(List.of(error));
        }
    }

    private final class Walk {
        private final GraphQLSchema schema;
        private final Map<String, FragmentDefinition> fragments;
        private final Map<String, Object> variables;
        int depth;
        int aliases;
        long cost;

        Walk(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
            this.schema = schema;
            this.fragments = fragments;
            this.variables = variables;
        }

        void selections(SelectionSet set, GraphQLFieldsContainer parent, int level, long multiplier) {
            if (set == null || level > limits.maxDepth() + 1 || cost > limits.maxCost()) {
                // Deep enough or costly enough to refuse already: no need to look further.
                depth = Math.max(depth, level);
                return;
            }
            for (Selection<?> selection : set.getSelections()) {
                if (selection instanceof Field field) {
                    field(field, parent, level, multiplier);
                } else if (selection instanceof InlineFragment inline) {
                    selections(inline.getSelectionSet(), on(inline.getTypeCondition() == null ? null
                            : inline.getTypeCondition().getName(), parent), level, multiplier);
                } else if (selection instanceof FragmentSpread spread) {
                    FragmentDefinition fragment = fragments.get(spread.getName());
                    if (fragment != null) {
                        selections(fragment.getSelectionSet(), on(fragment.getTypeCondition().getName(), parent),
                                level, multiplier);
                    }
                }
            }
        }

        private GraphQLFieldsContainer on(String typeName, GraphQLFieldsContainer parent) {
            GraphQLType type = typeName == null ? null : schema.getType(typeName);
            return type instanceof GraphQLFieldsContainer container ? container : parent;
        }

        private void field(Field field, GraphQLFieldsContainer parent, int level, long multiplier) {
            if (field.getAlias() != null) {
                aliases++;
            }
            depth = Math.max(depth, level);
            GraphQLFieldDefinition definition = parent == null ? null : parent.getFieldDefinition(field.getName());
            if (definition == null || field.getSelectionSet() == null) {
                return;
            }
            GraphQLOutputType type = definition.getType();
            long count = multiplier;
            if (field.getName().equals("edges")) {
                // A connection's edges: the connection's first argument counted them already.
                count = multiplier;
            } else if (GraphQLTypeUtil.unwrapNonNull(type) instanceof GraphQLList) {
                count = multiplier * listSize(field);
            } else if (field.getArguments().stream().anyMatch(a -> a.getName().equals("first"))) {
                // A connection: its edges are as many as asked for.
                count = multiplier * listSize(field);
            }
            cost += count;
            GraphQLType inner = GraphQLTypeUtil.unwrapAll(type);
            selections(field.getSelectionSet(), inner instanceof GraphQLFieldsContainer c ? c : null, level + 1,
                    count);
        }

        private long listSize(Field field) {
            for (var argument : field.getArguments()) {
                if (!argument.getName().equals("first")) {
                    continue;
                }
                if (argument.getValue() instanceof IntValue literal) {
                    return literal.getValue().longValue();
                }
                if (argument.getValue() instanceof VariableReference variable
                        && variables.get(variable.getName()) instanceof Number value) {
                    return value.longValue();
                }
            }
            return limits.listEstimate();
        }
    }
}
