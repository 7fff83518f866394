package uk.cin.localdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The tests trade durability for speed in their own configuration, and only there: the
 * database their application context runs on has fsync, synchronous_commit and
 * full_page_writes off, as src/test/resources/config/application.yml asks. (The
 * annotations are those of most tests, so the context is the one they share.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class TestDatabaseSettingsIT {

	@Value("${spring.liquibase.url}")
	String jdbcUrl;

	@Test
	void theTestConfigurationTurnsDurabilityOffForTheTestDatabase() throws Exception {
		assertThat(LocalDatabaseDurabilityIT.settings(jdbcUrl))
			.isEqualTo(Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off"));
		assertThat(TestDatabase.serverSettings(TestDatabase.testConfiguration())).extracting(Object::toString)
			.containsExactly("fsync=off", "synchronous_commit=off", "full_page_writes=off");
	}

	@Test
	void aTestThatStartsTheDatabaseItselfGetsTheSameServer() {
		LocalPostgres shared = TestDatabase.start();
		assertThat(shared.jdbcUrl()).isEqualTo(jdbcUrl);
		assertThat(shared.describe()).contains("fsync=off, synchronous_commit=off, full_page_writes=off");
	}

}
