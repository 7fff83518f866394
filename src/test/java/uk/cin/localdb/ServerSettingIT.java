package uk.cin.localdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * cin.local-db.server-settings reaches pg_ctl's -o, which a shell reads: only plain names
 * and values get there, and a refused one stops the start before any PostgreSQL is
 * started.
 */
class ServerSettingIT {

	@Test
	void namesAndValuesPostgresqlTakes() {
		assertThat(ServerSetting.valueOf("fsync=off")).isEqualTo(new ServerSetting("fsync", "off"));
		assertThat(ServerSetting.valueOf(" Synchronous_Commit = off ").option()).isEqualTo("-c synchronous_commit=off");
		assertThat(ServerSetting.valueOf("work_mem=64MB").value()).isEqualTo("64MB");
		assertThat(ServerSetting.valueOf("log_min_duration_statement=-1").value()).isEqualTo("-1");
		assertThat(ServerSetting.valueOf("auto_explain.log_min_duration=250ms").name())
			.isEqualTo("auto_explain.log_min_duration");
		assertThat(ServerSetting.valueOf("shared_preload_libraries=pg_stat_statements,auto_explain").value())
			.isEqualTo("pg_stat_statements,auto_explain");
		assertThat(ServerSetting.valueOf("log_directory=/var/log/cin").toString())
			.isEqualTo("log_directory=/var/log/cin");
	}

	@ParameterizedTest
	@ValueSource(strings = { "fsync=off -c shared_preload_libraries=x", "fsync=off;touch /tmp/x", "fsync=$(id)",
			"fsync=`id`", "fsync='off'", "fsync=\"off\"", "fsync=off|id", "fsync=off&", "fsync=off\nid", "fsync=o*",
			"fsync=off>x", "fsync=", "fsync", "=off", "fs ync=off", "fsync;id=off", "a.b.c=1", "1fsync=off", "-c=off",
			"port=5432", "listen_addresses=*", "unix_socket_directories=/tmp", "data_directory=/tmp",
			"hba_file=/tmp/x" })
	void anythingElseIsRefused(String setting) {
		assertThatThrownBy(() -> ServerSetting.valueOf(setting)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void givenAsAListOrAsCommaSeparatedText() {
		Binder list = new Binder(new MapConfigurationPropertySource(
				Map.of("cin.local-db.server-settings[0]", "shared_preload_libraries=pg_stat_statements,auto_explain",
						"cin.local-db.server-settings[1]", "work_mem=64MB")));
		assertThat(bind(list)).containsExactly(
				new ServerSetting("shared_preload_libraries", "pg_stat_statements,auto_explain"),
				new ServerSetting("work_mem", "64MB"));
		// As on the command line or in CIN_LOCAL_DB_SERVER_SETTINGS: a comma separates
		// settings.
		Binder text = new Binder(new MapConfigurationPropertySource(
				Map.of("cin.local-db.server-settings", "fsync=off,synchronous_commit=off")));
		assertThat(bind(text)).containsExactly(new ServerSetting("fsync", "off"),
				new ServerSetting("synchronous_commit", "off"));
		assertThat(bind(new Binder(new MapConfigurationPropertySource()))).isEmpty();
	}

	private static List<ServerSetting> bind(Binder binder) {
		return binder.bind("cin.local-db.server-settings", Bindable.listOf(ServerSetting.class)).orElse(List.of());
	}

	@Test
	void aRefusedSettingStopsTheStartNamingTheProperty() {
		Path dir = Path.of("target/test-postgres-refused");
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("settings",
					Map.of("cin.local-db.data-dir", dir.toString(), "cin.local-db.fresh", "true",
							"cin.local-db.server-settings", "fsync=off -c shared_preload_libraries=x")));
		assertThatThrownBy(() -> new LocalDatabaseEnvironmentPostProcessor(destination -> destination.get())
			.postProcessEnvironment(environment, new SpringApplication()))
			.hasStackTraceContaining("cin.local-db.server-settings")
			.hasStackTraceContaining("letters, digits");
		assertThat(Files.exists(dir)).isFalse();
	}

	@Test
	void aSettingGivenTwiceIsRefused() {
		assertThatThrownBy(() -> LocalPostgres.startOrReuse(Path.of("target/test-postgres-twice"), true, false,
				List.of(ServerSetting.valueOf("fsync=off"), ServerSetting.valueOf("FSYNC=on"))))
			.hasMessageContaining("fsync is given twice");
		assertThat(Files.exists(Path.of("target/test-postgres-twice"))).isFalse();
	}

}
