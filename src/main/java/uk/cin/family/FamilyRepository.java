package uk.cin.family;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
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

	/**
	 * Where a page of a search starts: after the row with this score (the search's
	 * similarity; 0 without a search) and id.
	 */
	public record SearchKey(double score, UUID id) {
	}

	/** A row of a search with its score, for the next page's key. */
	public record Found<T>(T row, double score) {
	}

	/**
	 * Families whose name is like the search (best match first), or all in id order: the
	 * caller's authority (row-level security) and, for practitioners, teams.
	 */
	public Flux<Found<Family>> searchFamilies(@Nullable String search, @Nullable List<String> teams,
			@Nullable SearchKey after, int limit) {
		String score = search == null ? "0::float8"
				: "greatest(similarity(:q, f.name), word_similarity(:q, f.name))::float8";
		StringBuilder sql = new StringBuilder(
				"select f.id, f.authority_code, f.team, f.name, " + score + " as score from family f where true");
		return search(sql, score, search == null ? null : "f.name % :q or :q <% f.name or f.name ilike :like", search,
				teams, after, limit, "f.id")
			.map(r -> new Found<>(family(r), r.get("score", Double.class)))
			.all();
	}

	/** Children whose name is like the search and/or born on the day. */
	public Flux<Found<Child>> searchChildren(@Nullable String search, @Nullable LocalDate bornOn,
			@Nullable List<String> teams, @Nullable SearchKey after, int limit) {
		String name = "(c.given_name || ' ' || c.family_name)";
		// One word misspelt ("Smyth"), or a whole name with a typo in it ("Jon Smith").
		String score = search == null ? "0::float8"
				: "greatest(similarity(:q, c.family_name), similarity(:q, c.given_name), word_similarity(:q, " + name
						+ "))::float8";
		StringBuilder sql = new StringBuilder(
				"select c.*, f.team, " + score + " as score" + CHILD_FROM + " where true");
		if (bornOn != null) {
			sql.append(" and c.date_of_birth = :born");
		}
		GenericExecuteSpec spec = search(sql, score,
				search == null ? null
						: "c.family_name % :q or c.given_name % :q or :q <% " + name + " or " + name + " ilike :like",
				search, teams, after, limit, "c.id");
		if (bornOn != null) {
			spec = spec.bind("born", bornOn);
		}
		return spec.map(r -> new Found<>(child(r), r.get("score", Double.class))).all();
	}

	private GenericExecuteSpec search(StringBuilder sql, String score, @Nullable String match, @Nullable String search,
			@Nullable List<String> teams, @Nullable SearchKey after, int limit, String id) {
		if (match != null) {
			sql.append(" and (").append(match).append(")");
		}
		if (teams != null) {
			sql.append(" and f.team = any(:teams)");
		}
		if (after != null) {
			// Best match first, then id: the next page is what sorts after the last row.
			sql.append(" and (")
				.append(score)
				.append(" < :afterScore or (")
				.append(score)
				.append(" = :afterScore and ")
				.append(id)
				.append(" > :afterId))");
		}
		sql.append(" order by score desc, ").append(id).append(" limit :limit");
		GenericExecuteSpec spec = db.sql(sql.toString()).bind("limit", limit);
		if (search != null) {
			spec = spec.bind("q", search)
				.bind("like", "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (teams != null) {
			spec = spec.bind("teams", teams.toArray(String[]::new));
		}
		if (after != null) {
			spec = spec.bind("afterScore", after.score()).bind("afterId", after.id());
		}
		return spec;
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
