package uk.cin.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every setting of the service's own, under {@code cin}, with its default written here
 * once (the README's Configuration reference lists them). Modules take their part:
 * {@link SettingsConfiguration} offers each as a bean.
 *
 * @param zone the zone "today" is taken in, for every computed field without an asOf, and
 * the midnight sweep's
 * @param limits what one request may ask
 * @param live what subscriptions may take of one instance
 * @param connections what clients' connections may take of the HTTP port
 * @param trustedDocuments which client applications may send only registered documents
 * @param security how tokens are checked beyond Spring Boot's settings
 * @param planCache what is recorded on plans, held in memory per plan version
 * @param metrics the metrics' bounds
 * @param shutdown how the service stops
 * @param database how a database outage is reported
 * @param localDb the service's own PostgreSQL, when no database is configured
 * @param demoData whether the local profile loads made-up families into an empty database
 * @param cors which other origins' pages may call the API from a browser
 */
@ConfigurationProperties("cin")
public record CinProperties(ZoneId zone, Limits limits, LiveLimits live, ConnectionLimits connections,
		TrustedDocumentsSettings trustedDocuments, Security security, PlanCache planCache, Metrics metrics,
		Shutdown shutdown, Database database, LocalDb localDb, Boolean demoData, Cors cors) {

	public CinProperties {
		zone = zone == null ? ZoneId.of("Europe/London") : zone;
		limits = limits == null ? new Limits(0, 0, 0, 0, 0, 0, null, 0) : limits;
		live = live == null ? new LiveLimits(0, 0, 0, null) : live;
		connections = connections == null ? new ConnectionLimits(0, null, null, null, null) : connections;
		trustedDocuments = trustedDocuments == null ? new TrustedDocumentsSettings(null) : trustedDocuments;
		security = security == null ? new Security(null, null) : security;
		planCache = planCache == null ? new PlanCache(null) : planCache;
		metrics = metrics == null ? new Metrics(0) : metrics;
		shutdown = shutdown == null ? new Shutdown(null) : shutdown;
		database = database == null ? new Database(null) : database;
		localDb = localDb == null ? LocalDb.DEFAULTS : localDb;
		demoData = demoData == null || demoData;
		cors = cors == null ? new Cors(null) : cors;
	}

	/** The settings as they are when nothing is configured. */
	public static CinProperties defaults() {
		return new CinProperties(null, null, null, null, null, null, null, null, null, null, null, null, null);
	}

	/**
	 * @param clockSkew how far past its expiry (or before its start) a token is still
	 * taken, for clocks a little apart
	 * @param tokenIssuer the issuer tokens must name where keys come from a JWK set or a
	 * key file (an issuer-uri names it otherwise)
	 */
	public record Security(Duration clockSkew, String tokenIssuer) {

		public Security {
			clockSkew = clockSkew == null || clockSkew.isNegative() ? Duration.ofSeconds(5) : clockSkew;
			tokenIssuer = tokenIssuer == null || tokenIssuer.isBlank() ? null : tokenIssuer;
		}
	}

	/**
	 * Cross-origin requests from browsers (CORS): HTTP and SSE on /graphql, their
	 * preflights, the WebSocket handshake's Origin, and /local/token.
	 *
	 * @param allowedOrigins the origins (scheme, host and port, e.g.
	 * {@code https://portal.example}) whose pages may call the API; none by default, so a
	 * request from any other origin is refused with 403
	 */
	public record Cors(List<String> allowedOrigins) {

		public Cors {
			allowedOrigins = allowedOrigins == null ? List.of()
					: allowedOrigins.stream().map(String::strip).filter(origin -> !origin.isEmpty()).toList();
		}
	}

	/**
	 * @param maxRecords records (meetings, events, visits) held in memory; 0 switches the
	 * cache off
	 */
	public record PlanCache(Long maxRecords) {

		public PlanCache {
			maxRecords = maxRecords == null || maxRecords < 0 ? 200_000L : maxRecords;
		}
	}

	/**
	 * @param maxOperationNames distinct operation names kept as metric labels; later ones
	 * are "other"
	 */
	public record Metrics(int maxOperationNames) {

		public Metrics {
			maxOperationNames = maxOperationNames <= 0 ? 100 : maxOperationNames;
		}
	}

	/**
	 * @param subscriptionsTimeout how long subscriptions have to send their last message
	 * before WebSockets close
	 */
	public record Shutdown(Duration subscriptionsTimeout) {

		public Shutdown {
			subscriptionsTimeout = subscriptionsTimeout == null ? Duration.ofSeconds(5) : subscriptionsTimeout;
		}
	}

	/**
	 * @param outageLogInterval while PostgreSQL is out of reach, one log line at most
	 * this often
	 */
	public record Database(Duration outageLogInterval) {

		public Database {
			outageLogInterval = outageLogInterval == null || outageLogInterval.isZero()
					|| outageLogInterval.isNegative() ? Duration.ofSeconds(30) : outageLogInterval;
		}
	}

	/**
	 * The service's own PostgreSQL, read before the application starts (by the local
	 * database's environment post-processor), so it is bound from the environment there,
	 * with the same defaults.
	 *
	 * @param enabled with no spring.r2dbc.url, run a PostgreSQL of the service's own;
	 * false never does
	 * @param dataDir where it keeps its data
	 * @param fresh wipe that data at start
	 * @param binaries installed-first, or packaged: the binaries packed into the jar
	 * @param localProfile switch the local profile on with it (demo data, GraphiQL,
	 * /local/token)
	 * @param serverSettings PostgreSQL settings beyond its defaults, each name=value (the
	 * tests' speed settings)
	 */
	public record LocalDb(Boolean enabled, Path dataDir, Boolean fresh, String binaries, Boolean localProfile,
			List<String> serverSettings) {

		static final LocalDb DEFAULTS = new LocalDb(null, null, null, null, null, null);

		public LocalDb {
			enabled = enabled == null || enabled;
			dataDir = dataDir == null ? Path.of(".cin-data/postgres") : dataDir;
			fresh = fresh != null && fresh;
			binaries = binaries == null ? "installed-first" : binaries;
			localProfile = localProfile == null || localProfile;
			serverSettings = serverSettings == null ? List.of() : List.copyOf(serverSettings);
		}

		/**
		 * Whether to use the binaries packed into the jar even where PostgreSQL is
		 * installed.
		 */
		public boolean packagedOnly() {
			return "packaged".equals(binaries);
		}
	}
}
