package uk.cin.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import uk.cin.CinApplication;
import uk.cin.api.Api;
import uk.cin.api.GlobalId;
import uk.cin.security.AuthorityScope;

/**
 * What is recorded on a plan is read once per version of the plan: a second read takes it
 * from memory (three statements fewer), a write moves the version on so the next read
 * loads afresh and sees the write, and what a mutation reads back of its own writes
 * (which could still roll back) is never kept.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		classes = { CinApplication.class, StatementCountIT.Counting.class })
@AutoConfigureHttpGraphQlTester
class RecordedFactsIT {

	private static final String AUTHORITY = "london-azeus";

	private static final String PLAN = """
			query($id: ID!) { plan(id: $id) { id nextReviewDue(asOf: "2026-11-20")
			  deadlines(asOf: "2026-11-20", includeMet: true) { kind dueDate status }
			  meetings { id } visits { visitedOn } } }""";

	@Autowired
	HttpGraphQlTester tester;

	@Autowired
	RecordedFacts recorded;

	@Autowired
	PlanRepository plans;

	@Autowired
	AuthorityScope scope;

	@Test
	void aPlanIsReadOncePerVersion() {
		Api api = new Api(tester);
		String family = api.createFamily(AUTHORITY, "Cache");
		String plan = api.openPlan(api.addChild(family, "K", false), "AFTER_ASSESSMENT", "2026-09-01", "2026-10-01");
		api.recordMeeting(
				Map.of("planId", plan, "kind", "PLANNING", "heldOn", "2026-10-14", "chairRole", "PRACTICE_LEAD"));
		assertThat(recorded.get(row(plan))).as("a mutation's own reads are not kept").isNull();

		int first = statements(plan);
		assertThat(recorded.get(row(plan))).as("kept after a query read it").isNotNull();
		int second = statements(plan);
		assertThat(second).as("meetings, events and visits come from memory").isEqualTo(first - 3);

		api.data("""
				mutation($p: ID!) { recordVisit(input: {planId: $p, visitedOn: "2026-10-20", childSeen: true,
				  seenAlone: true}) { plan { id visits { visitedOn } } userErrors { code } } }""", "recordVisit",
				Map.of("p", plan));
		assertThat(recorded.get(row(plan))).as("the new version is not kept by the mutation").isNull();
		int afterWrite = statements(plan);
		assertThat(afterWrite).as("the new version is loaded afresh").isEqualTo(first);
		List<?> visits = Api.as(tester, AUTHORITY)
			.document(PLAN)
			.variable("id", plan)
			.execute()
			.path("plan.visits")
			.entityList(Object.class)
			.get();
		assertThat(visits).as("the read after the write sees it").hasSize(1);
	}

	private CinPlan row(String planId) {
		UUID id = GlobalId.require(planId, GlobalId.NodeType.CinPlan);
		return scope.mono(AUTHORITY, plans.plans(List.of(id)).next()).block();
	}

	private int statements(String plan) {
		// The change feed reads changed plans in the background: wait until it is quiet.
		int seen = -1;
		while (seen != StatementCountIT.Counting.STATEMENTS.get()) {
			seen = StatementCountIT.Counting.STATEMENTS.get();
			try {
				Thread.sleep(300);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
		StatementCountIT.Counting.STATEMENTS.set(0);
		Api.as(tester, AUTHORITY).document(PLAN).variable("id", plan).execute().path("plan.id").hasValue();
		return StatementCountIT.Counting.STATEMENTS.get();
	}

}
