package uk.cin.localdb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import uk.cin.CinApplication;

/**
 * The local profile's demo families are loaded into an empty database once, and the log
 * says so only when it happened: a restart on the same data loads nothing and says that.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoDataOnceIT {

	private static ConfigurableApplicationContext start(boolean fresh) {
		return new SpringApplicationBuilder(CinApplication.class).run("--server.port=0",
				"--cin.local-db.local-profile=true", "--cin.demo-data=true",
				"--cin.local-db.data-dir=target/test-postgres-demo", "--cin.local-db.fresh=" + fresh);
	}

	@Test
	void demoDataIsLoadedIntoAnEmptyDatabaseOnceAndARestartSaysItLoadedNothing(CapturedOutput output) {
		try (ConfigurableApplicationContext first = start(true)) {
			assertThat(first.getEnvironment().getActiveProfiles()).contains("local");
		}
		String firstStart = output.getAll();
		assertThat(firstStart).contains("Demo data loaded for 5 of 5 authorities").doesNotContain("nothing loaded");

		try (ConfigurableApplicationContext again = start(false)) {
			assertThat(again.getEnvironment().getActiveProfiles()).contains("local");
		}
		String restart = output.getAll().substring(firstStart.length());
		assertThat(restart).contains("Demo data: every authority has families already; nothing loaded")
			.doesNotContain("Demo data loaded");
	}

}
