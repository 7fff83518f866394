package uk.cin.localdb;

import java.nio.file.Path;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;
import uk.cin.config.CinProperties;

/**
 * With the service's own PostgreSQL: once the migrations have run, the migration login
 * gives up the audit log's owner role, so that only a superuser could change the log (see
 * LocalPostgres#sealAuditLog).
 */
@Component
@ConditionalOnProperty(LocalDatabaseEnvironmentPostProcessor.RUNNING)
@DependsOn("liquibase")
class LocalAuditSeal implements InitializingBean {

	private final Path dataDir;

	LocalAuditSeal(CinProperties properties) {
		this.dataDir = properties.localDb().dataDir();
	}

	@Override
	public void afterPropertiesSet() {
		LocalPostgres.running(dataDir).ifPresent(LocalPostgres::sealAuditLog);
	}

}
