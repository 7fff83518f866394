package uk.cin.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.parser.ParserOptions;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.TypeResolver;
import graphql.schema.idl.InterfaceWiringEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnionWiringEnvironment;
import graphql.schema.idl.WiringFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.cin.config.Limits;

/**
 * The limits walk, on the served schema without a database: what it counts, and that a
 * document whose fragments spread each other over and over costs it no more than its
 * length.
 */
class QueryLimitsTest {

	private static GraphQLSchema schema;

	@BeforeAll
	static void schema() throws IOException {
		TypeResolver none = env -> null;
		WiringFactory resolvers = new WiringFactory() {
			@Override
			public boolean providesTypeResolver(InterfaceWiringEnvironment environment) {
				return true;
			}

			@Override
			public TypeResolver getTypeResolver(InterfaceWiringEnvironment environment) {
				return none;
			}

			@Override
			public boolean providesTypeResolver(UnionWiringEnvironment environment) {
				return true;
			}

			@Override
			public TypeResolver getTypeResolver(UnionWiringEnvironment environment) {
				return none;
			}
		};
		RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring().wiringFactory(resolvers);
		for (String scalar : List.of("Date", "DateTime")) {
			wiring.scalar(GraphQLScalarType.newScalar().name(scalar).coercing(new Coercing<Object, Object>() {
			}).build());
		}
		schema = new SchemaGenerator().makeExecutableSchema(
				new SchemaParser().parse(Files.readString(Path.of("schema/cin.graphqls"))), wiring.build());
	}

	private static ExecutionResult run(Limits limits, String document) {
		GraphQL graphQl = GraphQL.newGraphQL(schema).instrumentation(new QueryLimits(limits)).build();
		return graphQl.execute(ExecutionInput.newExecutionInput(document));
	}

	/**
	 * The refusal (an error naming a limit), or null when the document passes the limits.
	 */
	private static GraphQLError refusal(Limits limits, String document) {
		List<GraphQLError> errors = run(limits, document).getErrors();
		assertThat(errors).allSatisfy(error -> assertThat(error.getErrorType().toString()).as(error.getMessage())
			.isNotEqualTo("ValidationError"));
		return errors.stream()
			.filter(error -> error.getExtensions() != null && error.getExtensions().containsKey("limit"))
			.findFirst()
			.orElse(null);
	}

	private static Limits limits(int maxDepth, int maxCost, int maxAliases) {
		return new Limits(maxDepth, maxCost, 10, maxAliases, 10, 0, null, 0);
	}

	private static final Limits DEFAULTS = new Limits(0, 0, 0, 0, 0, 0, null, 0);

	/**
	 * Fragment i spreads fragment i + 1 twice, for the levels given; the last one holds
	 * {@code last}.
	 */
	static String fanOut(int levels, String last) {
		return fanOut(levels, "Query", i -> "...F" + (i + 1) + " ...F" + (i + 1), last, "query { ...F0 }");
	}

	private static String fanOut(int levels, String type, IntFunction<String> body, String last, String operation) {
		return operation + IntStream.range(0, levels)
			.mapToObj(i -> " fragment F" + i + " on " + type + " { " + body.apply(i) + " }")
			.collect(Collectors.joining()) + " fragment F" + levels + " on " + type + " { " + last + " }";
	}

	@Test
	void aFragmentSpreadTwiceAtEachOfTwentySixLevelsIsWalkedOnce() {
		// Following every spread again makes 2^26 visits: half a minute of CPU. Walked
		// once, milliseconds.
		ExecutionResult answered = assertTimeoutPreemptively(Duration.ofSeconds(5),
				() -> run(DEFAULTS, fanOut(26, "__typename")));
		assertThat(answered.getErrors()).isEmpty();
		assertThat(answered.<Map<String, Object>>getData()).containsEntry("__typename", "Query");
		// Every spread still counts: one alias at the bottom is 2^26 aliases.
		GraphQLError aliased = assertTimeoutPreemptively(Duration.ofSeconds(5),
				() -> refusal(DEFAULTS, fanOut(26, "a: __typename")));
		assertThat(aliased.getExtensions()).containsEntry("code", "MAX_ALIASES");
		assertThat(aliased.getMessage()).startsWith("the document has " + (1L << 26) + " aliases");
	}

