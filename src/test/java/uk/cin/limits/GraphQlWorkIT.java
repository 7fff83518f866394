package uk.cin.limits;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.validation.ValidationError;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import uk.cin.api.RawGraphQl;
import uk.cin.security.TestTokens;

/**
 * Where GraphQL work runs, and how much of it. It never runs on an event loop (Netty's,
 * or the R2DBC driver's, which completes every database read): parsing, validation, the
 * limits walk, every field's fetch and every field's completion run on the GraphQL
 * threads. Once the time limit has answered a request, its execution is stopped: no
 * further field is fetched. A document sent again is not parsed and validated again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GraphQlWorkIT {

	/** Where each step of GraphQL work ran: the step, and the thread's name. */
	record Step(String what, String thread) {
	}

	/** Notes the thread of every step of every request. */
	static final class Recorder extends SimplePerformantInstrumentation {

		final List<Step> steps = new CopyOnWriteArrayList<>();

		private <T> InstrumentationContext<T> note(String what) {
			steps.add(new Step(what, Thread.currentThread().getName()));
			return SimpleInstrumentationContext.noOp();
		}

		@Override
		public InstrumentationContext<Document> beginParse(InstrumentationExecutionParameters parameters,
				InstrumentationState state) {
			return note("parse");
		}

		@Override
		public InstrumentationContext<List<ValidationError>> beginValidation(
				InstrumentationValidationParameters parameters, InstrumentationState state) {
			return note("validation");
		}

		@Override
		public InstrumentationContext<ExecutionResult> beginExecuteOperation(
				InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
			return note("limits and execution");
		}

		@Override
		public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters,
				InstrumentationState state) {
			return note("fetch " + parameters.getExecutionStepInfo().getPath());
		}

		@Override
		public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters,
				InstrumentationState state) {
			return note("complete " + parameters.getExecutionStepInfo().getPath());
		}

	}

	@TestConfiguration
	static class Recording {

		@Bean
		Recorder recorder() {
			return new Recorder();
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	Recorder recorder;

	@Value("${spring.liquibase.url}")
	String jdbcUrl;

	private RawGraphQl camden;

	@BeforeEach
	void client() {
		camden = RawGraphQl.camdenManager(port);
	}

	@SuppressWarnings("unchecked")
	private static String id(Map<String, Object> answer, String mutation, String object) {
		Map<String, Object> data = (Map<String, Object>) answer.get("data");
		Map<String, Object> payload = (Map<String, Object>) data.get(mutation);
		return (String) ((Map<String, Object>) payload.get(object)).get("id");
	}

	@Test
	void everyStepRunsOnTheGraphQlThreads() {
		String family = id(camden.post("mutation { createFamily(input: {authorityCode: \"camden\", name: \"Threads\"})"
				+ " { family { id } } }", null), "createFamily", "family");
		String child = id(camden.post("mutation($f: ID!) { addChild(input: {familyId: $f, givenName: \"T\", familyName:"
				+ " \"Threads\"}) { child { id } } }", Map.of("f", family)), "addChild", "child");
		id(camden.post(
				"mutation($c: ID!) { openPlan(input: {childId: $c, startReason: AFTER_ASSESSMENT,"
						+ " referralDate: \"2026-01-05\", triggerDate: \"2026-01-12\"}) { plan { id } } }",
				Map.of("c", child)), "openPlan", "plan");
		recorder.steps.clear();
		// A caseload page: plans, their children and families, their deadlines
		// (DataLoaders, several reads).
		Map<String, Object> page = camden.post("{ plans(first: 20) { edges { node { child { givenName family { name } }"
				+ " nextReviewDue isOverdue deadlines { kind dueDate status } } } } }", null);
		assertThat(RawGraphQl.errors(page)).isEmpty();
		assertThat(page.toString()).contains("Threads");
		List<Step> steps = List.copyOf(recorder.steps);
		assertThat(steps).extracting(Step::what)
			.contains("parse", "validation", "limits and execution", "fetch /plans", "complete /plans");
		assertThat(steps).as("every step on a GraphQL thread")
			.allSatisfy(step -> assertThat(step.thread()).as(step.what()).startsWith("cin-graphql-"));
	}

	private long steps(String what) {
		return recorder.steps.stream().filter(step -> step.what().equals(what)).count();
	}

	@Test
	void aDocumentSentAgainIsNotParsedOrValidatedAgain() {
		String document = "query Cached($first: Int) { plans(first: $first) { totalCount } authorities { code } }";
		recorder.steps.clear();
		Map<String, Object> first = camden.post(document, Map.of("first", 1));
		assertThat(steps("parse")).isEqualTo(1);
		assertThat(steps("validation")).isEqualTo(1);
		// The same text, other variables and another caller: the same answer as if parsed
		// afresh.
		Map<String, Object> again = camden.post(document, Map.of("first", 2));
		Map<String, Object> derby = new RawGraphQl(port, TestTokens.manager("derby")).post(document,
				Map.of("first", 1));
		assertThat(steps("parse")).isEqualTo(1);
		assertThat(steps("validation")).isEqualTo(1);
		assertThat(steps("limits and execution")).isEqualTo(3);
		assertThat(List.of(first, again, derby)).allSatisfy(answer -> assertThat(RawGraphQl.errors(answer)).isEmpty());
		assertThat(first).isEqualTo(again);
		// Another text is parsed: the key is the whole text.
		camden.post(document + " ", Map.of("first", 1));
		assertThat(steps("parse")).isEqualTo(2);
		// A document that fails validation is not kept: each time it is refused, afresh.
		for (int i = 0; i < 2; i++) {
			Map<String, Object> refused = camden.post("{ plans { noSuchField } }", null);
			assertThat(RawGraphQl.errors(refused)).extracting(e -> RawGraphQl.extensions(e).get("code"))
				.containsOnly("GRAPHQL_VALIDATION_FAILED");
		}
		assertThat(steps("validation")).isEqualTo(4);
	}

	@Test
	void pastTheTimeLimitNoFurtherFieldIsFetched() throws Exception {
		try (Connection owner = DriverManager.getConnection(jdbcUrl, "cin", "cin");
				Statement statement = owner.createStatement()) {
			owner.setAutoCommit(false);
			// Another session holds the family table: the first of two mutation fields
			// waits past the time limit.
			statement.execute("lock table family in access exclusive mode");
			recorder.steps.clear();
			CompletableFuture<Map<String, Object>> stuck = CompletableFuture.supplyAsync(() -> camden
				.post("mutation { first: createFamily(input: {authorityCode: \"camden\", name: \"StoppedFirst\"})"
						+ " { family { id } } second: createFamily(input: {authorityCode: \"camden\","
						+ " name: \"StoppedSecond\"}) { family { id } } }", null));
			Map<String, Object> answer = stuck.join();
			assertThat(RawGraphQl.errors(answer)).extracting(e -> RawGraphQl.extensions(e).get("code"))
				.containsExactly("TIMEOUT");
			owner.rollback();
			owner.setAutoCommit(true);
			// The first field's statement goes on once the lock is gone; the second field
			// must never start.
			Thread.sleep(3_000);
			assertThat(recorder.steps).extracting(Step::what).contains("fetch /first").doesNotContain("fetch /second");
			try (ResultSet rows = statement.executeQuery("select count(*) from family where name like 'Stopped%'")) {
				rows.next();
				assertThat(rows.getInt(1)).isZero();
			}
		}
	}

}
