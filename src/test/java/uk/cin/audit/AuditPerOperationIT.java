package uk.cin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLObjectType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import uk.cin.CinApplication;
import uk.cin.api.Api;
import uk.cin.security.AuthorityScope;
import uk.cin.security.Caller;
import uk.cin.security.Role;
import uk.cin.security.TestTokens;

/**
 * The audit log says what it said when every field fetch of an audited record was noted:
 * the field-by-field mechanism runs here beside the service's own, over the same
 * executions, and its rows are written through the same insert under a marked operation
 * name. For each document the rows (action, operation, child, object type, object id,
 * fields) must be the same.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		classes = { CinApplication.class, AuditPerOperationIT.FieldByField.class })
@AutoConfigureHttpGraphQlTester
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditPerOperationIT {

	private static final String AUTHORITY = "camden";

	private static final String MARK = "fieldByField:";

	/**
	 * The audit as it was: every field fetch of an audited type noted, keyed here by
	 * operation name.
	 */
	@TestConfiguration
	static class FieldByField {

		static final Map<String, AuditTrail> TRAILS = new ConcurrentHashMap<>();

		private static final Set<String> AUDITED = Set.of("Child", "CinPlan", "Family", "Meeting", "Attendee");

		@Bean
		SimplePerformantInstrumentation fieldByFieldAudit() {
			return new SimplePerformantInstrumentation() {
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
						String operation = env.getOperationDefinition().getName();
						if (operation != null && env.getSource() instanceof Audited record) {
							TRAILS.computeIfAbsent(operation, o -> new AuditTrail()).read(record.auditSubject(), name);
						}
						return dataFetcher.get(env);
					};
				}
			};
		}

	}

	/** One row as compared: everything but when and by whom. */
	record Row(String action, String operation, UUID childId, String objectType, UUID objectId, List<String> fields) {
	}

	@Autowired
	HttpGraphQlTester autowired;

	/** Patient: the machine may be busy. */
	private HttpGraphQlTester tester;

	@Autowired
	AuditLog audit;

	@Autowired
	AuthorityScope scope;

	@Autowired
	DatabaseClient db;

	private final Map<String, Object> ids = new HashMap<>();

	@BeforeAll
	void twoFamiliesWithPlansMeetingsAndAttendees() {
		tester = autowired.mutate().responseTimeout(Duration.ofSeconds(60)).build();
		Api api = new Api(tester);
		for (int f = 0; f < 2; f++) {
			String family = api.createFamily(AUTHORITY, "Compared " + f);
			ids.put("family" + f, family);
			for (int c = 0; c < 2; c++) {
				String child = api.addChild(family, "C" + f + c, c == 1);
				ids.put("child" + f + c, child);
				String plan = api.openPlan(child, "AFTER_ASSESSMENT", "2026-09-01", "2026-10-01");
				ids.put("plan" + f + c, plan);
				Map<String, Object> meeting = api.recordMeeting(Map.of("planId", plan, "kind", "PLANNING", "heldOn",
						"2026-10-14", "chairRole", "TEAM_MANAGER", "attendees",
						List.of(Map.of("name", "A", "role", "GP"), Map.of("name", "B", "role", "School"))));
				@SuppressWarnings("unchecked")
				String meetingId = (String) ((Map<String, Object>) meeting.get("meeting")).get("id");
				ids.put("meeting" + f + c, meetingId);
			}
		}
	}

	@Test
	void aPlansPageWithChildFamilyMeetingsAndAttendees() {
		compare("PlansPage", """
				query PlansPage { plans(filter: {authorityCode: "camden"}, first: 30) { totalCount edges { node {
				  id status nextReviewDue(asOf: "2026-11-01") isOverdue(asOf: "2026-11-01")
				  deadlines(asOf: "2026-11-01", includeMet: true) { kind dueDate meeting { id heldOn } }
				  child { givenName dateOfBirth family { name children { id givenName } } siblings { id } }
				  meetings { id kind heldOn attendees { name role } }
				} } }
				  open: plans(filter: {authorityCode: "camden", status: OPEN}, first: 5) { edges { node {
				  referralDate child { id } } } } }""", Map.of());
	}

	@Test
	void aMeetingByNodeWithItsAttendees() {
		compare("NodeMeeting", """
				query NodeMeeting($id: ID!) { node(id: $id) { id __typename ... on Meeting { kind heldOn
				  attendees { name attended } plan { status child { familyName } } } } }""",
				Map.of("id", ids.get("meeting01")));
	}

	@Test
	void aNodeOfEitherType() {
		String document = """
				query NodeEither($id: ID!) { node(id: $id) { id ... on Family { name } ... on Child { givenName }
				  ... on Node { __typename } } }""";
		compare("NodeEither", document, Map.of("id", ids.get("family1")));
	}

	@Test
	void aFamilyWithItsChildren() {
		compare("FamilyChildren", """
				query FamilyChildren($id: ID!) { family(id: $id) { name team children { givenName dateOfBirth
				  plans { status meetings { heldOn } } currentPlan { referralDate } } } }""",
				Map.of("id", ids.get("family0")));
	}

	@Test
	void fragmentsNamedAndInline() {
		compare("Fragments", """
				query Fragments($id: ID!) { child(id: $id) { ...Who family { ...Fam } plans { ...Plan } } }
				fragment Who on Child { givenName }
				fragment Fam on Family { name children { ...Who dateOfBirth } }
				fragment Plan on CinPlan { status child { ...Who disabled }
				  ... on CinPlan { meetings { attendees { name } } } }""", Map.of("id", ids.get("child00")));
	}

	@Test
	void aliasesAndOneRecordReadTwice() {
		compare("Aliases", """
				query Aliases($a: ID!, $b: ID!, $c: ID!) { first: child(id: $a) { n: givenName d: dateOfBirth }
				  second: child(id: $b) { n: familyName } again: child(id: $a) { disabled x: id }
				  p: plan(id: $c) { s: status } }""",
				Map.of("a", ids.get("child00"), "b", ids.get("child11"), "c", ids.get("plan10")));
	}

	@Test
	void skipAndInclude() {
		compare("Skips", """
				query Skips($yes: Boolean!, $no: Boolean!, $id: ID!) { child(id: $id) {
				  givenName @skip(if: $yes) familyName @include(if: $yes) dateOfBirth @include(if: $no)
				  family @skip(if: $no) { name } plans { id status @include(if: $no) }
				  ... @include(if: $no) { disabled } ...More @skip(if: $no) } }
				fragment More on Child { siblings { givenName @skip(if: true) id } currentPlan { closedOn } }""",
				Map.of("yes", true, "no", false, "id", ids.get("child10")));
	}

	@Test
	void aMutationReadingBack() {
		compare("RecordReadBack", """
				mutation RecordReadBack($in: RecordMeetingInput!) { recordMeeting(input: $in) {
				  meeting { id heldOn attendees { name } plan { child { givenName } } }
				  plan { status } userErrors { code } } }""",
				Map.of("in", Map.of("planId", ids.get("plan11"), "kind", "REVIEW", "heldOn", "2026-11-20", "chairRole",
						"TEAM_MANAGER", "attendees", List.of(Map.of("name", "C", "role", "Nurse")))));
	}

	@Test
	void namesWithheldFromAnAnalystAreStillAuditedAsRead() {
		HttpGraphQlTester analyst = tester.mutate()
			.header(HttpHeaders.AUTHORIZATION,
					TestTokens.bearer(TestTokens.token(AUTHORITY, Role.BI_ANALYST, Duration.ofMinutes(5), "a")))
			.build();
		compare(analyst, "Analyst", """
				query Analyst($id: ID!) { family(id: $id) { name children { givenName dateOfBirth
				  plans { status } } } }""", Map.of("id", ids.get("family1")));
	}

	private void compare(String operation, String document, Map<String, Object> variables) {
		compare(Api.as(tester, AUTHORITY), operation, document, variables);
	}

	private void compare(HttpGraphQlTester as, String operation, String document, Map<String, Object> variables) {
		long since = scope
			.mono(AUTHORITY,
					db.sql("select coalesce(max(id), 0) as id from audit.audit_event")
						.map(r -> r.get("id", Long.class))
						.one())
			.block();
		GraphQlTester.Request<?> request = as.document(document);
		for (Map.Entry<String, Object> v : variables.entrySet()) {
			request = request.variable(v.getKey(), v.getValue());
		}
		request.execute()
			.errors()
			.satisfy(errors -> assertThat(errors)
				.allSatisfy(e -> assertThat(e.getExtensions()).containsEntry("code", "REDACTED")));
		AuditTrail then = FieldByField.TRAILS.remove(operation);
		assertThat(then).as("the field-by-field audit saw %s", operation).isNotNull();
		Caller caller = TestTokens.managerCaller(AUTHORITY);
		scope.mono(AUTHORITY, audit.reads(caller, MARK + operation, then.drain())).block();

		List<Row> now = rows(operation, since);
		List<Row> before = rows(MARK + operation, since).stream()
			.map(r -> new Row(r.action(), operation, r.childId(), r.objectType(), r.objectId(), r.fields()))
			.toList();
		assertThat(before).as("rows written field by field").isNotEmpty();
		assertThat(now).as("rows written for %s", operation).containsExactlyInAnyOrderElementsOf(before);
	}

	private List<Row> rows(String operation, long since) {
		return scope
			.mono(AUTHORITY,
					db.sql("select action, operation, child_id, object_type, object_id,"
							+ " array_to_string(fields, ',') as fields from audit.audit_event where operation = :op"
							+ " and action = 'READ' and id > :since")
						.bind("op", operation)
						.bind("since", since)
						.map(r -> new Row(r.get("action", String.class), r.get("operation", String.class),
								r.get("child_id", UUID.class), r.get("object_type", String.class),
								r.get("object_id", UUID.class), List.of(r.get("fields", String.class).split(","))))
						.all()
						.collectList())
			.block();
	}

}
