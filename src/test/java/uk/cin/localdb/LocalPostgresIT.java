package uk.cin.localdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The service's own PostgreSQL, from the packaged binaries as on a machine without
 * PostgreSQL installed.
 */
class LocalPostgresIT {

	@Test
	void packagedBinariesServeADatabaseAndStop() throws Exception {
		Path dir = Path.of("target/test-postgres-packaged");
		LocalPostgres server = LocalPostgres.startOrReuse(dir, true, true);
		try (Connection c = DriverManager.getConnection(server.jdbcUrl(), LocalPostgres.USER, "");
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("show server_version")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).startsWith("17.");
		}
		assertThat(server.describe()).contains(dir.toAbsolutePath().normalize().resolve("binaries").toString());
		server.stop();
		assertThat(Files.exists(dir.toAbsolutePath().resolve("pgdata/postmaster.pid"))).isFalse();
	}

}
