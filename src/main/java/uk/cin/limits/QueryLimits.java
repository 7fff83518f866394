package uk.cin.limits;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.DocumentAndVariables;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Document;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.springframework.stereotype.Component;
import uk.cin.config.Limits;

/**
 * Refuses, before anything runs, an operation deeper, costlier, more aliased or with more
 * root fields than {@link Limits} allow. The cost counts the objects asked for, as
 * GitHub's node limit does: a list multiplies what is below it by its {@code first}
 * argument (or the list estimate).
 * <p>
 * The walk visits each fragment once, however often it is spread: a fragment's tally (its
 * depth counted from where it is spread, its cost at a multiplier of one, its aliases) is
 * kept, and every spread adds it in, scaled by the spread's multiplier. Following every
 * spread again would double the work with each level of a document whose fragments spread
 * the next one twice: 26 such levels fit in a kilobyte and would take half a minute of
 * CPU. So the walk is linear in the document's length (which the parser bounds in
 * tokens); the counts saturate instead of overflowing, since such a document may ask for
 * more than a long can count.
 * <p>
 * Before the document is validated, fragments that spread each other deeper than
 * {@code max-fragment-depth} are refused: graphql-java's validation follows such a chain
 * on the call stack, and a chain of 1,850 fragments (which the parser's token limit
 * allows) overflows a thread's stack.
 */
@Component
public class QueryLimits extends SimplePerformantInstrumentation {

	private final Limits limits;

	public QueryLimits(Limits limits) {
		this.limits = limits;
	}

	@Override
	public DocumentAndVariables instrumentDocumentAndVariables(DocumentAndVariables documentAndVariables,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		int nesting = fragmentDepth(documentAndVariables.getDocument());
		refuseIf(nesting > limits.maxFragmentDepth(), "MAX_FRAGMENT_DEPTH",
				"fragments spread each other " + nesting + " deep", limits.maxFragmentDepth());
		return documentAndVariables;
	}

