package uk.cin.localdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import uk.cin.CinApplication;
import uk.cin.demo.DemoData;

/** With a database configured, the service uses it and none of the local conveniences. */
class ConfiguredDatabaseIT {

	@Test
	void aConfiguredDatabaseSwitchesTheLocalProfileOff() {
		// A database that exists apart from the service: the one the tests run on. Fresh,
		// as the test configuration asks: whichever test starts it first, nothing is left
		// from an earlier run (a stale receipt for a clientMutationId would answer a
		// later test's mutation).
		LocalPostgres database = TestDatabase.start();
		// What a DBA does for a deploy whose migrations touch the audit log, and takes
		// back after it (below).
		database.allowAuditMigrations();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CinApplication.class).run(
				"--server.port=0", "--spring.r2dbc.url=" + database.r2dbcUrl(), "--spring.r2dbc.username=cin_app",
				"--spring.r2dbc.password=cin_app", "--spring.liquibase.url=" + database.jdbcUrl(),
				"--spring.liquibase.user=cin", "--spring.liquibase.password=cin")) {
			assertThat(context.getEnvironment().getActiveProfiles()).doesNotContain("local");
			assertThat(context.getEnvironment().getProperty("spring.graphql.graphiql.enabled")).isEqualTo("false");
			assertThat(context.getBeanNamesForType(DemoData.class)).isEmpty();
			assertThat(context.getEnvironment().getPropertySources().contains("cin-local-database")).isFalse();
		}
		finally {
			// What a DBA does once migrated: the migration login gives up the audit log's
			// owner role.
			database.sealAuditLog();
		}
	}

	@Test
	void theServiceRefusesToRunAsARoleThatRowLevelSecurityDoesNotBind() {
		LocalPostgres database = TestDatabase.start();
		database.allowAuditMigrations();
		// The cluster's superuser: every authority's rows would be visible to it.
		assertThatThrownBy(() -> new SpringApplicationBuilder(CinApplication.class)
			.run("--server.port=0", "--spring.r2dbc.url=" + database.r2dbcUrl(),
					"--spring.r2dbc.username=" + LocalPostgres.ADMIN_USER, "--spring.r2dbc.password=",
					"--spring.liquibase.url=" + database.jdbcUrl(), "--spring.liquibase.user=cin",
					"--spring.liquibase.password=cin")
			.close()).hasStackTraceContaining("superuser or has BYPASSRLS");
		database.sealAuditLog();
	}

}
