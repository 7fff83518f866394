package uk.cin.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import uk.cin.CinApplication;
import uk.cin.api.RequestIds;
import uk.cin.localdb.LocalPostgres;
import uk.cin.localdb.TestDatabase;
import uk.cin.security.TestTokens;

/**
 * While PostgreSQL cannot be reached, every query and mutation is answered
 * DATABASE_UNAVAILABLE with its correlation id (a 503 to a client that accepts
 * application/graphql-response+json), and the outage is logged as one line at most every
 * interval, counting the failures since the line before, without a stack trace for any
 * request: it used to be an HTTP 500 with Spring's generic body and a whole stack trace
 * logged per request. The service reaches the database through ProbesIT's relay, which
 * the test cuts and restores.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageIT {

	private static final String LINE = "PostgreSQL is unavailable";

	private record Answer(int status, String requestId, String contentType, String body) {
	}

	private static Answer post(int port, String accept, String query) {
		return WebClient.create("http://localhost:" + port)
			.post()
			.uri("/graphql")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.manager("camden")))
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ACCEPT, accept)
			.bodyValue("{\"query\":\"" + query.replace("\"", "\\\"") + "\"}")
			.exchangeToMono(r -> r.bodyToMono(String.class)
				.defaultIfEmpty("")
				.map(body -> new Answer(r.statusCode().value(), r.headers().asHttpHeaders().getFirst(RequestIds.HEADER),
						r.headers().contentType().map(MediaType::toString).orElse(""), body)))
			.block(Duration.ofSeconds(30));
	}

	private static List<String> lines(CapturedOutput output, int from) {
		return output.getOut().substring(from).lines().filter(line -> line.contains(LINE)).toList();
	}

	@Test
	void anOutageIsACodedAnswerPerRequestAndALineNowAndThen(CapturedOutput output)
			throws IOException, InterruptedException {
		LocalPostgres database = TestDatabase.start();
		// Its migrations may be the first to run on the test database: as a DBA would,
		// for their run only.
		database.allowAuditMigrations();
		int databasePort = Integer.parseInt(database.jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1"));
		try (ProbesIT.Relay relay = new ProbesIT.Relay(databasePort);
				ConfigurableApplicationContext context = new SpringApplicationBuilder(CinApplication.class).run(
						"--server.port=0",
						"--spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:" + relay.port() + "/"
								+ LocalPostgres.DATABASE,
						"--spring.r2dbc.username=cin_app", "--spring.r2dbc.password=cin_app",
						"--spring.r2dbc.pool.max-acquire-time=2s", "--cin.database.outage-log-interval=8s",
						"--spring.liquibase.url=" + database.jdbcUrl(), "--spring.liquibase.user=cin",
						"--spring.liquibase.password=cin")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			String plans = "{ plans(first: 2) { totalCount } }";
			String write = "mutation { createFamily(input: {authorityCode: \"camden\", name: \"Outage\"}) "
					+ "{ family { id } } }";
			assertThat(post(port, MediaType.APPLICATION_JSON_VALUE, plans).body()).contains("totalCount")
				.doesNotContain("errors");

			relay.stop();
			int cut = output.getOut().length();
			long firstLine = 0;
			List<String> requestIds = new ArrayList<>();
			int failed = 0;
			for (String query : List.of(plans, plans, write, plans, write, plans)) {
				Answer answer = post(port, MediaType.APPLICATION_JSON_VALUE, query);
				failed++;
				requestIds.add(answer.requestId());
				if (firstLine == 0) {
					firstLine = System.nanoTime();
				}
				assertThat(answer.status()).isEqualTo(200);
				assertThat(answer.body())
					.contains("\"code\":\"DATABASE_UNAVAILABLE\"", "\"correlationId\":\"" + answer.requestId() + "\"")
					.doesNotContain("\"data\"");
			}
			// No data: under application/graphql-response+json, a 5xx (the client is not
			// at fault).
			Answer strict = post(port, "application/graphql-response+json", plans);
			failed++;
			requestIds.add(strict.requestId());
			assertThat(strict.status()).isEqualTo(503);
			assertThat(strict.contentType()).startsWith("application/graphql-response+json");
			assertThat(strict.body()).contains("\"code\":\"DATABASE_UNAVAILABLE\"");

			// One line so far, for the first failure, and no request's failure logged
			// with a stack trace. (Spring's transaction manager may log one for a
			// background transaction the cut caught in flight: once, not per request.)
			assertThat(lines(output, cut)).hasSize(1).first().asString().contains("1 request failed");
			List<String> stacks = output.getOut()
				.substring(cut)
				.lines()
				.filter(line -> line.contains("stack_trace") || line.startsWith("\tat "))
				.toList();
			assertThat(requestIds).allSatisfy(id -> assertThat(stacks).noneMatch(line -> line.contains(id)));

			// Past the interval, the next failure writes the next line, counting every
			// failure since the first.
			long sinceFirst = Duration.ofNanos(System.nanoTime() - firstLine).toMillis();
			Thread.sleep(Math.max(0, 8_500 - sinceFirst));
			post(port, MediaType.APPLICATION_JSON_VALUE, plans);
			failed++;
			List<String> lines = lines(output, cut);
			assertThat(lines).hasSize(2);
			Matcher count = Pattern.compile("(\\d+) requests failed").matcher(lines.get(1));
			assertThat(count.find()).as(lines.get(1)).isTrue();
			assertThat(Integer.parseInt(count.group(1))).isEqualTo(failed - 1);

			relay.start();
			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(post(port, MediaType.APPLICATION_JSON_VALUE, plans).body())
					.contains("totalCount")
					.doesNotContain("errors"));
		}
		finally {
			database.sealAuditLog();
		}
	}

}
