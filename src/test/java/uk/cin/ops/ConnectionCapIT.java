package uk.cin.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import uk.cin.CinApplication;
import uk.cin.security.TestTokens;

/**
 * At most max-open connections: past them a request is refused (503 TOO_MANY_CONNECTIONS)
 * but health still answers, from the reserve kept for it, even while silent connections
 * keep coming; once connections close, everything is served again. Its own service: 5
 * connections and a reserve of 2 (timeouts long enough not to matter).
 */
class ConnectionCapIT {

	private static final int MAX_OPEN = 5;

	private static ConfigurableApplicationContext service;

	private static int port;

	@BeforeAll
	static void start() {
		service = new SpringApplicationBuilder(CinApplication.class).run("--server.port=0",
				"--cin.connections.max-open=" + MAX_OPEN, "--cin.connections.health-reserve=2",
				"--cin.connections.header-timeout=120s", "--server.netty.idle-timeout=120s");
		port = ((WebServerApplicationContext) service).getWebServer().getPort();
	}

	@AfterAll
	static void stop() {
		service.close();
	}

	private static String graphQl() {
		String body = "{\"query\":\"{ authorities { code } }\"}";
		return "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nAuthorization: "
				+ TestTokens.bearer(TestTokens.manager("camden")) + "\r\nContent-Length: " + body.length()
				+ "\r\nConnection: close\r\n\r\n" + body;
	}

	@Test
	void pastTheCapRequestsAreRefusedWhileHealthStillAnswers() throws Exception {
		ConnectionGuard guard = service.getBean(ConnectionGuard.class);
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> guard.open() == 0);
		List<RawConnection> held = new ArrayList<>();
		try {
			// As many connections as allowed, open and silent.
			for (int i = 0; i < MAX_OPEN; i++) {
				held.add(new RawConnection(port));
			}
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> guard.open() == MAX_OPEN);

			// One more: a request is refused, naming the limit, and the connection
			// closed.
			try (RawConnection refused = new RawConnection(port)) {
				assertThat(refused.send(graphQl())).isTrue();
				String answer = refused.readToClose(Duration.ofSeconds(20));
				assertThat(answer).startsWith("HTTP/1.1 503")
					.contains("TOO_MANY_CONNECTIONS")
					.contains("\"limit\":" + MAX_OPEN);
			}
			// Health and the probes answer.
			for (String probe : List.of("/actuator/health", "/actuator/health/readiness",
					"/actuator/health/liveness")) {
				try (RawConnection health = new RawConnection(port)) {
					assertThat(health.send("GET " + probe + " HTTP/1.1\r\nHost: localhost\r\n\r\n")).isTrue();
					String answer = health.readToClose(Duration.ofSeconds(20));
					assertThat(answer).as(probe).startsWith("HTTP/1.1 200").contains("\"UP\"");
				}
			}

			// A flood of silent connections past the reserve only pushes itself out: each
			// new one takes the place of the oldest reserved one that has sent nothing;
			// those within max-open are left alone.
			List<RawConnection> flood = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				flood.add(new RawConnection(port));
				// One at a time, so that the server sees them in this order.
				Thread.sleep(300);
			}
			held.addAll(flood);
			for (RawConnection pushedOut : flood.subList(0, 4)) {
				assertThat(pushedOut.readToClose(Duration.ofSeconds(10))).as("pushed out").isEqualTo("");
			}
			for (RawConnection kept : flood.subList(4, 6)) {
				assertThat(kept.readToClose(Duration.ofMillis(300))).as("still open").isNull();
			}
			for (RawConnection regular : held.subList(0, MAX_OPEN)) {
				assertThat(regular.readToClose(Duration.ofMillis(100))).as("still open").isNull();
			}
			// And health still answers.
			try (RawConnection health = new RawConnection(port)) {
				assertThat(health.send("GET /actuator/health/readiness HTTP/1.1\r\nHost: localhost\r\n\r\n")).isTrue();
				assertThat(health.readToClose(Duration.ofSeconds(20))).startsWith("HTTP/1.1 200").contains("\"UP\"");
			}
		}
		finally {
			for (RawConnection connection : held) {
				connection.close();
			}
		}
		// Room again: requests are served.
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> guard.open() == 0);
		try (RawConnection served = new RawConnection(port)) {
			assertThat(served.send(graphQl())).isTrue();
			assertThat(served.readToClose(Duration.ofSeconds(20))).startsWith("HTTP/1.1 200").contains("camden");
		}
	}

}