	/**
	 * The longest chain of fragments spreading each other, counted in spreads; a cycle
	 * counts once round.
	 */
	static int fragmentDepth(Document document) {
		Map<String, FragmentDefinition> fragments = new HashMap<>();
		for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
			fragments.putIfAbsent(fragment.getName(), fragment);
		}
		Map<String, Integer> depths = new HashMap<>();
		inDependencyOrder(fragments, (name, fragment) -> {
			int deepest = 0;
			for (String spread : spreads(fragment.getSelectionSet())) {
				deepest = Math.max(deepest, depths.getOrDefault(spread, 0));
			}
			depths.put(name, deepest + 1);
		});
		return depths.values().stream().mapToInt(Integer::intValue).max().orElse(0);
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		var context = parameters.getExecutionContext();
		OperationDefinition operation = context.getOperationDefinition();
		GraphQLFieldsContainer root = switch (operation.getOperation()) {
			case MUTATION -> context.getGraphQLSchema().getMutationType();
			case SUBSCRIPTION -> context.getGraphQLSchema().getSubscriptionType();
			default -> context.getGraphQLSchema().getQueryType();
		};
		int rootFields = (int) operation.getSelectionSet()
			.getSelections()
			.stream()
			.filter(Field.class::isInstance)
			.count();
		Tally tally = measure(context.getGraphQLSchema(), context.getFragmentsByName(),
				context.getCoercedVariables().toMap(), operation.getSelectionSet(), root);
		refuseIf(tally.aliases() > limits.maxAliases(), "MAX_ALIASES",
				"the document has " + count(tally.aliases()) + " aliases", limits.maxAliases());
		refuseIf(rootFields > limits.maxRootFields(), "MAX_ROOT_FIELDS",
				"the operation has " + rootFields + " root fields", limits.maxRootFields());
		refuseIf(tally.depth() > limits.maxDepth(), "MAX_DEPTH", "the query nests " + tally.depth() + " levels deep",
				limits.maxDepth());
		refuseIf(tally.cost() > limits.maxCost(), "MAX_COST",
				"the query could ask for " + count(tally.cost()) + " objects", limits.maxCost());
		return super.beginExecuteOperation(parameters, state);
	}

	/** What an operation's selection set asks for, each fragment walked once. */
	Tally measure(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, Map<String, Object> variables,
			SelectionSet operation, GraphQLFieldsContainer root) {
		Walk walk = new Walk(schema, fragments, variables);
		walk.fragments();
		return walk.tally(operation, root);
	}

	private static String count(long value) {
		return value == Long.MAX_VALUE ? "more than " + (Long.MAX_VALUE - 1) : Long.toString(value);
	}

	private static void refuseIf(boolean over, String code, String what, int limit) {
		if (over) {
			GraphQLError error = GraphqlErrorBuilder.newError()
				.message(what + "; the limit is " + limit)
				.extensions(Map.of("code", code, "limit", limit))
				.build();
			throw new AbortExecutionException(List.of(error));
		}
	}

	/**
	 * What a selection set asks for, counted from its own level.
	 *
	 * @param depth the deepest field's level, 1 for the set's own fields (0: no field at
	 * all)
	 * @param cost the objects it asks for where it is asked once; where it is asked n
	 * times, n times that
	 * @param aliases its aliased fields, each fragment counted as often as it is spread
	 */
	record Tally(int depth, long cost, long aliases) {
		static final Tally NONE = new Tally(0, 0, 0);

	}

	static long add(long a, long b) {
		long sum = a + b;
		return sum < 0 ? Long.MAX_VALUE : sum;
	}

	static long multiply(long a, long b) {
		if (a == 0 || b == 0) {
			return 0;
		}
		return a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
	}

	/**
	 * Hands each fragment to the visitor after every fragment it spreads (a spread that
	 * closes a cycle, which validation refuses, is passed over): depth first, with a
	 * stack of its own rather than the call stack, as a chain of fragments may be
	 * thousands long.
	 */
	static void inDependencyOrder(Map<String, FragmentDefinition> fragments,
			BiConsumer<String, FragmentDefinition> visitor) {
		Set<String> done = new HashSet<>();
		Set<String> open = new HashSet<>();
		for (String start : fragments.keySet()) {
			if (done.contains(start)) {
				continue;
			}
			Deque<Map.Entry<String, Iterator<String>>> stack = new ArrayDeque<>();
			stack.push(Map.entry(start, spreads(fragments.get(start).getSelectionSet()).iterator()));
			open.add(start);
			while (!stack.isEmpty()) {
				var top = stack.peek();
				if (top.getValue().hasNext()) {
					String next = top.getValue().next();
					if (fragments.containsKey(next) && !done.contains(next) && open.add(next)) {
						stack.push(Map.entry(next, spreads(fragments.get(next).getSelectionSet()).iterator()));
					}
					continue;
				}
				stack.pop();
				visitor.accept(top.getKey(), fragments.get(top.getKey()));
				open.remove(top.getKey());
				done.add(top.getKey());
			}
		}
	}

	/** The fragments a selection set spreads, anywhere in it. */
	static Set<String> spreads(SelectionSet set) {
		Set<String> names = new LinkedHashSet<>();
		List<SelectionSet> pending = new ArrayList<>();
		pending.add(set);
		while (!pending.isEmpty()) {
			SelectionSet current = pending.remove(pending.size() - 1);
			if (current == null) {
				continue;
			}
			for (Selection<?> selection : current.getSelections()) {
				if (selection instanceof Field field) {
					pending.add(field.getSelectionSet());
				}
				else if (selection instanceof InlineFragment inline) {
					pending.add(inline.getSelectionSet());
				}
				else if (selection instanceof FragmentSpread spread) {
					names.add(spread.getName());
				}
			}
		}
		return names;
	}

	private final class Walk {

		private final GraphQLSchema schema;

		private final Map<String, FragmentDefinition> fragments;

		private final Map<String, Object> variables;

		/** Each fragment's tally, once walked. */
		private final Map<String, Tally> walked = new HashMap<>();

		Walk(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
			this.schema = schema;
			this.fragments = fragments;
			this.variables = variables;
		}

		/** Tallies every fragment once, each after the fragments it spreads. */
		void fragments() {
			inDependencyOrder(fragments, (name, fragment) -> walked.put(name,
					tally(fragment.getSelectionSet(), on(fragment.getTypeCondition().getName(), null))));
		}

		Tally tally(SelectionSet set, GraphQLFieldsContainer parent) {
			if (set == null) {
				return Tally.NONE;
			}
			int depth = 0;
			long cost = 0;
			long aliases = 0;
			for (Selection<?> selection : set.getSelections()) {
				Tally part;
				if (selection instanceof Field field) {
					part = field(field, parent);
				}
				else if (selection instanceof InlineFragment inline) {
					part = tally(inline.getSelectionSet(),
							on(inline.getTypeCondition() == null ? null : inline.getTypeCondition().getName(), parent));
				}
				else if (selection instanceof FragmentSpread spread) {
					part = walked.getOrDefault(spread.getName(), Tally.NONE);
				}
				else {
					continue;
				}
				depth = Math.max(depth, part.depth());
				cost = add(cost, part.cost());
				aliases = add(aliases, part.aliases());
			}
			return new Tally(depth, cost, aliases);
		}

		private GraphQLFieldsContainer on(String typeName, GraphQLFieldsContainer parent) {
			GraphQLType type = typeName == null ? null : schema.getType(typeName);
			return type instanceof GraphQLFieldsContainer container ? container : parent;
		}

		private Tally field(Field field, GraphQLFieldsContainer parent) {
			long aliases = field.getAlias() != null ? 1 : 0;
			GraphQLFieldDefinition definition = parent == null ? null : parent.getFieldDefinition(field.getName());
			if (definition == null || field.getSelectionSet() == null) {
				return new Tally(1, 0, aliases);
			}
			GraphQLOutputType type = definition.getType();
			long count = 1;
			if (field.getName().equals("edges")) {
				// A connection's edges: the connection's first argument counted them
				// already.
				count = 1;
			}
			else if (GraphQLTypeUtil.unwrapNonNull(type) instanceof GraphQLList) {
				count = listSize(field);
			}
			else if (field.getArguments().stream().anyMatch(a -> a.getName().equals("first"))) {
				// A connection: its edges are as many as asked for.
				count = listSize(field);
			}
			GraphQLType inner = GraphQLTypeUtil.unwrapAll(type);
			Tally below = tally(field.getSelectionSet(), inner instanceof GraphQLFieldsContainer c ? c : null);
			return new Tally(below.depth() + 1, add(count, multiply(count, below.cost())),
					add(aliases, below.aliases()));
		}

		private long listSize(Field field) {
			for (var argument : field.getArguments()) {
				if (!argument.getName().equals("first")) {
					continue;
				}
				if (argument.getValue() instanceof IntValue literal) {
					return Math.max(0, literal.getValue().longValue());
				}
				if (argument.getValue() instanceof VariableReference variable
						&& variables.get(variable.getName()) instanceof Number value) {
					return Math.max(0, value.longValue());
				}
			}
			return limits.listEstimate();
		}

	}

}
