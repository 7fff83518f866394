package uk.cin.trusted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the registry takes at start-up, and what stops the service, naming the file. */
class TrustedDocumentRegistryTest {

	static final GraphQLSchema SCHEMA = UnExecutableSchemaGenerator.makeUnExecutableSchema(
			new SchemaParser().parse("type Query { plan(id: ID!): Plan }  type Plan { id: ID! status: String }"));

	static TrustedDocuments registry(Map<String, String> files) {
		return new TrustedDocuments(
				files.entrySet()
					.stream()
					.collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getBytes(StandardCharsets.UTF_8))),
				SCHEMA);
	}

	@Test
	void aDocumentIsKnownByTheSha256OfItsText() {
		String text = "query Plan($id: ID!) {\n  plan(id: $id) {\n    ...Fields\n  }\n}\n"
				+ "fragment Fields on Plan {\n  id\n  status\n}\n";
		TrustedDocuments registry = registry(Map.of("mobile/Plan.graphql", text));
		// printf "$text" | sha256sum
		String id = "sha256:6f9970d02c18ee1e0fd1fbb6f0f89d40540839eaf4aec0f81b7aa0b710da0277";
		assertThat(registry.find(id)).hasValueSatisfying(d -> {
			assertThat(d.source()).isEqualTo("mobile/Plan.graphql");
			assertThat(d.operationName()).isEqualTo("Plan");
			assertThat(d.text()).isEqualTo(text);
		});
		assertThat(TrustedDocuments.idOf(text)).isEqualTo(id);
		assertThat(registry.isRegistered(text)).isTrue();
		assertThat(registry.isRegistered(text.strip())).isFalse();
		assertThat(registry.find(id.toUpperCase())).isEmpty();
	}

	@Test
	void theExampleOfTheGraphQlOverHttpAppendixHasItsPublishedId() {
		// Appendix A of GraphQL over HTTP gives this document (no trailing newline) and
		// its id.
		assertThat(TrustedDocuments.idOf("query ($id: ID!) {\n  user(id: $id) {\n    name\n  }\n}"))
			.isEqualTo("sha256:7dba4bd717b41f10434822356a93c32b1fb4907b983e854300ad839f84cdcd6e");
	}

	@Test
	void aFileThatIsNotOneNamedValidOperationStopsTheService() {
		assertThatThrownBy(() -> registry(
				Map.of("mobile/Two.graphql", "query A { plan(id: 1) { id } } query B { plan(id: 2) { id } }")))
			.hasMessageContaining("mobile/Two.graphql")
			.hasMessageContaining("exactly one named operation");
		assertThatThrownBy(() -> registry(Map.of("mobile/Anonymous.graphql", "{ plan(id: 1) { id } }")))
			.hasMessageContaining("mobile/Anonymous.graphql")
			.hasMessageContaining("named operation");
		assertThatThrownBy(() -> registry(Map.of("mobile/Typo.graphql", "query Typo { plan(id: 1) { idd } }")))
			.hasMessageContaining("mobile/Typo.graphql")
			.hasMessageContaining("not valid against the schema");
		assertThatThrownBy(() -> registry(Map.of("mobile/Broken.graphql", "query Broken { plan(")))
			.hasMessageContaining("mobile/Broken.graphql")
			.hasMessageContaining("not a GraphQL document");
		assertThatThrownBy(() -> registry(Map.of("a/One.graphql", "query One { plan(id: 1) { id } }", "b/One.graphql",
				"query One { plan(id: 1) { id } }")))
			.hasMessageContaining("a/One.graphql and b/One.graphql are the same document");
		assertThatThrownBy(
				() -> new TrustedDocuments(
						Map.of("mobile/Latin1.graphql",
								"query Caf\u00e9 { plan(id: 1) { id } }".getBytes(StandardCharsets.ISO_8859_1)),
						SCHEMA))
			.hasMessageContaining("mobile/Latin1.graphql is not UTF-8");
	}

}
