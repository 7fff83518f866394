package uk.cin.localdb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * What a service without a PostgreSQL of its own reports missing, for each way of
 * configuring it.
 */
class RequiredSettingsTest {

	private static final String ISSUER = "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"
			+ " (or SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI with CIN_SECURITY_TOKEN_ISSUER)";

	private static MockEnvironment configured() {
		return new MockEnvironment().withProperty("spring.r2dbc.url", "r2dbc:postgresql://db:5432/cin")
			.withProperty("spring.r2dbc.username", "cin_app")
			.withProperty("spring.r2dbc.password", "secret")
			.withProperty("spring.liquibase.url", "jdbc:postgresql://db:5432/cin")
			.withProperty("spring.liquibase.user", "cin")
			.withProperty("spring.liquibase.password", "secret")
			.withProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "https://login.example/council")
			.withProperty("spring.security.oauth2.resourceserver.jwt.audiences", "cin-service");
	}

	@Test
	void withNothingConfiguredEverySettingIsNamedInTheOrderDocumented() {
		assertThat(RequiredSettings.missing(new MockEnvironment())).containsExactly("SPRING_R2DBC_URL",
				"SPRING_R2DBC_USERNAME", "SPRING_R2DBC_PASSWORD", "SPRING_LIQUIBASE_URL", "SPRING_LIQUIBASE_USER",
				"SPRING_LIQUIBASE_PASSWORD", ISSUER, "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES");
	}

	@Test
	void aCompleteConfigurationMissesNothing() {
		assertThat(RequiredSettings.missing(configured())).isEmpty();
	}

	@Test
	void aBlankValueCountsAsMissing() {
		MockEnvironment environment = configured().withProperty("spring.r2dbc.url", " ")
			.withProperty("spring.security.oauth2.resourceserver.jwt.audiences", "");
		assertThat(RequiredSettings.missing(environment)).containsExactly("SPRING_R2DBC_URL",
				"SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES");
	}

	@Test
	void credentialsMayComeInTheUrls() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("spring.r2dbc.url", "r2dbc:postgresql://cin_app:secret@db:5432/cin")
			.withProperty("spring.liquibase.url", "jdbc:postgresql://db:5432/cin?user=cin&password=secret")
			.withProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "https://login.example/council")
			.withProperty("spring.security.oauth2.resourceserver.jwt.audiences", "cin-service");
		assertThat(RequiredSettings.missing(environment)).isEmpty();
	}

	@Test
	void keysFromAJwkSetNeedTheIssuerNamedApart() {
		MockEnvironment environment = configured()
			.withProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "")
			.withProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "https://login.example/jwks");
		assertThat(RequiredSettings.missing(environment)).containsExactly("CIN_SECURITY_TOKEN_ISSUER");
		assertThat(RequiredSettings
			.missing(environment.withProperty("cin.security.token-issuer", "https://login.example/council"))).isEmpty();
	}

	@Test
	void aTokenIssuerWithoutKeysIsNotEnough() {
		MockEnvironment environment = configured()
			.withProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "")
			.withProperty("cin.security.token-issuer", "https://login.example/council");
		assertThat(RequiredSettings.missing(environment)).containsExactly(ISSUER);
	}

	@Test
	void migrationsRunApartNeedNoMigrationConnection() {
		MockEnvironment environment = configured().withProperty("spring.liquibase.url", "")
			.withProperty("spring.liquibase.user", "")
			.withProperty("spring.liquibase.password", "");
		assertThat(RequiredSettings.missing(environment)).containsExactly("SPRING_LIQUIBASE_URL",
				"SPRING_LIQUIBASE_USER", "SPRING_LIQUIBASE_PASSWORD");
		assertThat(RequiredSettings.missing(environment.withProperty("spring.liquibase.enabled", "false"))).isEmpty();
	}

}
