package uk.cin.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import uk.cin.api.Api;
import uk.cin.api.GlobalId;
import uk.cin.localdb.TestDatabase;

/**
 * The generator writes into the service's own database, under row-level security, plans
 * the API then serves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class GenerateCommandIT {

	@Autowired
	GenerateCommand command;

	@Autowired
	HttpGraphQlTester tester;

	@Value("${spring.liquibase.url}")
	String jdbcUrl;

	@Test
	void generatedFamiliesAreStoredAndServed() throws Exception {
		long seed = System.nanoTime();
		Map<String, Long> before = counts();
		GenerateCommand.Generated generated = command.generate(new GenerateCommand.Request(30, seed));
		Map<String, Long> after = counts();

		assertThat(generated.families()).isEqualTo(30);
		assertThat(after.get("family") - before.get("family")).isEqualTo(30);
		assertThat(after.get("child") - before.get("child")).isEqualTo(generated.children());
		assertThat(after.get("cin_plan") - before.get("cin_plan")).isEqualTo(generated.plans());
		assertThat(generated.plans()).isGreaterThanOrEqualTo(generated.children());
		assertThat(after.get("meeting")).isGreaterThan(before.get("meeting"));
		assertThat(after.get("plan_deadline")).isGreaterThan(before.get("plan_deadline"));

		// The smallest share (nottinghamshire: 2 of 30) is served like any plan: with its
		// child and its deadlines.
		String planId;
		try (Connection owner = TestDatabase.start().superuser();
				Statement statement = owner.createStatement();
				ResultSet rows = statement.executeQuery("select p.id from cin_plan p join child c on c.id = p.child_id"
						+ " join family f on f.id = c.family_id where f.authority_code = 'nottinghamshire'"
						+ " and p.status = 'OPEN' order by p.created_at desc limit 1")) {
			assertThat(rows.next()).isTrue();
			planId = GlobalId.of(GlobalId.NodeType.CinPlan, UUID.fromString(rows.getString(1)));
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> plan = Api.as(tester, "nottinghamshire")
			.document(
					"""
							query($id: ID!) { node(id: $id) { ... on CinPlan { id status nextReviewDue isOverdue
							    child { givenName family { authority { code } team } } deadlines { kind dueDate status } } } }""")
			.variable("id", planId)
			.execute()
			.path("node")
			.entity(Map.class)
			.get();
		assertThat(plan.get("status")).isEqualTo("OPEN");
		assertThat(plan.get("nextReviewDue")).isNotNull();
		assertThat((List<?>) plan.get("deadlines")).isNotEmpty();
		@SuppressWarnings("unchecked")
		Map<String, Object> family = (Map<String, Object>) ((Map<String, Object>) plan.get("child")).get("family");
		assertThat(family.get("authority")).isEqualTo(Map.of("code", "nottinghamshire"));
		assertThat((String) family.get("team")).startsWith("team-");
	}

	private Map<String, Long> counts() throws Exception {
		try (Connection owner = TestDatabase.start().superuser();
				Statement statement = owner.createStatement();
				ResultSet rows = statement.executeQuery("select (select count(*) from family), (select count(*) from"
						+ " child), (select count(*) from cin_plan), (select count(*) from meeting),"
						+ " (select count(*) from plan_deadline)")) {
			rows.next();
			return Map.of("family", rows.getLong(1), "child", rows.getLong(2), "cin_plan", rows.getLong(3), "meeting",
					rows.getLong(4), "plan_deadline", rows.getLong(5));
		}
	}

}
