package uk.cin.localdb;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import uk.cin.config.CinProperties;

/**
 * With no database configured ({@code spring.r2dbc.url} unset), starts the service's own
 * PostgreSQL and points R2DBC and Liquibase at it, and switches the local profile on
 * (demo data, GraphiQL). Configuring a database switches all of that off.
 *
 * <p>
 * With {@code cin.local-db.enabled=false} (the production image), or where there is no
 * PostgreSQL to run (the production build packages none), a start without the settings a
 * deployment needs stops here, naming them.
 */
public class LocalDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	public static final String LOCAL_PROFILE = "local";

	/** Set when the service runs its own PostgreSQL. */
	static final String RUNNING = "cin.local-db.running";

	private final Log log;

	/**
	 * Boot gives post-processors a deferred log: logging is not set up yet when they run.
	 */
	public LocalDatabaseEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.log = logFactory.getLog(LocalDatabaseEnvironmentPostProcessor.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		CinProperties.LocalDb settings = Binder.get(environment)
			.bind("cin.local-db", CinProperties.LocalDb.class)
			.orElse(CinProperties.defaults().localDb());
		if (!settings.enabled()) {
			requireSettings(environment, "The service runs no PostgreSQL of its own here (cin.local-db.enabled=false)"
					+ " and must be given its database and token settings");
			return;
		}
		if (environment.containsProperty("spring.r2dbc.url")) {
			return;
		}
		Path dataDir = settings.dataDir();
		boolean fresh = settings.fresh();
		boolean packaged = settings.packagedOnly();
		if (!LocalPostgres.binariesAvailable(packaged)) {
			// SPRING_R2DBC_URL is among the missing, at least.
			String installed = packaged ? ""
					: "installed (initdb and pg_ctl on PATH or under /usr/lib/postgresql/*/bin) and none ";
			String machine = System.getProperty("os.name") + " " + System.getProperty("os.arch");
			throw new DatabaseNotConfiguredException(
					"No database configured, and no PostgreSQL to run one of the" + " service's own: none " + installed
							+ "packaged with this build for " + machine,
					RequiredSettings.missing(environment), "or install PostgreSQL to run the local profile");
		}
		// Each entry name=value, checked by ServerSetting: a refused one stops the start,
		// naming the property.
		List<ServerSetting> serverSettings;
		try {
			serverSettings = settings.serverSettings().stream().map(ServerSetting::valueOf).toList();
		}
		catch (IllegalArgumentException refused) {
			throw new IllegalStateException("cin.local-db.server-settings: " + refused.getMessage(), refused);
		}
		LocalPostgres server = LocalPostgres.startOrReuse(dataDir, fresh, packaged, serverSettings);
		// Migrations run next, as the schema's owner; once they have, LocalAuditSeal
		// takes this back.
		server.allowAuditMigrations();
		log.info("No database configured: using the service's own PostgreSQL, " + server.describe());

		Map<String, Object> properties = new HashMap<>();
		properties.put(RUNNING, "true");
		properties.put("cin.local-db.data-dir", dataDir.toString());
		properties.put("spring.r2dbc.url", server.r2dbcUrl());
		properties.put("spring.r2dbc.username", LocalPostgres.APP_USER);
		properties.put("spring.r2dbc.password", LocalPostgres.APP_USER);
		properties.put("spring.liquibase.url", server.jdbcUrl());
		properties.put("spring.liquibase.user", LocalPostgres.USER);
		properties.put("spring.liquibase.password", LocalPostgres.USER);
		if (settings.localProfile()) {
			// The profile's conveniences are set here: the profile sections of
			// application.yml were read before this post-processor switched the profile
			// on. Demo data is a bean of the local profile.
			environment.addActiveProfile(LOCAL_PROFILE);
			// GraphiQL is the page the jar carries (uk.cin.graphiql, a bean of the local
			// profile); Spring for GraphQL's own loads its scripts from a CDN and stays
			// off.
			properties.put("spring.graphql.schema.introspection.enabled", "true");
			// The local profile mints tokens for anyone who asks (/local/token): it
			// listens on this machine only, unless told otherwise (server.address,
			// SERVER_ADDRESS=0.0.0.0).
			if (!environment.containsProperty("server.address")) {
				properties.put("server.address", "127.0.0.1");
			}
			// Plain text logs for a person at a terminal, the request's correlation id in
			// brackets. Below the command line and the environment, so
			// LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs still gives JSON here.
			Map<String, Object> logging = Map.of("logging.structured.format.console", "", "logging.pattern.correlation",
					"%replace([%X{http.request.id}] ){'\\[\\] ', ''}");
			MapPropertySource plainText = new MapPropertySource("cin-local-logging", logging);
			if (environment.getPropertySources().contains("systemEnvironment")) {
				environment.getPropertySources().addAfter("systemEnvironment", plainText);
			}
			else {
				environment.getPropertySources().addLast(plainText);
			}
		}
		environment.getPropertySources().addFirst(new MapPropertySource("cin-local-database", properties));
	}

	/**
	 * Stops the start, naming the settings missing; a configuration that has them all
	 * goes on.
	 */
	private static void requireSettings(ConfigurableEnvironment environment, String reason) {
		List<String> missing = RequiredSettings.missing(environment);
		if (!missing.isEmpty()) {
			throw new DatabaseNotConfiguredException(reason, missing, "");
		}
	}

	@Override
	public int getOrder() {
		// After the configuration files are read, so that they can set cin.local-db.*.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
