package uk.cin.api;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.GraphQlSource;
import uk.cin.mutation.Mutations;
import uk.cin.security.Role;
import uk.cin.security.TestTokens;

/**
 * Every userError names a real field of its mutation's input (checked against the
 * schema), with the code of the refusal: one or more refusals of each kind each mutation
 * makes, by input check, access and policy. The field a policy problem is reported at is
 * the input's own: closing a plan before its last meeting names closedOn, not the
 * meeting's heldOn, which closePlan's input does not have.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UserErrorPathsIT {

	@Autowired
	GraphQlSource graphQl;

	@LocalServerPort
	int port;

	/** Each refusal seen: the mutation and its userError. */
	private final List<Object[]> seen = new ArrayList<>();

	private Map<String, Object> mutate(String token, String mutation, Map<String, Object> input, String selection) {
		String type = Character.toUpperCase(mutation.charAt(0)) + mutation.substring(1) + "Input";
		Map<String, Object> answer = new RawGraphQl(port, token).post("mutation($in: " + type + "!) { " + mutation
				+ "(input: $in) { " + selection + " userErrors { field message code } } }", Map.of("in", input));
		assertThat(RawGraphQl.errors(answer)).as(mutation).isEmpty();
		@SuppressWarnings("unchecked")
		Map<String, Object> payload = (Map<String, Object>) StrictDatesIT.path(answer, "data", mutation);
		return payload;
	}

	private String created(String mutation, Map<String, Object> input, String object) {
		Map<String, Object> payload = mutate(TestTokens.manager("camden"), mutation, input, object + " { id }");
		assertThat(Api.errors(payload)).as(mutation).isEmpty();
		@SuppressWarnings("unchecked")
		String id = (String) ((Map<String, Object>) payload.get(object)).get("id");
		return id;
	}

	/** Runs a mutation that must be refused with this code at this field. */
	private void refused(String token, String mutation, Map<String, Object> input, String code, Object... field) {
		Map<String, Object> payload = mutate(token, mutation, input, "");
		List<Map<String, Object>> errors = Api.errors(payload);
		assertThat(errors).as("%s refused with %s", mutation, code).isNotEmpty();
		errors.forEach(error -> seen.add(new Object[] { mutation, error }));
		assertThat(errors).as(mutation).anySatisfy(error -> {
			assertThat(error.get("code")).isEqualTo(code);
			assertThat(error.get("field")).isEqualTo(List.of(field));
		});
	}

	private void refused(String mutation, Map<String, Object> input, String code, Object... field) {
		refused(TestTokens.manager("camden"), mutation, input, code, field);
	}

	private static Map<String, Object> with(Map<String, Object> input, Object... keysAndValues) {
		Map<String, Object> changed = new HashMap<>(input);
		for (int i = 0; i < keysAndValues.length; i += 2) {
			changed.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return changed;
	}

	@Test
	void everyRefusalNamesARealFieldOfItsInput() {
		Map<String, Object> family = Map.of("authorityCode", "camden", "name", "Paths", "team", "team-a");
		String familyId = created("createFamily", family, "family");
		refused("createFamily", with(family, "name", "  "), "INVALID", "input", "name");
		refused("createFamily", with(family, "authorityCode", "nowhere"), "NOT_FOUND", "input", "authorityCode");
		refused("createFamily", with(family, "team", "team/a"), "INVALID", "input", "team");
		refused("createFamily", with(family, "authorityCode", "derby"), "FORBIDDEN", "input", "authorityCode");
		refused("createFamily", with(family, "clientMutationId", ""), "INVALID", "input", "clientMutationId");

		Map<String, Object> child = Map.of("familyId", familyId, "givenName", "Ada", "familyName", "Paths");
		String childId = created("addChild", child, "child");
		refused("addChild", with(child, "familyId", "not-an-id"), "INVALID_ID", "input", "familyId");
		refused("addChild", with(child, "familyId", childId), "WRONG_ID_TYPE", "input", "familyId");
		refused("addChild", with(child, "familyId", GlobalId.of(GlobalId.NodeType.Family, UUID.randomUUID())),
				"NOT_FOUND", "input", "familyId");
		refused("addChild", with(child, "dateOfBirth", "2099-01-01"), "INVALID", "input", "dateOfBirth");
		refused("addChild", with(child, "givenName", " "), "INVALID", "input", "givenName");

		Map<String, Object> plan = Map.of("childId", childId, "startReason", "AFTER_ASSESSMENT", "referralDate",
				"2026-09-01", "triggerDate", "2026-10-01");
		String planId = created("openPlan", plan, "plan");
		refused("openPlan", plan, "PLAN_ALREADY_OPEN", "input", "childId");
		String second = created("addChild", with(child, "givenName", "Ben"), "child");
		Map<String, Object> secondPlan = with(plan, "childId", second);
		refused("openPlan", with(secondPlan, "triggerDate", "2026-08-01"), "TRIGGER_BEFORE_REFERRAL", "input",
				"triggerDate");
		refused("openPlan", with(secondPlan, "referralDate", "2099-01-01"), "INVALID", "input", "referralDate");
		refused("openPlan", with(secondPlan, "visitFrequencyWorkingDays", 0), "INVALID", "input",
				"visitFrequencyWorkingDays");

		Map<String, Object> meeting = Map.of("planId", planId, "kind", "PLANNING", "heldOn", "2026-10-14", "chairRole",
				"TEAM_MANAGER");
		refused("recordMeeting", with(meeting, "heldOn", "2026-08-01"), "DATE_BEFORE_REFERRAL", "input", "heldOn");
		refused("recordMeeting",
				with(meeting, "attendees",
						List.of(Map.of("name", "Dr Lee", "role", "GP"), Map.of("name", " ", "role", "School"))),
				"INVALID", "input", "attendees", "1", "name");
		refused("recordMeeting", with(meeting, "planId", GlobalId.of(GlobalId.NodeType.CinPlan, UUID.randomUUID())),
				"NOT_FOUND", "input", "planId");
		created("recordMeeting", meeting, "meeting");
		Map<String, Object> review = Map.of("planId", planId, "kind", "REVIEW", "heldOn", "2026-11-10", "chairRole",
				"TEAM_MANAGER");
		refused("recordMeeting", with(review, "nextReviewDate", "2027-06-01"), "NEXT_DATE_OVER_LIMIT", "input",
				"nextReviewDate");

		Map<String, Object> event = Map.of("planId", planId, "kind", "PLAN_DISTRIBUTED", "occurredOn", "2026-10-20");
		refused("recordPlanEvent", with(event, "meetingId", GlobalId.of(GlobalId.NodeType.Meeting, UUID.randomUUID())),
				"NOT_FOUND", "input", "meetingId");
		refused("recordPlanEvent", with(event, "occurredOn", "2026-08-20"), "DATE_BEFORE_REFERRAL", "input",
				"occurredOn");

		Map<String, Object> visit = Map.of("planId", planId, "visitedOn", "2026-10-20", "childSeen", true, "seenAlone",
				false);
		refused("recordVisit", with(visit, "visitedOn", "2026-08-20"), "DATE_BEFORE_REFERRAL", "input", "visitedOn");
		refused("recordVisit", with(visit, "visitedOn", "2099-08-20"), "INVALID", "input", "visitedOn");

		Map<String, Object> close = Map.of("planId", planId, "closedOn", "2026-10-10");
		// Closed before the meeting held on 14 October: the input's own date is named.
		refused("closePlan", close, "MEETING_AFTER_CLOSURE", "input", "closedOn");
		refused(TestTokens.token("camden", Role.SOCIAL_WORKER, Duration.ofHours(1), "team-a"), "closePlan",
				with(close, "closedOn", "2026-11-20"), "FORBIDDEN", "input", "planId");
		created("closePlan", with(close, "closedOn", "2026-11-20"), "plan");
		refused("closePlan", with(close, "closedOn", "2026-11-21"), "PLAN_CLOSED", "input", "planId");

		String stepDown = created("openPlan", with(secondPlan, "startReason", "STEP_DOWN_FROM_CHILD_PROTECTION"),
				"plan");
		refused("closePlan", Map.of("planId", stepDown, "closedOn", "2026-10-20"), "CLOSED_BEFORE_MINIMUM", "input",
				"closedOn");

		String replayed = UUID.randomUUID().toString();
		created("createFamily", with(family, "clientMutationId", replayed), "family");
		refused("createFamily", with(family, "name", "Another", "clientMutationId", replayed),
				Mutations.IDEMPOTENCY_KEY_REUSED, "input", "clientMutationId");

		GraphQLSchema schema = graphQl.schema();
		for (Object[] refusal : seen) {
			String mutation = (String) refusal[0];
			@SuppressWarnings("unchecked")
			Map<String, Object> error = (Map<String, Object>) refusal[1];
			@SuppressWarnings("unchecked")
			List<Object> field = (List<Object>) error.get("field");
			GraphQLInputType input = schema.getMutationType()
				.getFieldDefinition(mutation)
				.getArgument("input")
				.getType();
			assertThat(realField(input, field)).as("%s %s names %s", mutation, error.get("code"), field).isTrue();
		}
	}

	/**
	 * Whether {@code ["input", name, (index, name)...]} names a field of the input type.
	 */
	private static boolean realField(GraphQLInputType input, List<Object> field) {
		if (field.size() < 2 || !"input".equals(field.get(0))) {
			return false;
		}
		GraphQLType type = input;
		for (Object step : field.subList(1, field.size())) {
			GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
			if (bare instanceof GraphQLList list) {
				if (!String.valueOf(step).matches("[0-9]+")) {
					return false;
				}
				type = list.getWrappedType();
				continue;
			}
			if (!(bare instanceof GraphQLInputObjectType object)) {
				return false;
			}
			GraphQLInputObjectField inner = object.getField(String.valueOf(step));
			if (inner == null) {
				return false;
			}
			type = inner.getType();
		}
		return true;
	}

}
