package uk.cin.localdb;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One PostgreSQL server setting the service's own PostgreSQL is started with, written
 * {@code name=value} ({@code cin.local-db.server-settings}). The local database otherwise
 * runs with PostgreSQL's defaults, durable ones included; the tests turn {@code fsync},
 * {@code synchronous_commit} and {@code full_page_writes} off here for speed.
 *
 * <p>
 * pg_ctl hands its {@code -o} options to the server through a shell, so a name or value
 * is refused unless it is made only of characters no shell reads specially: a name is a
 * PostgreSQL parameter name (letters, digits, underscores, and one dot for an extension's
 * parameter); a value is letters, digits and {@code _ . , : + - / @ %} (numbers, units,
 * {@code on}/{@code off}, enum values, paths). The settings the service itself needs to
 * reach the server (where it listens, its data) cannot be changed.
 *
 * @param name the parameter, in lower case
 * @param value its value
 */
public record ServerSetting(String name, String value) {

	private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");

	private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.,:+/@%-]+");

	private static final int MAX_NAME = 63;

	private static final int MAX_VALUE = 1024;

	/**
	 * Set by the service so that it can reach the server; changing them would lose it.
	 */
	static final Set<String> RESERVED = Set.of("port", "listen_addresses", "unix_socket_directories", "data_directory",
			"config_file", "hba_file", "ident_file");

	public ServerSetting {
		name = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
		value = value == null ? "" : value.strip();
		if (name.length() > MAX_NAME || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("a PostgreSQL setting's name is letters, digits and underscores"
					+ " (at most " + MAX_NAME + ", one dot for an extension's), as in fsync=off");
		}
		if (RESERVED.contains(name)) {
			throw new IllegalArgumentException(name + " is set by the service itself and cannot be changed");
		}
		if (value.length() > MAX_VALUE || !VALUE.matcher(value).matches()) {
			throw new IllegalArgumentException("the value of " + name + " must be letters, digits and _ . , : + - /"
					+ " @ % only (at most " + MAX_VALUE + "), as in fsync=off");
		}
	}

	/**
	 * Reads {@code name=value}; Spring's binder calls this for each entry of
	 * {@code cin.local-db.server-settings}, so a refused entry stops the start naming the
	 * property.
	 */
	public static ServerSetting valueOf(String setting) {
		int equals = setting == null ? -1 : setting.indexOf('=');
		if (equals < 0) {
			throw new IllegalArgumentException("a PostgreSQL setting is written name=value, as in fsync=off");
		}
		return new ServerSetting(setting.substring(0, equals), setting.substring(equals + 1));
	}

	/** The server's command line option: {@code -c name=value}. */
	String option() {
		return "-c " + name + "=" + value;
	}

	@Override
	public String toString() {
		return name + "=" + value;
	}
}
