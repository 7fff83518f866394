package uk.cin.api;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import uk.cin.CinApplication;
import uk.cin.security.TestTokens;

/**
 * A client that hangs up mid-request (a load generator closing its connections) is no
 * error: its cancelled request logs nothing at ERROR, and the service answers the next.
 * Here a page's plans take a while to come (a test-only delay on the family's name), so
 * the connection is surely closed while the page is being worked out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		classes = { CinApplication.class, ClientHangsUpIT.Slow.class })
@AutoConfigureHttpGraphQlTester
@ExtendWith(OutputCaptureExtension.class)
class ClientHangsUpIT {

	private static final String AUTHORITY = "derby";

	/** Family.name takes a second to fetch. */
	@TestConfiguration
	static class Slow {

		@Bean
		SimplePerformantInstrumentation slowFamilyName() {
			return new SimplePerformantInstrumentation() {
				@Override
				public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
						InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
					var step = parameters.getExecutionStepInfo();
					if (!step.getObjectType().getName().equals("Family")
							|| !step.getFieldDefinition().getName().equals("name")) {
						return dataFetcher;
					}
					return env -> {
						Object name = dataFetcher.get(env);
						return CompletableFuture.supplyAsync(() -> name,
								CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));
					};
				}
			};
		}

	}

	private static final String PAGE = "{ plans(filter: {authorityCode: \\\"derby\\\"}, first: 20) { edges { node {"
			+ " id status nextReviewDue isOverdue child { givenName family { name } } } } } }";

	@Autowired
	HttpGraphQlTester autowired;

	@LocalServerPort
	int port;

	@Test
	void aCancelledRequestLogsNoErrorAndTheServiceAnswersTheNext(CapturedOutput output) throws Exception {
		HttpGraphQlTester tester = autowired.mutate().responseTimeout(Duration.ofSeconds(60)).build();
		Api api = new Api(tester);
		String family = api.createFamily(AUTHORITY, "Hangs up");
		for (int c = 0; c < 3; c++) {
			api.openPlan(api.addChild(family, "H" + c, false), "AFTER_ASSESSMENT", "2026-09-01", "2026-10-01");
		}
		int from = output.getOut().length();

		String body = "{\"query\": \"" + PAGE + "\"}";
		String token = TestTokens.manager(AUTHORITY);
		for (int i = 0; i < 4; i++) {
			try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
				OutputStream out = socket.getOutputStream();
				out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
						+ "Authorization: Bearer " + token + "\r\nContent-Length: "
						+ body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
					.getBytes(StandardCharsets.UTF_8));
				out.flush();
				Thread.sleep(300 + 100 * i);
				if (i % 2 == 0) {
					// Some clients reset the connection rather than close it.
					socket.setSoLinger(true, 0);
				}
			}
		}
		// Long enough for every cancelled request to have unwound.
		Thread.sleep(3000);

		Map<String, Object> page = api.data(
				"{ plans(filter: {authorityCode: \"derby\"}, first: 20) { edges { node { id child { givenName } } } } }",
				"plans", Map.of());
		assertThat((List<?>) page.get("edges")).isNotEmpty();
		List<String> errors = output.getOut()
			.substring(from)
			.lines()
			.filter(line -> line.contains("\"level\":\"ERROR\"") || line.contains(" ERROR ")
					|| line.startsWith("\tat "))
			.toList();
		assertThat(errors).as("ERROR lines and stack traces logged for the cancelled requests").isEmpty();
		assertThat(output.getOut()).as("the log is captured").contains("\"level\":\"INFO\"");
	}

}
