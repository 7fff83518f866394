package uk.cin.localdb;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * A PostgreSQL server the service runs for itself when no database is configured: the
 * machine's own binaries, data in a folder of the working directory, a free port on
 * loopback, stopped when the JVM stops. PostgreSQL refuses to run as root, so a root
 * process runs the server under an unprivileged account. One server per data folder per
 * JVM: several application contexts in one JVM (tests) share it.
 *
 * <p>
 * It runs with PostgreSQL's defaults, so it is as durable as any PostgreSQL:
 * {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on, a commit
 * acknowledged only once its WAL is on disk. Other settings are only those asked for
 * ({@code cin.local-db.server-settings}); the tests turn those three off there, for
 * speed.
 */
public final class LocalPostgres {

	private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);

	private static final Map<Path, LocalPostgres> RUNNING = new ConcurrentHashMap<>();

	/**
	 * The cluster's superuser, made by initdb: creates the roles and the database, and
	 * nothing else uses it (data folders made before it existed have {@link #USER} as
	 * their superuser instead).
	 */
	public static final String ADMIN_USER = "cin_admin";

	/**
	 * Owns the schema, not a superuser (row-level security binds it too); Liquibase
	 * migrates as this role.
	 */
	public static final String USER = "cin";

	/**
	 * Owns the audit log, and logs in as nobody: the migration login holds it only while
	 * migrations run (see {@link #sealAuditLog()}), so afterwards only a superuser could
	 * change the log.
	 */
	public static final String AUDIT_OWNER = "cin_audit";

	/**
	 * The service's own role: no superuser, no owner, so row-level security applies to
	 * it.
	 */
	public static final String APP_USER = "cin_app";

	public static final String DATABASE = "cin";

	private final Path dataDir;

	private final Path binDir;

	private final String runAs;

	private final int port;

	private final List<ServerSetting> serverSettings;

	private long startMillis;

	private LocalPostgres(Path dataDir, Path binDir, String runAs, int port, List<ServerSetting> serverSettings) {
		this.dataDir = dataDir;
		this.binDir = binDir;
		this.runAs = runAs;
		this.port = port;
		this.serverSettings = serverSettings;
	}

	/** Where it runs and how long it took to start, for the service's log. */
	public String describe() {
		return "127.0.0.1:" + port + ", data in " + dataDir + ", binaries in " + binDir
				+ (runAs == null ? "" : ", running as " + runAs)
				+ (serverSettings.isEmpty() ? "" : ", with " + serverSettings) + ", started in " + startMillis + " ms";
	}

	public String r2dbcUrl() {
		return "r2dbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
	}

	/**
	 * The server for this data folder, started if this JVM has not started it yet.
	 * @param fresh delete the folder first, for a database that holds nothing from an
	 * earlier run (tests)
	 */
	public static synchronized LocalPostgres startOrReuse(Path dataDir, boolean fresh) {
		return startOrReuse(dataDir, fresh, false);
	}

	/**
	 * @param packagedOnly use the binaries packaged with the service even where
	 * PostgreSQL is installed
	 */
	public static synchronized LocalPostgres startOrReuse(Path dataDir, boolean fresh, boolean packagedOnly) {
		return startOrReuse(dataDir, fresh, packagedOnly, List.of());
	}

	/**
	 * @param serverSettings settings the server starts with beyond PostgreSQL's defaults;
	 * a server this JVM already runs for the folder is reused only when it was started
	 * with the same ones
	 */
	public static synchronized LocalPostgres startOrReuse(Path dataDir, boolean fresh, boolean packagedOnly,
			List<ServerSetting> serverSettings) {
		List<ServerSetting> settings = List.copyOf(serverSettings);
		Set<String> names = new HashSet<>();
		for (ServerSetting setting : settings) {
			if (!names.add(setting.name())) {
				throw new IllegalArgumentException("PostgreSQL setting " + setting.name() + " is given twice");
			}
		}
		Path dir = dataDir.toAbsolutePath().normalize();
		LocalPostgres running = RUNNING.get(dir);
		if (running != null) {
			if (!running.serverSettings.equals(settings)) {
				throw new IllegalStateException("The local PostgreSQL of " + dir + " already runs with settings "
						+ running.serverSettings + ", not " + settings);
			}
			return running;
		}
		LocalPostgres started = start(dir, fresh, packagedOnly, settings);
		RUNNING.put(dir, started);
		// Stopped when the JVM exits, after Spring Boot's shutdown hook has closed the
		// service (a graceful shutdown still answers requests in flight, which need the
		// database).
		SpringApplication.getShutdownHandlers().add(started::stop);
		return started;
	}

	private static LocalPostgres start(Path dir, boolean fresh, boolean packagedOnly,
			List<ServerSetting> serverSettings) {
		long began = System.nanoTime();
		String runAs = isRoot() ? unprivilegedAccount() : null;
		try {
			if (fresh) {
				deleteTree(dir);
			}
			Files.createDirectories(dir);
			Optional<Path> installed = packagedOnly ? Optional.empty() : findBinaries();
			Path bin = installed.isPresent() ? installed.get() : PackagedBinaries.unpack(dir.resolve("binaries"))
				.orElseThrow(() -> new IllegalStateException("No PostgreSQL binaries: none installed (initdb and"
						+ " pg_ctl on PATH or under /usr/lib/postgresql/*/bin) and none packaged for this machine"
						+ " (" + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "). Install"
						+ " PostgreSQL, or configure SPRING_R2DBC_URL to use an existing database."));
			if (runAs != null) {
				run(List.of("chown", "-R", runAs, dir.toString()), null, 30);
			}
			Path pgdata = dir.resolve("pgdata");
			if (!Files.exists(pgdata.resolve("PG_VERSION"))) {
				run(List.of(bin.resolve("initdb").toString(), "-D", pgdata.toString(), "-U", ADMIN_USER, "--auth=trust",
						"--encoding=UTF8", "--no-locale"), runAs, 120);
			}
			else if (Files.exists(pgdata.resolve("postmaster.pid"))) {
				// Left behind by a run that was killed: stop whatever is there before
				// starting afresh.
				runQuietly(
						List.of(bin.resolve("pg_ctl").toString(), "-D", pgdata.toString(), "-m", "immediate", "stop"),
						runAs);
				Files.deleteIfExists(pgdata.resolve("postmaster.pid"));
			}
			int port = freePort();
			// pg_ctl passes -o to the server through a shell: every part is a fixed text,
			// a number, or a setting ServerSetting has checked for characters a shell
			// reads.
			StringBuilder options = new StringBuilder("-p " + port
					+ " -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200");
			for (ServerSetting setting : serverSettings) {
				options.append(' ').append(setting.option());
			}
			run(List.of(bin.resolve("pg_ctl").toString(), "-D", pgdata.toString(), "-l",
					dir.resolve("postgres.log").toString(), "-w", "-t", "60", "-o", options.toString(), "start"), runAs,
					90);
			LocalPostgres server = new LocalPostgres(dir, bin, runAs, port, serverSettings);
			server.createDatabase();
			server.startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
			return server;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not start the local PostgreSQL in " + dir, e);
		}
	}

	private void createDatabase() {
		try (Connection c = admin("postgres")) {
			try (Statement roles = c.createStatement()) {
				roles.execute(role(USER, "login nosuperuser nocreaterole nobypassrls password '" + USER + "'"));
				roles.execute(role(APP_USER, "login nosuperuser nobypassrls password '" + APP_USER + "'"));
				roles.execute(role(AUDIT_OWNER, "nologin nosuperuser"));
			}
			try (PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
				exists.setString(1, DATABASE);
				try (ResultSet rs = exists.executeQuery(); Statement create = c.createStatement()) {
					if (!rs.next()) {
						create.execute("create database " + DATABASE + " owner " + USER);
					}
				}
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not create the local database: " + e.getMessage(), e);
		}
	}

	/**
	 * For the migrations' run, as a DBA would grant it: the migration login holds the
	 * audit log's owner role, so that a migration may move or change the log
	 * ({@link #sealAuditLog()} takes it back).
	 */
	public void allowAuditMigrations() {
		try (Connection c = admin(DATABASE); Statement grant = c.createStatement()) {
			grant.execute("grant " + AUDIT_OWNER + " to " + USER);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not open the local audit log to migrations: " + e.getMessage(), e);
		}
	}

	private static String role(String name, String attributes) {
		return "do $$ begin if not exists (select 1 from pg_roles where rolname = '" + name + "') then create role "
				+ name + " " + attributes + "; end if; end $$";
	}

	/**
	 * A superuser's connection: the cluster's admin, or in a data folder made before it,
	 * the schema's owner.
	 */
	private Connection admin(String database) throws SQLException {
		String url = "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
		try {
			return DriverManager.getConnection(url, ADMIN_USER, "");
		}
		catch (SQLException noAdmin) {
			log.warn(
					"The local database in {} was made before it had an admin of its own: its schema owner is a "
							+ "superuser there, so nothing stops it changing the audit log. Start it fresh "
							+ "(cin.local-db.fresh=true, which deletes its data) for the separation of roles.",
					dataDir);
			return DriverManager.getConnection(url, USER, "");
		}
	}

	/**
	 * Once the migrations have run: the migration login no longer holds the audit log's
	 * owner, so neither it nor the service can alter, disable or drop the log; only a
	 * superuser could.
	 */
	public void sealAuditLog() {
		try (Connection c = admin(DATABASE); Statement revoke = c.createStatement()) {
			revoke.execute("revoke " + AUDIT_OWNER + " from " + USER);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not seal the local audit log: " + e.getMessage(), e);
		}
	}

	/**
	 * A connection as the cluster's superuser, for tests that look past row-level
	 * security.
	 */
	public Connection superuser() throws SQLException {
		return admin(DATABASE);
	}

	/** The server running for this data folder in this JVM, if any. */
	public static Optional<LocalPostgres> running(Path dataDir) {
		return Optional.ofNullable(RUNNING.get(dataDir.toAbsolutePath().normalize()));
	}

	public void stop() {
		runQuietly(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.resolve("pgdata").toString(), "-m",
				"fast", "-w", "stop"), runAs);
		RUNNING.remove(dataDir);
	}

	// ---- finding binaries and an account

	/**
	 * Whether this machine can run the service's own PostgreSQL: binaries installed
	 * (unless {@code packagedOnly}), or packaged with the service. The production build
	 * packages none.
	 */
	static boolean binariesAvailable(boolean packagedOnly) {
		return !packagedOnly && findBinaries().isPresent() || PackagedBinaries.isPackaged();
	}

	static Optional<Path> findBinaries() {
		List<Path> candidates = new ArrayList<>();
		String path = System.getenv("PATH");
		if (path != null) {
			for (String entry : path.split(File.pathSeparator)) {
				candidates.add(Path.of(entry));
			}
		}
		Path debian = Path.of("/usr/lib/postgresql");
		if (Files.isDirectory(debian)) {
			try (Stream<Path> versions = Files.list(debian)) {
				versions.map(v -> v.resolve("bin"))
					.sorted(Comparator.comparing((Path p) -> versionOf(p.getParent())).reversed())
					.forEach(candidates::add);
			}
			catch (IOException e) {
				log.debug("Cannot list {}", debian, e);
			}
		}
		return candidates.stream()
			.filter(dir -> Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl")))
			.findFirst();
	}

	private static int versionOf(Path dir) {
		try {
			return Integer.parseInt(dir.getFileName().toString());
		}
		catch (NumberFormatException e) {
			return 0;
		}
	}

	private static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	/**
	 * The account a root process runs the server as: postgres where the packages made it,
	 * else nobody.
	 */
	private static String unprivilegedAccount() {
		for (String account : List.of("postgres", "nobody")) {
			try {
				Process p = new ProcessBuilder("id", "-u", account).redirectErrorStream(true).start();
				if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
					return account;
				}
			}
			catch (IOException e) {
				log.debug("Cannot look up account {}", account, e);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new IllegalStateException("Running as root and no unprivileged account (postgres, nobody) to run "
				+ "PostgreSQL under; configure SPRING_R2DBC_URL instead");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	// ---- running commands

	private static List<String> as(List<String> command, String account) {
		if (account == null) {
			return command;
		}
		List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", account, "--"));
		wrapped.addAll(command);
		return wrapped;
	}

	private static void run(List<String> command, String account, int timeoutSeconds) throws IOException {
		List<String> full = as(command, account);
		Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
		try {
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IOException(command.get(0) + " did not finish in " + timeoutSeconds + " s");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while running " + command.get(0), e);
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.exitValue() != 0) {
			throw new IOException(String.join(" ", full) + " failed (" + process.exitValue() + "): " + output.strip());
		}
	}

	private static void runQuietly(List<String> command, String account) {
		try {
			run(command, account, 60);
		}
		catch (IOException e) {
			log.debug("{} failed: {}", command.get(0), e.getMessage());
		}
	}

	static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(dir)) {
			for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}

	@Override
	public String toString() {
		return "LocalPostgres[127.0.0.1:" + port + ", " + dataDir + "]";
	}

}
