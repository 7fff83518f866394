package uk.cin.localdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The service's own PostgreSQL, as a configuration without the tests' settings starts it,
 * keeps what it acknowledged: PostgreSQL's durable defaults, nothing turned off. (The
 * tests' database turns them off: TestDatabaseSettingsIT.)
 */
class LocalDatabaseDurabilityIT {

	private static final Path DATA_DIR = Path.of("target/test-postgres-durable");

	@Test
	void theServicesOwnDatabaseIsDurable() throws Exception {
		// The service's configuration (src/main/resources/application.yml), and where to
		// keep this one's data.
		StandardEnvironment environment = new StandardEnvironment();
		for (var source : new YamlPropertySourceLoader().load("service configuration",
				new ClassPathResource("application.yml"))) {
			environment.getPropertySources().addLast(source);
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource("this test",
					Map.of("cin.local-db.data-dir", DATA_DIR.toString(), "cin.local-db.fresh", "true")));
		new LocalDatabaseEnvironmentPostProcessor(destination -> destination.get()).postProcessEnvironment(environment,
				new SpringApplication());
		try {
			assertThat(settings(environment.getProperty("spring.liquibase.url")))
				.isEqualTo(Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on"));
		}
		finally {
			LocalPostgres.startOrReuse(DATA_DIR, false).stop();
		}
	}

	/** What the server runs with, as SHOW gives it. */
	static Map<String, String> settings(String jdbcUrl) throws SQLException {
		Map<String, String> shown = new LinkedHashMap<>();
		try (Connection c = DriverManager.getConnection(jdbcUrl, LocalPostgres.USER, "");
				Statement s = c.createStatement()) {
			for (String name : new String[] { "fsync", "synchronous_commit", "full_page_writes" }) {
				try (ResultSet rs = s.executeQuery("show " + name)) {
					rs.next();
					shown.put(name, rs.getString(1));
				}
			}
		}
		return shown;
	}

}
