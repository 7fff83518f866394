package uk.cin.authority;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester.Response;
import uk.cin.ControllerSlice;

/**
 * AuthorityController over the packs it is given (here only the test pack, wessex): each
 * authority's fields come from its pack.
 */
class AuthorityControllerTest extends ControllerSlice {

	@Test
	void authoritiesAreThePacksGivenWithTheirRules() {
		Response response = graphQl.documentName("authorities").execute();

		response.path("authorities[*].code").entityList(String.class).containsExactly(AUTHORITY);
		response.path("authorities[0].name").entity(String.class).isEqualTo("Wessex (test authority)");
		response.path("authorities[0].calendar").entity(String.class).isEqualTo("Scotland");
		response.path("authorities[0].policyVersion").entity(String.class).isEqualTo("test-1");
		response.path("authorities[0].rules[0].id").entity(String.class).isEqualTo("WES-01");
		response.path("authorities[0].rules[0].summary")
			.entity(String.class)
			.isEqualTo("Initial meeting within 5 working days of the trigger");
		response.path("authorities[0].rules[*].id")
			.entityList(String.class)
			.satisfies(ids -> assertThat(ids).hasSizeGreaterThan(1).allMatch(id -> id.startsWith("WES-")));
	}

}
