package uk.cin.security;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to serve as a database role that row-level security does not bind: a superuser,
 * or a role with BYPASSRLS, would see every authority's rows.
 */
@Component
class RowLevelSecurityCheck {

	private final DatabaseClient db;

	RowLevelSecurityCheck(DatabaseClient db) {
		this.db = db;
	}

	@EventListener(ApplicationStartedEvent.class)
	void check() {
		Boolean exempt = db.sql("select rolsuper or rolbypassrls from pg_roles where rolname = current_user")
			.map(r -> r.get(0, Boolean.class))
			.one()
			.block();
		if (Boolean.TRUE.equals(exempt)) {
			throw new IllegalStateException("The database role in spring.r2dbc.username is a superuser or has "
					+ "BYPASSRLS: row-level security would not separate authorities. Run the service as a role of its "
					+ "own (see the README, Configuration) and migrate as the owner (spring.liquibase.user).");
		}
	}

}
