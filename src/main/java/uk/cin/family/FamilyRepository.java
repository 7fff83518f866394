package uk.cin.family;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import uk.cin.security.AuthorityScope;

/** Families and children, by SQL. Lookups take many ids at once, for batch loading. */
@Repository
public class FamilyRepository {

	private static final String CHILD_FROM = " from child c join family f on f.id = c.family_id";

	private final DatabaseClient db;

	private final AuthorityScope scope;

	/**
	 * Reads that resolve a subscription's event take the subscriber's authority scope
	 * ({@link AuthorityScope#read}).
	 */
	public FamilyRepository(DatabaseClient db, AuthorityScope scope) {
		this.db = db;
		this.scope = scope;
	}

	public Mono<Family> insert(Family family) {
		return db.sql("insert into family (id, authority_code, team, name) values (:id, :authority, :team, :name)")
			.bind("id", family.id())
			.bind("authority", family.authorityCode())
			.bind("team", family.team())
			.bind("name", family.name())
			.then()
			.thenReturn(family);
	}

	public Mono<Child> insert(Child child) {
		var spec = db
			.sql("insert into child (id, family_id, given_name, family_name, date_of_birth, disabled) "
					+ "values (:id, :family, :given, :familyName, :dob, :disabled)")
			.bind("id", child.id())
			.bind("family", child.familyId())
			.bind("given", child.givenName())
			.bind("familyName", child.familyName())
			.bind("disabled", child.disabled());
		spec = child.dateOfBirth() == null ? spec.bindNull("dob", LocalDate.class)
				: spec.bind("dob", child.dateOfBirth());
		return spec.then().thenReturn(child);
	}

	public Flux<Family> families(Collection<UUID> ids) {
		return scope.read(db.sql("select id, authority_code, team, name from family where id = any(:ids)")
			.bind("ids", ids.toArray(UUID[]::new))
			.map(FamilyRepository::family)
			.all());
	}

	public Flux<Child> children(Collection<UUID> ids) {
		return scope.read(db.sql("select c.*, f.team" + CHILD_FROM + " where c.id = any(:ids)")
			.bind("ids", ids.toArray(UUID[]::new))
			.map(FamilyRepository::child)
			.all());
	}

	public Flux<Child> childrenOfFamilies(Collection<UUID> familyIds) {
		return scope.read(
				db.sql("select c.*, f.team" + CHILD_FROM + " where c.family_id = any(:ids) order by c.created_at, c.id")
					.bind("ids", familyIds.toArray(UUID[]::new))
					.map(FamilyRepository::child)
					.all());
	}

	public Mono<Long> countFamilies() {
		return db.sql("select count(*) from family").map(r -> r.get(0, Long.class)).one();
	}

	static Family family(Readable row) {
		return new Family(row.get("id", UUID.class), row.get("authority_code", String.class),
				row.get("team", String.class), row.get("name", String.class));
	}

	static Child child(Readable row) {
		return new Child(row.get("id", UUID.class), row.get("family_id", UUID.class),
				row.get("authority_code", String.class), row.get("team", String.class),
				row.get("given_name", String.class), row.get("family_name", String.class),
				row.get("date_of_birth", LocalDate.class), Boolean.TRUE.equals(row.get("disabled", Boolean.class)));
	}

}
