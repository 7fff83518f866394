package uk.cin;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import uk.cin.generate.GenerateCommand;
import uk.cin.localdb.LocalPostgres;
import uk.cin.localdb.TestDatabase;

/**
 * {@code java -jar … generate} starts the application with no web server: every bean must
 * do without one, and the families land in the database.
 */
class GenerateFromTheCommandLineIT {

	@Test
	void theGenerateCommandRunsWithoutAWebServer() throws Exception {
		LocalPostgres database = TestDatabase.start();
		long before = families();
		// Migrations may yet run here: as in ConfiguredDatabaseIT, the migration login
		// may act for the audit log's owner meanwhile.
		database.allowAuditMigrations();
		try (ConfigurableApplicationContext context = CinApplication.generator()
			.run("--spring.r2dbc.url=" + database.r2dbcUrl(), "--spring.r2dbc.username=cin_app",
					"--spring.r2dbc.password=cin_app", "--spring.liquibase.url=" + database.jdbcUrl(),
					"--spring.liquibase.user=cin", "--spring.liquibase.password=cin")) {
			assertThat(context.isActive()).isTrue();
			context.getBean(GenerateCommand.class).generate(new GenerateCommand.Request(3, System.nanoTime()));
		}
		finally {
			database.sealAuditLog();
		}
		assertThat(families()).isEqualTo(before + 3);
	}

	private static long families() throws SQLException {
		try (Connection owner = TestDatabase.start().superuser();
				Statement statement = owner.createStatement();
				ResultSet rows = statement.executeQuery("select count(*) from family")) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
