package uk.cin.localdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/**
 * The tests' shared database, for a test that starts it itself rather than through an
 * application context: the one the test configuration
 * (src/test/resources/config/application.yml) describes, its server settings included, so
 * that whichever test starts it first, every test gets the same server.
 */
public final class TestDatabase {

	private TestDatabase() {
	}

	public static LocalPostgres start() {
		Binder config = testConfiguration();
		Path dataDir = Path.of(config.bind("cin.local-db.data-dir", String.class).get());
		boolean fresh = config.bind("cin.local-db.fresh", Boolean.class).orElse(false);
		return LocalPostgres.startOrReuse(dataDir, fresh, false, serverSettings(config));
	}

	static List<ServerSetting> serverSettings(Binder config) {
		return config.bind("cin.local-db.server-settings", Bindable.listOf(ServerSetting.class)).orElse(List.of());
	}

	static Binder testConfiguration() {
		try {
			return new Binder(ConfigurationPropertySources.from(new YamlPropertySourceLoader()
				.load("test configuration", new ClassPathResource("config/application.yml"))));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
