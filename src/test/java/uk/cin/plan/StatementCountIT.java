package uk.cin.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.proxy.ProxyConnectionFactory;
import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.listener.ProxyExecutionListener;
import io.r2dbc.spi.ConnectionFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import uk.cin.CinApplication;
import uk.cin.api.Api;

/**
 * One page of plans with child, family, meetings, attendees and deadlines costs the same
 * number of SQL statements whatever the page size: every parent-to-children field is
 * batched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		classes = { CinApplication.class, StatementCountIT.Counting.class })
@AutoConfigureHttpGraphQlTester
class StatementCountIT {

	/**
	 * Wraps the connection factory so that every statement sent to PostgreSQL is counted.
	 */
	@TestConfiguration
	static class Counting {

		static final AtomicInteger STATEMENTS = new AtomicInteger();

		static final List<String> SQL = new CopyOnWriteArrayList<>();

		@Bean
		static BeanPostProcessor countStatements() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (bean instanceof ConnectionFactory factory && name.equals("connectionFactory")) {
						return ProxyConnectionFactory.builder(factory).listener(new ProxyExecutionListener() {
							@Override
							public void afterQuery(QueryExecutionInfo info) {
								STATEMENTS.addAndGet(info.getQueries().size());
								info.getQueries().forEach(query -> SQL.add(query.getQuery()));
							}
						}).build();
					}
					return bean;
				}
			};
		}

	}

	@Autowired
	HttpGraphQlTester tester;

	private static final String PAGE = """
			query($n: Int) { plans(filter: {authorityCode: "children-law-2008"}, first: $n) { totalCount edges { node {
			  id nextReviewDue(asOf: "2026-11-01") isOverdue(asOf: "2026-11-01")
			  deadlines(asOf: "2026-11-01", includeMet: true) { kind dueDate meeting { id } }
			  child { givenName family { name authority { code } } siblings { id } }
			  meetings { id sequence chairCompliant attendees { name role } }
			} } } }""";

	@Test
	void aPageOf50CostsTheSameStatementsAsAPageOf5() {
		Api api = new Api(tester);
		for (int f = 0; f < 10; f++) {
			String family = api.createFamily("children-law-2008", "Count " + f);
			for (int c = 0; c < 5; c++) {
				String plan = api.openPlan(api.addChild(family, "C" + c, false), "AFTER_ASSESSMENT", "2026-09-01",
						"2026-10-01");
				api.recordMeeting(Map.of("planId", plan, "kind", "PLANNING", "heldOn", "2026-10-14", "chairRole",
						"TEAM_MANAGER", "attendees",
						List.of(Map.of("name", "A", "role", "GP"), Map.of("name", "B", "role", "School"))));
			}
		}
		int small = statementsFor(5);
		int large = statementsFor(50);
		assertThat(large).as("statements for 50 plans (5 plans took %d)", small).isEqualTo(small);
		// 11 reads, the transaction's authority setting, and one insert into the audit
		// log for all children read.
		assertThat(small).as("the proxy counts statements").isPositive().isLessThanOrEqualTo(13);
		System.out.printf("Statements for a page: 5 plans %d, 50 plans %d%n", small, large);
	}

	@Test
	void onlyTheOrderedPageIsPlannedForItsOwnDay() {
		Api api = new Api(tester);
		String family = api.createFamily("children-law-2008", "Plans");
		api.openPlan(api.addChild(family, "O", false), "AFTER_ASSESSMENT", "2026-09-01", "2026-10-01");

		Counting.SQL.clear();
		Api.as(tester, "children-law-2008")
			.document("{ plans(filter: {authorityCode: \"children-law-2008\"}, first: 5,"
					+ " orderBy: {field: NEXT_REVIEW_DUE}) { edges { node { id } } } }")
			.execute()
			.path("plans.edges")
			.entityList(Object.class)
			.hasSizeGreaterThan(0);
		List<String> ordered = List.copyOf(Counting.SQL);
		int list = indexOf(ordered, "order by order_due");
		assertThat(indexOf(ordered, "'plan_cache_mode', 'force_custom_plan'")).as("custom plans, then the list")
			.isBetween(0, list - 1);
		assertThat(indexOf(ordered.subList(list, ordered.size()), "'plan_cache_mode', 'auto'"))
			.as("generic plans again after the list")
			.isPositive();

		Counting.SQL.clear();
		Api.as(tester, "children-law-2008")
			.document("{ plans(filter: {authorityCode: \"children-law-2008\"}, first: 5) { edges { node { id } } } }")
			.execute()
			.path("plans.edges")
			.entityList(Object.class)
			.hasSizeGreaterThan(0);
		assertThat(Counting.SQL).as("the page in id order keeps generic plans")
			.noneMatch(sql -> sql.contains("plan_cache_mode"));
	}

	private static int indexOf(List<String> statements, String part) {
		for (int i = 0; i < statements.size(); i++) {
			if (statements.get(i).contains(part)) {
				return i;
			}
		}
		return -1;
	}

	private int statementsFor(int pageSize) {
		// The change feed reads the plans the setup changed, in the background: wait
		// until it is done.
		int seen = -1;
		while (seen != Counting.STATEMENTS.get()) {
			seen = Counting.STATEMENTS.get();
			try {
				Thread.sleep(300);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
		Counting.STATEMENTS.set(0);
		Api.as(tester, "children-law-2008")
			.document(PAGE)
			.variable("n", pageSize)
			.execute()
			.path("plans.edges")
			.entityList(Object.class)
			.hasSize(pageSize);
		return Counting.STATEMENTS.get();
	}

}
