package uk.cin.localdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import uk.cin.CinApplication;

/**
 * The production image sets cin.local-db.enabled=false: without a database configured the
 * service stops at once, naming what to set, and with one it starts as usual.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoLocalDatabaseIT {

	private static final String JWT = "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_";

	@Test
	void withoutADatabaseTheStartStopsNamingTheSettingsToSet(CapturedOutput output) {
		// The test configuration gives token settings (a key file, issuer and audience),
		// so only the database's are missing.
		assertThatThrownBy(() -> new SpringApplicationBuilder(CinApplication.class)
			.run("--server.port=0", "--cin.local-db.enabled=false")
			.close()).isInstanceOf(DatabaseNotConfiguredException.class)
			.hasMessageStartingWith("The service runs no PostgreSQL of its own here (cin.local-db.enabled=false)")
			.hasMessageEndingWith("Missing settings: SPRING_R2DBC_URL, SPRING_R2DBC_USERNAME, "
					+ "SPRING_R2DBC_PASSWORD, SPRING_LIQUIBASE_URL, SPRING_LIQUIBASE_USER, "
					+ "SPRING_LIQUIBASE_PASSWORD");
		// Reported by the failure analyzer, as one description line and an action,
		// without a stack trace.
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Missing settings: SPRING_R2DBC_URL, SPRING_R2DBC_USERNAME")
			.contains("Set the missing settings as environment variables")
			.doesNotContain(DatabaseNotConfiguredException.class.getName());
	}

	@Test
	void missingTokenSettingsAreNamedToo() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(CinApplication.class)
			.run("--server.port=0", "--cin.local-db.enabled=false",
					"--spring.security.oauth2.resourceserver.jwt.public-key-location=",
					"--spring.security.oauth2.resourceserver.jwt.audiences=")
			.close()).isInstanceOf(DatabaseNotConfiguredException.class)
			.hasMessageContaining("SPRING_LIQUIBASE_PASSWORD, " + JWT + "ISSUER_URI (or " + JWT
					+ "JWK_SET_URI with CIN_SECURITY_TOKEN_ISSUER), " + JWT + "AUDIENCES");
	}

	@Test
	void withADatabaseConfiguredTheServiceStarts() {
		LocalPostgres database = TestDatabase.start();
		// As in ConfiguredDatabaseIT: what a DBA does around a deploy whose migrations
		// touch the audit log.
		database.allowAuditMigrations();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CinApplication.class).run(
				"--server.port=0", "--cin.local-db.enabled=false", "--spring.r2dbc.url=" + database.r2dbcUrl(),
				"--spring.r2dbc.username=cin_app", "--spring.r2dbc.password=cin_app",
				"--spring.liquibase.url=" + database.jdbcUrl(), "--spring.liquibase.user=cin",
				"--spring.liquibase.password=cin")) {
			assertThat(context.isRunning()).isTrue();
			assertThat(context.getEnvironment().getActiveProfiles()).doesNotContain("local");
			assertThat(context.getEnvironment().getPropertySources().contains("cin-local-database")).isFalse();
		}
		finally {
			database.sealAuditLog();
		}
	}

}