	@Test
	void countsThatWouldOverflowSaturate() {
		// 2^80 spreads of a list of ten, and 2^80 aliases: more than a long holds, still
		// refused.
		Limits deepFragments = new Limits(0, 0, 0, 0, 0, 0, null, 100);
		GraphQLError cost = assertTimeoutPreemptively(Duration.ofSeconds(5),
				() -> refusal(deepFragments, fanOut(80, "authorities { code }")));
		assertThat(cost.getExtensions()).containsEntry("code", "MAX_COST");
		assertThat(cost.getMessage()).startsWith("the query could ask for more than " + (Long.MAX_VALUE - 1));
		GraphQLError aliases = refusal(deepFragments, fanOut(80, "a: __typename"));
		assertThat(aliases.getExtensions()).containsEntry("code", "MAX_ALIASES");
		assertThat(aliases.getMessage()).startsWith("the document has more than " + (Long.MAX_VALUE - 1));
	}

	@Test
	void aSpreadCountsItsFragmentTimesTheListItIsIn() {
		// A = plans 5, edges 5, nodes 5, their meetings 5 x 10 = 65 objects; B spreads it
		// under 3 plans' children.
		String document = "{ ...A p: plans(first: 3) { edges { node { child { ...B } } } } }"
				+ " fragment A on Query { plans(first: 5) { edges { node { meetings { id } } } } }"
				+ " fragment B on Child { plans { id } family { id } }";
		// Root: A (65) + plans 3 + edges 3 + nodes 3 + children 3 + B under each child
		// (plans 10, family 1) x 3.
		GraphQLError refused = refusal(limits(0, 1, 0), document);
		assertThat(refused.getExtensions()).containsEntry("code", "MAX_COST");
		assertThat(refused.getMessage()).startsWith("the query could ask for " + (65 + 12 + 33) + " objects");
	}

	@Test
	void aFragmentsDepthCountsFromWhereItIsSpread() {
		String document = "{ plans { edges { node { ...C } } } family(id: \"x\") { ...D } }"
				+ " fragment C on CinPlan { child { family { name } } }" + " fragment D on Family { name }";
		GraphQLError refused = refusal(limits(1, 0, 0), document);
		assertThat(refused.getExtensions()).containsEntry("code", "MAX_DEPTH");
		// plans, edges, node, child, family, name.
		assertThat(refused.getMessage()).startsWith("the query nests 6 levels deep");
		assertThat(refusal(limits(6, 0, 0), document)).isNull();
	}

	static String chain(int fragments) {
		return fanOut(fragments - 1, "Query", i -> "...F" + (i + 1), "__typename", "query { ...F0 }");
	}

	@Test
	void aLongChainOfFragmentsIsRefusedBeforeValidationFollowsIt() {
		// 1,850 fragments fit in the parser's 15,000 tokens; graphql-java's validation
		// follows the chain on the call stack and overflows it. Refused before
		// validation, with its code.
		GraphQLError refused = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> refusal(DEFAULTS, chain(1_850)));
		assertThat(refused.getExtensions()).containsEntry("code", "MAX_FRAGMENT_DEPTH").containsEntry("limit", 50);
		assertThat(refused.getMessage()).startsWith("fragments spread each other 1850 deep");
		// Fifty fragments deep is allowed, and answered.
		ExecutionResult fifty = run(DEFAULTS, chain(50));
		assertThat(fifty.getErrors()).isEmpty();
		assertThat(fifty.<Map<String, Object>>getData()).containsEntry("__typename", "Query");
		// The check itself does not recurse: a chain of 5,000 (past the parser's default
		// limits) is refused too.
		ParserOptions roomy = ParserOptions.newParserOptions()
			.maxTokens(1_000_000)
			.maxWhitespaceTokens(1_000_000)
			.maxCharacters(10_000_000)
			.build();
		ParserOptions before = ParserOptions.getDefaultOperationParserOptions();
		ParserOptions.setDefaultOperationParserOptions(roomy);
		try {
			assertThat(refusal(DEFAULTS, chain(5_000)).getExtensions()).containsEntry("code", "MAX_FRAGMENT_DEPTH");
		}
		finally {
			ParserOptions.setDefaultOperationParserOptions(before);
		}
	}

}
