package uk.cin.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;
import uk.cin.CinApplication;
import uk.cin.localdb.LocalPostgres;
import uk.cin.localdb.TestDatabase;

/**
 * Kubernetes' probes: readiness is DOWN (503) while PostgreSQL cannot be reached and UP
 * again when it can; liveness stays UP throughout (restarting the service would not bring
 * the database back). The service reaches the database through a TCP relay the test cuts
 * and restores; both probes answer without a token.
 */
class ProbesIT {

	/**
	 * Relays connections to the database; stop() refuses new ones and cuts those open,
	 * start() listens again.
	 */
	static final class Relay implements AutoCloseable {

		private final int target;

		private final int port;

		private final List<Socket> sockets = new CopyOnWriteArrayList<>();

		private volatile ServerSocket server;

		Relay(int target) throws IOException {
			this.target = target;
			ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			this.port = socket.getLocalPort();
			listen(socket);
		}

		int port() {
			return port;
		}

		void start() throws IOException {
			ServerSocket socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			listen(socket);
		}

		void stop() {
			closeQuietly(server);
			sockets.forEach(Relay::closeQuietly);
			sockets.clear();
		}

		@Override
		public void close() {
			stop();
		}

		private void listen(ServerSocket socket) {
			server = socket;
			daemon(() -> {
				while (!socket.isClosed()) {
					try {
						Socket client = socket.accept();
						Socket database = new Socket(InetAddress.getLoopbackAddress(), target);
						sockets.add(client);
						sockets.add(database);
						daemon(() -> pump(client, database));
						daemon(() -> pump(database, client));
					}
					catch (IOException e) {
						// The listening socket was closed: stop accepting.
					}
				}
			});
		}

		private static void pump(Socket from, Socket to) {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException e) {
				// Either side closed: close both.
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}

		private static void daemon(Runnable work) {
			Thread thread = new Thread(work, "database-relay");
			thread.setDaemon(true);
			thread.start();
		}

		private static void closeQuietly(AutoCloseable closeable) {
			try {
				if (closeable != null) {
					closeable.close();
				}
			}
			catch (Exception e) {
				// already closed
			}
		}

	}

	private record Probe(int status, String body) {
	}

	private static Probe probe(int port, String path) {
		return WebClient.create("http://localhost:" + port)
			.get()
			.uri(path)
			.exchangeToMono(r -> r.bodyToMono(String.class)
				.defaultIfEmpty("")
				.map(body -> new Probe(r.statusCode().value(), body)))
			.block(Duration.ofSeconds(15));
	}

	@Test
	void readinessFollowsTheDatabaseAndLivenessDoesNot() throws IOException {
		LocalPostgres database = TestDatabase.start();
		// Its migrations may be the first to run on the test database: as a DBA would,
		// for their run only.
		database.allowAuditMigrations();
		int databasePort = Integer.parseInt(database.jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1"));
		try {
			try (Relay relay = new Relay(databasePort);
					ConfigurableApplicationContext context = new SpringApplicationBuilder(CinApplication.class).run(
							"--server.port=0",
							"--spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:" + relay.port() + "/"
									+ LocalPostgres.DATABASE,
							"--spring.r2dbc.username=cin_app", "--spring.r2dbc.password=cin_app",
							"--spring.liquibase.url=" + database.jdbcUrl(), "--spring.liquibase.user=cin",
							"--spring.liquibase.password=cin")) {
				int port = ((WebServerApplicationContext) context).getWebServer().getPort();
				assertThat(probe(port, "/actuator/health/readiness")).isEqualTo(new Probe(200, "{\"status\":\"UP\"}"));
				assertThat(probe(port, "/actuator/health/liveness")).isEqualTo(new Probe(200, "{\"status\":\"UP\"}"));

				relay.stop();
				Awaitility.await()
					.atMost(Duration.ofSeconds(30))
					.untilAsserted(() -> assertThat(probe(port, "/actuator/health/readiness"))
						.isEqualTo(new Probe(503, "{\"status\":\"DOWN\"}")));
				assertThat(probe(port, "/actuator/health/liveness")).isEqualTo(new Probe(200, "{\"status\":\"UP\"}"));

				relay.start();
				Awaitility.await()
					.atMost(Duration.ofSeconds(30))
					.untilAsserted(() -> assertThat(probe(port, "/actuator/health/readiness"))
						.isEqualTo(new Probe(200, "{\"status\":\"UP\"}")));
			}
		}
		finally {
			database.sealAuditLog();
		}
	}

}
