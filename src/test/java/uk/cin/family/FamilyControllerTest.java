package uk.cin.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester.Response;
import reactor.core.publisher.Mono;
import uk.cin.ControllerSlice;
import uk.cin.api.ApiException;
import uk.cin.api.GlobalId;
import uk.cin.api.GlobalId.NodeType;
import uk.cin.api.UserError;
import uk.cin.family.FamilyService.AddChildInput;
import uk.cin.family.FamilyService.AddChildPayload;
import uk.cin.family.FamilyService.CreateFamilyInput;
import uk.cin.family.FamilyService.CreateFamilyPayload;

/**
 * FamilyController with FamilyService mocked: each argument reaches the service as sent,
 * each payload field comes from the service's result.
 */
class FamilyControllerTest extends ControllerSlice {

	private static final UUID FAMILY = UUID.fromString("3f0c1c7e-2a55-4f6e-9a53-7d1f0a1b2c3d");

	private static final UUID CHILD = UUID.fromString("8b2d4e6f-1a3c-4b5d-8e7f-9a0b1c2d3e4f");

	private final Family family = new Family(FAMILY, AUTHORITY, "team-b", "Okafor");

	@Test
	void createFamilyHandsTheInputOnAndShowsTheFamilyTheServiceWrote() {
		CreateFamilyInput expected = new CreateFamilyInput(AUTHORITY, "Okafor", "team-b", "cm-1");
		when(families.createFamily(expected)).thenReturn(Mono.just(new CreateFamilyPayload(family, List.of(), "cm-1")));

		Response response = send("createFamily",
				Map.of("authorityCode", AUTHORITY, "name", "Okafor", "team", "team-b", "clientMutationId", "cm-1"));

		response.path("createFamily.family.id").entity(String.class).isEqualTo(GlobalId.of(NodeType.Family, FAMILY));
		response.path("createFamily.family.name").entity(String.class).isEqualTo("Okafor");
		response.path("createFamily.family.team").entity(String.class).isEqualTo("team-b");
		response.path("createFamily.family.authority.code").entity(String.class).isEqualTo(AUTHORITY);
		response.path("createFamily.family.authority.name").entity(String.class).isEqualTo("Wessex (test authority)");
		response.path("createFamily.userErrors").entityList(Object.class).hasSize(0);
		response.path("createFamily.clientMutationId").entity(String.class).isEqualTo("cm-1");
		verify(families).createFamily(expected);
	}

	@Test
	void createFamilyRefusedShowsTheServicesUserErrorsAndNoFamily() {
		UserError refusal = UserError.of(ApiException.NOT_FOUND, "no such authority", "input", "authorityCode");
		when(families.createFamily(any())).thenReturn(Mono.just(new CreateFamilyPayload(null, List.of(refusal), null)));

		Response response = send("createFamily", Map.of("authorityCode", "atlantis", "name", "Okafor"));

		response.path("createFamily.family").valueIsNull();
		assertOnlyUserError(response, "createFamily", refusal);
		response.path("createFamily.clientMutationId").valueIsNull();
		verify(families).createFamily(new CreateFamilyInput("atlantis", "Okafor", null, null));
	}

	@Test
	void addChildParsesTheDateAndTakesTheSchemasDefaultForDisabled() {
		String familyId = GlobalId.of(NodeType.Family, FAMILY);
		AddChildInput expected = new AddChildInput(familyId, "Ada", "Okafor", LocalDate.of(2015, 3, 1), false, null);
		Child child = new Child(CHILD, FAMILY, AUTHORITY, "team-b", "Ada", "Okafor", LocalDate.of(2015, 3, 1), true);
		when(families.addChild(expected)).thenReturn(Mono.just(new AddChildPayload(child, List.of(), null)));

		Response response = send("addChild",
				Map.of("familyId", familyId, "givenName", "Ada", "familyName", "Okafor", "dateOfBirth", "2015-03-01"));

		response.path("addChild.child.id").entity(String.class).isEqualTo(GlobalId.of(NodeType.Child, CHILD));
		response.path("addChild.child.givenName").entity(String.class).isEqualTo("Ada");
		response.path("addChild.child.dateOfBirth").entity(String.class).isEqualTo("2015-03-01");
		// From the service's child, not the input.
		response.path("addChild.child.disabled").entity(Boolean.class).isEqualTo(true);
		response.path("addChild.userErrors").entityList(Object.class).hasSize(0);
		verify(families).addChild(expected);
	}

	@Test
	void addChildRefusedShowsWhereTheInputWasWrong() {
		UserError refusal = UserError.of(ApiException.INVALID, "must not be in the future", "input", "dateOfBirth");
		when(families.addChild(any())).thenReturn(Mono.just(new AddChildPayload(null, List.of(refusal), "cm-9")));

		Response response = send("addChild", Map.of("familyId", GlobalId.of(NodeType.Family, FAMILY), "givenName",
				"Ada", "familyName", "Okafor", "dateOfBirth", "2099-01-01", "clientMutationId", "cm-9"));

		response.path("addChild.child").valueIsNull();
		assertOnlyUserError(response, "addChild", refusal);
		response.path("addChild.clientMutationId").entity(String.class).isEqualTo("cm-9");
	}

	@Test
	void familyIsLookedUpByTheIdsUuidWithItsChildrenInOneBatch() {
		Child ada = new Child(CHILD, FAMILY, AUTHORITY, "team-b", "Ada", "Okafor", null, false);
		when(families.family(FAMILY)).thenReturn(Mono.just(family));
		when(families.childrenOf(anyList())).thenReturn(Mono.just(Map.of(family, List.of(ada))));

		Response response = graphQl.documentName("family")
			.variable("id", GlobalId.of(NodeType.Family, FAMILY))
			.execute();

		response.path("family.id").entity(String.class).isEqualTo(GlobalId.of(NodeType.Family, FAMILY));
		response.path("family.name").entity(String.class).isEqualTo("Okafor");
		response.path("family.authority.code").entity(String.class).isEqualTo(AUTHORITY);
		response.path("family.children[0].id").entity(String.class).isEqualTo(GlobalId.of(NodeType.Child, CHILD));
		response.path("family.children[0].givenName").entity(String.class).isEqualTo("Ada");
		verify(families).family(FAMILY);
		verify(families).childrenOf(List.of(family));
	}

	@Test
	void aMalformedIdOrAnIdOfAnotherTypeIsACodedErrorAndNeverReachesTheService() {
		graphQl.documentName("family").variable("id", "not-an-id").execute().errors().satisfy(errors -> {
			assertThat(errors).hasSize(1);
			assertThat(errors.get(0).getExtensions()).containsEntry("code", ApiException.INVALID_ID);
			assertThat(errors.get(0).getPath()).isEqualTo("family");
		});
		graphQl.documentName("family")
			.variable("id", GlobalId.of(NodeType.Child, CHILD))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", ApiException.WRONG_ID_TYPE)));
		verifyNoInteractions(families);
	}

	private Response send(String document, Map<String, Object> input) {
		return graphQl.documentName(document).variable("input", input).execute();
	}

}
