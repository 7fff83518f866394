package uk.cin.localdb;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.Environment;

/**
 * What the service needs to be told when it runs no PostgreSQL of its own: the database
 * it uses, the connection its migrations run on, and where bearer tokens come from, for
 * which audience (TokenValidation, SecurityConfig). Named as the environment variables a
 * container is given.
 */
final class RequiredSettings {

	static final String JWT = "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_";

	private static final String JWT_PROPERTY = "spring.security.oauth2.resourceserver.jwt.";

	private RequiredSettings() {
	}

	/**
	 * The settings missing from {@code environment}, in the order they are documented;
	 * empty when nothing is. A group whose URL is set is complete: a URL may carry its
	 * own user and password.
	 */
	static List<String> missing(Environment environment) {
		List<String> missing = new ArrayList<>();
		if (blank(environment, "spring.r2dbc.url")) {
			missing.add("SPRING_R2DBC_URL");
			addIfBlank(missing, environment, "spring.r2dbc.username", "SPRING_R2DBC_USERNAME");
			addIfBlank(missing, environment, "spring.r2dbc.password", "SPRING_R2DBC_PASSWORD");
		}
		// Liquibase migrates over its own URL, or a JDBC data source where one is
		// configured; or migrations are run apart from the service.
		boolean migrates = environment.getProperty("spring.liquibase.enabled", Boolean.class, true);
		if (migrates && blank(environment, "spring.liquibase.url") && blank(environment, "spring.datasource.url")) {
			missing.add("SPRING_LIQUIBASE_URL");
			addIfBlank(missing, environment, "spring.liquibase.user", "SPRING_LIQUIBASE_USER");
			addIfBlank(missing, environment, "spring.liquibase.password", "SPRING_LIQUIBASE_PASSWORD");
		}
		// An issuer-uri gives both the keys and the issuer to check; keys from a JWK set
		// or a key file need the issuer named apart (cin.security.token-issuer).
		if (blank(environment, JWT_PROPERTY + "issuer-uri")) {
			boolean keys = !blank(environment, JWT_PROPERTY + "jwk-set-uri")
					|| !blank(environment, JWT_PROPERTY + "public-key-location");
			if (!keys) {
				missing.add(JWT + "ISSUER_URI (or " + JWT + "JWK_SET_URI with CIN_SECURITY_TOKEN_ISSUER)");
			}
			else if (blank(environment, "cin.security.token-issuer")) {
				missing.add("CIN_SECURITY_TOKEN_ISSUER");
			}
		}
		addIfBlank(missing, environment, JWT_PROPERTY + "audiences", JWT + "AUDIENCES");
		return missing;
	}

	private static void addIfBlank(List<String> missing, Environment environment, String property, String name) {
		if (blank(environment, property)) {
			missing.add(name);
		}
	}

	private static boolean blank(Environment environment, String property) {
		String value = environment.getProperty(property);
		return value == null || value.isBlank();
	}

}
