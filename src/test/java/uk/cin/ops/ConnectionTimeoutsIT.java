package uk.cin.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import tools.jackson.databind.json.JsonMapper;
import uk.cin.CinApplication;
import uk.cin.live.GraphQlSocket;
import uk.cin.security.TestTokens;

/**
 * Connections are timed: one that sends nothing, a request head or body sent too slowly,
 * and a kept-alive connection left idle are all closed; a WebSocket or an SSE stream with
 * a subscription is not, however quiet. Its own service, with short timeouts: the head 2
 * s, between requests 10 s, between a body's bytes 2 s, the whole body 4 s.
 */
class ConnectionTimeoutsIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static ConfigurableApplicationContext service;

	private static int port;

	@BeforeAll
	static void start() {
		service = new SpringApplicationBuilder(CinApplication.class).run("--server.port=0",
				"--server.netty.idle-timeout=10s", "--cin.connections.header-timeout=2s",
				"--cin.connections.body-read-timeout=2s", "--cin.connections.body-timeout=4s");
		port = ((WebServerApplicationContext) service).getWebServer().getPort();
	}

	@AfterAll
	static void stop() {
		service.close();
	}

	@Test
	void aConnectionThatSendsNothingIsClosedAtTheHeaderTimeout() throws Exception {
		try (RawConnection silent = new RawConnection(port)) {
			assertThat(silent.readToClose(Duration.ofSeconds(30))).as("closed by the server").isEqualTo("");
			// At the head's timeout (2 s), not at once, and well before the idle timeout
			// (10 s).
			assertThat(silent.age()).isBetween(Duration.ofMillis(1_500), Duration.ofSeconds(8));
		}
	}

	@Test
	void aRequestHeadSentAByteAtATimeIsCutThoughBytesKeepComing() throws Exception {
		try (RawConnection slow = new RawConnection(port)) {
			assertThat(slow.send("GET /actuator/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")).isTrue();
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			int sent = 0;
			// A byte every 300 ms: never idle, never finished.
			while (System.nanoTime() < deadline && slow.send("a")) {
				sent++;
				Thread.sleep(300);
			}
			assertThat(slow.readToClose(Duration.ofSeconds(5))).as("closed by the server").isNotNull();
			assertThat(slow.age()).isLessThan(Duration.ofSeconds(10));
			assertThat(sent).isGreaterThan(3);
		}
	}

	@Test
	void aKeptAliveConnectionLeftIdleIsClosed() throws Exception {
		try (RawConnection idle = new RawConnection(port)) {
			assertThat(idle.send("GET /actuator/health HTTP/1.1\r\nHost: localhost\r\n\r\n")).isTrue();
			// The answer, then nothing more from either side: closed at the idle timeout
			// (10 s).
			long answered = System.nanoTime();
			String read = idle.readToClose(Duration.ofSeconds(30));
			assertThat(read).as("closed by the server").isNotNull().startsWith("HTTP/1.1 200").contains("\"UP\"");
			assertThat(Duration.ofNanos(System.nanoTime() - answered)).isBetween(Duration.ofSeconds(8),
					Duration.ofSeconds(25));
		}
	}

	private static String post(int contentLength) {
		return "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nAuthorization: "
				+ TestTokens.bearer(TestTokens.manager("camden")) + "\r\nContent-Length: " + contentLength + "\r\n\r\n";
	}

	/** Log events with a stack trace, or at ERROR, while the work runs. */
	private static List<ILoggingEvent> failuresLogged(ThrowingRunnable work) throws Exception {
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		ListAppender<ILoggingEvent> logged = new ListAppender<>();
		logged.start();
		root.addAppender(logged);
		try {
			work.run();
			Thread.sleep(500);
		}
		finally {
			root.detachAppender(logged);
		}
		return logged.list.stream()
			.filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR) || event.getThrowableProxy() != null)
			.toList();
	}

	private interface ThrowingRunnable {

		void run() throws Exception;

	}

	@Test
	void aBodyTrickledSlowerThanAllowedIsCutAndNothingIsLoggedAsAFailure() throws Exception {
		assertThat(failuresLogged(ConnectionTimeoutsIT::trickleBody)).isEmpty();
	}

	private static void trickleBody() throws Exception {
		try (RawConnection slow = new RawConnection(port)) {
			assertThat(slow.send(post(400))).isTrue();
			long began = System.nanoTime();
			int sent = 0;
			// A byte every 500 ms: each within the wait between reads (2 s), the whole
			// far past the body's 4 s.
			while (sent < 400 && slow.send(sent == 0 ? "{" : " ")) {
				sent++;
				if (Duration.ofNanos(System.nanoTime() - began).toSeconds() > 30) {
					break;
				}
				Thread.sleep(500);
			}
			assertThat(slow.readToClose(Duration.ofSeconds(5))).as("closed by the server").isNotNull();
			assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(25));
			assertThat(sent).isGreaterThan(5).isLessThan(400);
		}
	}

	@Test
	void aBodyThatStopsComingIsCutAndNothingIsLoggedAsAFailure() throws Exception {
		assertThat(failuresLogged(ConnectionTimeoutsIT::stallBody)).isEmpty();
	}

	private static void stallBody() throws Exception {
		try (RawConnection stalled = new RawConnection(port)) {
			assertThat(stalled.send(post(400) + "{\"query\":")).isTrue();
			long began = System.nanoTime();
			assertThat(stalled.readToClose(Duration.ofSeconds(30))).as("closed by the server").isNotNull();
			assertThat(Duration.ofNanos(System.nanoTime() - began)).isBetween(Duration.ofMillis(1_500),
					Duration.ofSeconds(25));
		}
	}

	@Test
	void subscriptionsOutliveEveryTimeoutHoweverQuiet() throws Exception {
		WebClient http = WebClient.builder()
			.baseUrl("http://localhost:" + port)
			.defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.manager("derby")))
			.build();
		String family = call(http,
				"mutation { createFamily(input: {authorityCode: \"derby\", name: \"Quiet\"})" + " { family { id } } }",
				"/data/createFamily/family/id");
		String child = call(http, "mutation { addChild(input: {familyId: \"" + family + "\", givenName: \"Q\","
				+ " familyName: \"R\"}) { child { id } } }", "/data/addChild/child/id");
		String plan = call(http, "mutation { openPlan(input: {childId: \"" + child + "\", startReason:"
				+ " AFTER_ASSESSMENT, referralDate: \"2026-09-01\", triggerDate: \"2026-10-01\"}) { plan { id } } }",
				"/data/openPlan/plan/id");
		String subscription = "subscription($p: ID!) { deadlinesChanged(planId: $p) { id cause } }";
		List<String> streamed = new CopyOnWriteArrayList<>();
		Disposable sse = http.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.bodyValue(Map.of("query", subscription, "variables", Map.of("p", plan)))
			.retrieve()
			.bodyToFlux(String.class)
			.subscribe(streamed::add, e -> {
			});
		try (GraphQlSocket socket = GraphQlSocket.open(port, TestTokens.manager("derby"))) {
			socket.subscribe("1", subscription, Map.of("p", plan));
			// Past the head, idle and body timeouts, with nothing sent either way (the
			// pings come every 20 s).
			Thread.sleep(12_000);
			call(http,
					"mutation { recordMeeting(input: {planId: \"" + plan + "\", kind: REVIEW, heldOn:"
							+ " \"2026-10-14\", chairRole: CIN_REVIEWING_OFFICER}) { userErrors { code } } }",
					"/data/recordMeeting/userErrors");
			Awaitility.await("the WebSocket's event")
				.atMost(Duration.ofSeconds(20))
				.until(() -> !socket.received().isEmpty());
			Awaitility.await("the SSE stream's event")
				.atMost(Duration.ofSeconds(20))
				.until(() -> streamed.stream().anyMatch(data -> data.contains("MUTATION")));
			assertThat(socket.received("next").get(0).at("/payload/data/deadlinesChanged/cause").asString())
				.isEqualTo("MUTATION");
			assertThat(socket.received("error")).isEmpty();
		}
		finally {
			sse.dispose();
		}
	}

	private static String call(WebClient http, String query, String pointer) {
		var answer = JSON.readTree(http.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", query))
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(60)));
		assertThat(answer.has("errors")).as(answer.toString()).isFalse();
		return answer.at(pointer).toString().replace("\"", "");
	}

}
