package uk.cin.plan;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;
import uk.cin.plan.CinPlan.PlanStatus;
import uk.cin.policy.DeadlineKind;
import uk.cin.policy.PlanEventKind;
import uk.cin.policy.PlanFlag;
import uk.cin.policy.PlanStartReason;
import uk.cin.policy.ReviewOutcome;
import uk.cin.security.AuthorityScope;

/**
 * Plans and what is recorded on them, by SQL. Every read takes many plans at once, for
 * batch loading.
 */
@Repository
public class PlanRepository {

	private static final String PLAN_COLUMNS = "p.*, c.disabled as child_disabled, f.team";

	private static final String PLAN_FROM = " from cin_plan p join child c on c.id = p.child_id"
			+ " join family f on f.id = c.family_id";

	private final DatabaseClient db;

	private final AuthorityScope scope;

	/**
	 * Reads that resolve a subscription's event take the subscriber's authority scope
	 * ({@link AuthorityScope#read}).
	 */
	public PlanRepository(DatabaseClient db, AuthorityScope scope) {
		this.db = db;
		this.scope = scope;
	}

	// ---- reads

	public Flux<CinPlan> plans(Collection<UUID> ids) {
		return scope.read(db.sql("select " + PLAN_COLUMNS + PLAN_FROM + " where p.id = any(:ids)")
			.bind("ids", ids.toArray(UUID[]::new))
			.map(PlanRepository::plan)
			.all());
	}

	public Flux<CinPlan> plansOfChildren(Collection<UUID> childIds) {
		return scope.read(db
			.sql("select " + PLAN_COLUMNS + PLAN_FROM + " where p.child_id = any(:ids) order by p.created_at, p.id")
			.bind("ids", childIds.toArray(UUID[]::new))
			.map(PlanRepository::plan)
			.all());
	}

	public Flux<PlanEvent> events(Collection<UUID> planIds) {
		return scope
			.read(db.sql("select * from plan_event where plan_id = any(:ids) order by occurred_on, created_at, id")
				.bind("ids", planIds.toArray(UUID[]::new))
				.map(r -> new PlanEvent(r.get("id", UUID.class), r.get("plan_id", UUID.class),
						PlanEventKind.valueOf(r.get("kind", String.class)), r.get("occurred_on", LocalDate.class),
						r.get("meeting_id", UUID.class)))
				.all());
	}

	public Flux<Visit> visits(Collection<UUID> planIds) {
		return scope.read(db.sql("select * from visit where plan_id = any(:ids) order by visited_on, created_at, id")
			.bind("ids", planIds.toArray(UUID[]::new))
			.map(r -> new Visit(r.get("id", UUID.class), r.get("plan_id", UUID.class),
					r.get("visited_on", LocalDate.class), Boolean.TRUE.equals(r.get("child_seen", Boolean.class)),
					Boolean.TRUE.equals(r.get("seen_alone", Boolean.class)), r.get("note", String.class)))
			.all());
	}

	/** Whether the child already has an open plan. */
	public Mono<Boolean> hasOpenPlan(UUID childId) {
		return db.sql("select count(*) from cin_plan where child_id = :child and status = 'OPEN'")
			.bind("child", childId)
			.map(r -> r.get(0, Long.class) > 0)
			.one();
	}

	// ---- the plans list: filtered, counted and paged in SQL

	/** What a list of plans can be ordered by: the SQL of its key, tie broken by id. */
	public enum OrderField {

		ID(null), NEXT_REVIEW_DUE("r.next_due"), STARTED_ON("p.trigger_date"), CHILD_NAME(null);

		private final String key;

		OrderField(String key) {
			this.key = key;
		}

	}

	/**
	 * Where a page starts: after (or, backwards, before) this plan, whose sort key is
	 * {@code key} (a date, or null for "none due"; names are looked up, never carried).
	 */
	public record Keyset(UUID id, @Nullable LocalDate key) {
	}

	/** Which plans: each null criterion is not applied. */
	public record PlanCriteria(@Nullable PlanStatus status, @Nullable LocalDate overdueAsOf,
			@Nullable LocalDate reviewDueBefore, @Nullable LocalDate reviewDueFrom, @Nullable List<String> teams,
			@Nullable List<String> chairRoles, @Nullable DeadlineDue deadlineDue, @Nullable UUID childId,
			@Nullable Boolean childDisabled) {

		public static final PlanCriteria NONE = new PlanCriteria(null, null, null, null, null, null, null, null, null);

	}

	/**
	 * An open deadline of a kind as of the list's day, due in a window, overdue if asked.
	 */
	public record DeadlineDue(DeadlineKind kind, @Nullable LocalDate from, @Nullable LocalDate to, boolean overdue) {
	}

	/**
	 * What plans(...) asks for, dates resolved: the caller's authority and (for
	 * practitioners) teams, the criteria, the day, the order and the page.
	 */
	public record PlanQuery(String authorityCode, @Nullable List<String> teams, PlanCriteria criteria, LocalDate asOf,
			boolean current, OrderField order, boolean descending, @Nullable Keyset keyset, boolean backward, int first,
			boolean counted) {

		/** The plain list in id order (status, overdue and review-due filters only). */
		public PlanQuery(String authorityCode, @Nullable List<String> teams, @Nullable PlanStatus status,
				@Nullable LocalDate overdueAsOf, @Nullable LocalDate reviewDueBefore, LocalDate today,
				@Nullable UUID after, int first, boolean counted) {
			this(authorityCode, teams,
					new PlanCriteria(status, overdueAsOf, reviewDueBefore, null, null, null, null, null, null), today,
					true, OrderField.ID, false, after == null ? null : new Keyset(after, null), false, first, counted);
		}
	}

	/** A page, in the list's order, with the sort key of each plan for its cursor. */
	public record PlanPage(List<CinPlan> plans, List<@Nullable LocalDate> keys, boolean hasMore, long totalCount) {
	}

	/** The counts of one group of a caseload summary. */
	public record SummaryRow(@Nullable String team, @Nullable String chairRole, @Nullable String deadlineKind,
			@Nullable String authorityCode, long openPlans, long overduePlans, long dueIn7, long dueIn28) {
	}

	/**
	 * The joins every list makes: the plan's child, family and next-review stretch on the
	 * day.
	 */
	private static final String LIST_FROM = PLAN_FROM + " join plan_review r on r.plan_id = p.id"
			+ " and r.valid_from <= :asOf and r.valid_to > :asOf";

	/**
	 * The stretches on the day, in two parts that each read an index in next-due order:
	 * the open-ended ones (most plans' stretch for today) and those that end after the
	 * day (few, for today).
	 */
	private static final List<String> STRETCH_PARTS = List
		.of(PLAN_FROM + " join plan_review r on r.plan_id = p.id and r.valid_to = 'infinity'::date"
				+ " and r.valid_from <= :asOf", PLAN_FROM + " join ending r on r.plan_id = p.id");

	/**
	 * The stretches that end after the day, read first from their own index: joined
	 * straight, the planner would probe every plan of the authority for them.
	 */
	private static final String ENDING = "with ending as materialized (select plan_id, authority_code, next_due,"
			+ " chair_role from plan_review where valid_to <> 'infinity'::date and valid_to > :asOf"
			+ " and valid_from <= :asOf) ";

	private static final String CUSTOM_PLANS = "select set_config('plan_cache_mode', 'force_custom_plan', true)";

	private static final String GENERIC_PLANS = "select set_config('plan_cache_mode', 'auto', true)";

	/** Whether the plan had an overdue deadline at the end of the day named. */
	private static String overdueOn(String day) {
		return "exists (select 1 from plan_overdue o where o.plan_id = p.id and o.valid_from <= " + day
				+ " and o.valid_to > " + day + ")";
	}

	private static final String OPEN_ON_DAY = "p.referral_date <= :asOf and (p.closed_on is null or p.closed_on > :asOf)";

	private static final String DEADLINE_OPEN_ON_DAY = "d.arose_on <= :asOf and (d.ended_on is null or d.ended_on > :asOf)"
			+ " and (d.met_on is null or d.met_on > :asOf)";

	/** The where clause of a list: authority, teams, criteria, all as of the day. */
	private static String where(String authority, @Nullable List<String> teams, PlanCriteria c, LocalDate asOf,
			boolean current, Map<String, Object> binds) {
		// Under asOf, a plan not yet referred did not exist.
		StringBuilder where = new StringBuilder(" where p.authority_code = :authority and r.authority_code = :authority"
				+ " and p.referral_date <= :asOf");
		binds.put("authority", authority);
		binds.put("asOf", asOf);
		if (teams != null) {
			where.append(" and f.team = any(:teams)");
			binds.put("teams", teams.toArray(String[]::new));
		}
		if (c.teams() != null) {
			where.append(" and f.team = any(:filterTeams)");
			binds.put("filterTeams", c.teams().toArray(String[]::new));
		}
		if (c.status() == PlanStatus.OPEN) {
			// As of today the stored status says it (and its index serves the id order).
			where.append(" and ").append(current ? "p.status = 'OPEN'" : OPEN_ON_DAY);
		}
		else if (c.status() == PlanStatus.CLOSED) {
			where.append(" and p.closed_on <= :asOf");
		}
		if (c.overdueAsOf() != null) {
			where.append(" and ").append(overdueOn(":overdue"));
			binds.put("overdue", c.overdueAsOf());
		}
		if (c.reviewDueBefore() != null) {
			where.append(" and r.next_due <= :reviewBefore");
			binds.put("reviewBefore", c.reviewDueBefore());
		}
		if (c.reviewDueFrom() != null) {
			where.append(" and r.next_due >= :reviewFrom");
			binds.put("reviewFrom", c.reviewDueFrom());
		}
		if (c.chairRoles() != null) {
			where.append(" and r.chair_role = any(:chairs)");
			binds.put("chairs", c.chairRoles().toArray(String[]::new));
		}
		if (c.deadlineDue() != null) {
			DeadlineDue due = c.deadlineDue();
			where.append(" and exists (select 1 from plan_deadline d where d.plan_id = p.id and d.kind = :dueKind and ")
				.append(DEADLINE_OPEN_ON_DAY);
			binds.put("dueKind", due.kind().name());
			if (due.from() != null) {
				where.append(" and d.due_date >= :dueFrom");
				binds.put("dueFrom", due.from());
			}
			if (due.to() != null) {
				where.append(" and d.due_date <= :dueTo");
				binds.put("dueTo", due.to());
			}
			if (due.overdue()) {
				where.append(" and d.due_date < :asOf");
			}
			where.append(")");
		}
		if (c.childId() != null) {
			where.append(" and p.child_id = :child");
			binds.put("child", c.childId());
		}
		if (c.childDisabled() != null) {
			where.append(" and c.disabled = :disabled");
			binds.put("disabled", c.childDisabled());
		}
		return where.toString();
	}

	public Mono<PlanPage> page(PlanQuery q) {
		Map<String, Object> binds = new LinkedHashMap<>();
		String where = where(q.authorityCode(), q.teams(), q.criteria(), q.asOf(), q.current(), binds);
		// Backwards, the page is read in the opposite order and turned round.
		boolean descending = q.descending() != q.backward();
		String dir = descending ? " desc" : "";
		String cmp = descending ? " < " : " > ";
		String keyset = "";
		if (q.keyset() != null) {
			binds.put("afterId", q.keyset().id());
			keyset = switch (q.order()) {
				case ID -> " and p.id" + cmp + ":afterId";
				case NEXT_REVIEW_DUE, STARTED_ON -> {
					// No key: none due, which the table holds as infinity.
					String after = "'infinity'::date";
					if (q.keyset().key() != null) {
						binds.put("afterKey", q.keyset().key());
						after = ":afterKey";
					}
					yield " and (" + q.order().key + ", p.id)" + cmp + "(" + after + ", :afterId)";
				}
				// Names are not carried in a cursor: the plan's own are looked up.
				case CHILD_NAME -> " and (c.family_name, c.given_name, p.id)" + cmp
						+ "(select c2.family_name, c2.given_name, p2.id from cin_plan p2 join child c2"
						+ " on c2.id = p2.child_id where p2.id = :afterId)";
			};
		}
		String order = switch (q.order()) {
			case ID -> " order by p.id" + dir;
			case NEXT_REVIEW_DUE, STARTED_ON -> " order by " + q.order().key + dir + ", p.id" + dir;
			case CHILD_NAME -> " order by c.family_name" + dir + ", c.given_name" + dir + ", p.id" + dir;
		};
		String key = switch (q.order()) {
			case NEXT_REVIEW_DUE -> ", nullif(r.next_due, 'infinity'::date) as sort_key";
			case STARTED_ON -> ", p.trigger_date as sort_key";
			case ID, CHILD_NAME -> ", null::date as sort_key";
		};
		String sql;
		if (q.order() == OrderField.NEXT_REVIEW_DUE) {
			// Each part takes its first page in order, with every filter applied; the
			// page is the first of both. Row-level security keeps PostgreSQL from merging
			// a union in index order itself, so each part is limited on its own.
			List<String> parts = new ArrayList<>();
			for (String from : STRETCH_PARTS) {
				parts.add("(select " + PLAN_COLUMNS + key + ", r.next_due as order_due" + from + where + keyset + order
						+ " limit :limit)");
			}
			sql = ENDING + "select * from (" + String.join(" union all ", parts) + ") page order by order_due" + dir
					+ ", id" + dir + " limit :limit";
		}
		else {
			sql = "select " + PLAN_COLUMNS + key + LIST_FROM + where + keyset + order + " limit :limit";
		}
		GenericExecuteSpec pageSql = bindAll(db.sql(sql), binds).bind("limit", q.first() + 1);
		Mono<List<Object[]>> rows = pageSql.map(r -> new Object[] { plan(r), r.get("sort_key", LocalDate.class) })
			.all()
			.collectList();
		// Counting every matching plan costs as much as the page itself: only when
		// totalCount is asked for.
		Map<String, Object> countBinds = new LinkedHashMap<>(binds);
		countBinds.remove("afterId");
		countBinds.remove("afterKey");
		Mono<Long> count = !q.counted() ? Mono.just(0L)
				: bindAll(db.sql("select count(*)" + LIST_FROM + where), countBinds).map(r -> r.get(0, Long.class))
					.one();
		Mono<Tuple2<List<Object[]>, Long>> read = Mono.zip(rows, count);
		if (q.order() == OrderField.NEXT_REVIEW_DUE) {
			// Planned for its own day: after five runs PostgreSQL may give the prepared
			// statement a generic plan, which drove from all 8,700 of an authority's open
			// plans (92 ms) where the day's own plan reads 51 index rows (1.2 ms). Only
			// here: planning every statement of a read cost the BI scan (500 ids a
			// statement) 0.8 s.
			read = db.sql(CUSTOM_PLANS).then().then(read).flatMap(t -> db.sql(GENERIC_PLANS).then().thenReturn(t));
		}
		return read.map(t -> {
			List<Object[]> found = t.getT1();
			boolean more = found.size() > q.first();
			List<Object[]> page = new ArrayList<>(more ? found.subList(0, q.first()) : found);
			if (q.backward()) {
				Collections.reverse(page);
			}
			List<CinPlan> plans = page.stream().map(row -> (CinPlan) row[0]).toList();
			List<@Nullable LocalDate> keys = new ArrayList<>();
			page.forEach(row -> keys.add((LocalDate) row[1]));
			return new PlanPage(plans, keys, more, t.getT2());
		});
	}

	/**
	 * Caseload counts as of a day, grouped: one statement over the plans the criteria
	 * list, so that each count is the totalCount of the matching list.
	 */
	public Flux<SummaryRow> summary(String authority, @Nullable List<String> teams, PlanCriteria criteria,
			LocalDate asOf, boolean byTeam, boolean byChair, boolean byKind, boolean byAuthority) {
		Map<String, Object> binds = new LinkedHashMap<>();
		String where = where(authority, teams, criteria, asOf, false, binds) + " and " + OPEN_ON_DAY;
		binds.put("in7", asOf.plusDays(7));
		binds.put("in28", asOf.plusDays(28));
		List<String> groups = new ArrayList<>();
		String team = byTeam ? "f.team" : "null::varchar";
		String chair = byChair ? "r.chair_role" : "null::varchar";
		String kind = byKind ? "k.kind" : "null::varchar";
		String code = byAuthority ? "p.authority_code" : "null::varchar";
		for (String column : List.of(team, chair, kind, code)) {
			if (!column.startsWith("null")) {
				groups.add(column);
			}
		}
		String select;
		String from = LIST_FROM;
		if (byKind) {
			// Per kind: the plan's open deadlines of that kind, overdue or due soon.
			from += " join lateral (select d.kind, bool_or(d.due_date < :asOf) as overdue,"
					+ " bool_or(d.due_date >= :asOf and d.due_date <= :in7) as due7,"
					+ " bool_or(d.due_date >= :asOf and d.due_date <= :in28) as due28"
					+ " from plan_deadline d where d.plan_id = p.id and " + DEADLINE_OPEN_ON_DAY
					+ " group by d.kind) k on true";
			select = "count(*), count(*) filter (where k.overdue), count(*) filter (where k.due7),"
					+ " count(*) filter (where k.due28)";
		}
		else {
			select = "count(*), count(*) filter (where " + overdueOn(":asOf") + "),"
					+ " count(*) filter (where r.next_due >= :asOf and r.next_due <= :in7),"
					+ " count(*) filter (where r.next_due >= :asOf and r.next_due <= :in28)";
		}
		String sql = "select " + team + ", " + chair + ", " + kind + ", " + code + ", " + select + from + where
				+ (groups.isEmpty() ? "" : " group by " + String.join(", ", groups)) + " order by 5 desc, 1, 2, 3, 4";
		return scope.read(bindAll(db.sql(sql), binds).map(r -> new SummaryRow(r.get(0, String.class),
				r.get(1, String.class), r.get(2, String.class), r.get(3, String.class), r.get(4, Long.class),
				r.get(5, Long.class), r.get(6, Long.class), r.get(7, Long.class)))
			.all());
	}

	private static GenericExecuteSpec bindAll(GenericExecuteSpec spec, Map<String, Object> binds) {
		for (Map.Entry<String, Object> bind : binds.entrySet()) {
			spec = spec.bind(bind.getKey(), bind.getValue());
		}
		return spec;
	}

	// ---- writes

	public Mono<Void> insert(CinPlan plan) {
		Set<PlanFlag> f = plan.flagSet();
		GenericExecuteSpec spec = db
			.sql("insert into cin_plan (id, child_id, status, start_reason, referral_date,"
					+ " trigger_date, allocated_on, held_in_mat, student_social_worker, nrpf_only, section7_only,"
					+ " long_term_support, exception_group, supervision_order, visit_frequency_working_days)"
					+ " values (:id, :child, 'OPEN', :reason, :referral, :trigger, :allocated, :mat, :student,"
					+ " :nrpf, :s7, :lts, :exception, :so, :frequency)")
			.bind("id", plan.id())
			.bind("child", plan.childId())
			.bind("reason", plan.startReason().name())
			.bind("referral", plan.referralDate())
			.bind("trigger", plan.triggerDate())
			.bind("mat", f.contains(PlanFlag.HELD_IN_MAT))
			.bind("student", f.contains(PlanFlag.STUDENT_SOCIAL_WORKER))
			.bind("nrpf", f.contains(PlanFlag.NRPF_ONLY))
			.bind("s7", f.contains(PlanFlag.SECTION7_ONLY))
			.bind("lts", f.contains(PlanFlag.LONG_TERM_SUPPORT))
			.bind("exception", f.contains(PlanFlag.EXCEPTION_GROUP))
			.bind("so", f.contains(PlanFlag.SUPERVISION_ORDER));
		spec = nullable(spec, "allocated", plan.allocatedOn(), LocalDate.class);
		spec = nullable(spec, "frequency", plan.visitFrequencyWorkingDays(), Integer.class);
		return spec.then();
	}

	public Mono<Void> insert(PlanEvent e) {
		GenericExecuteSpec spec = db
			.sql("insert into plan_event (id, plan_id, kind, occurred_on, meeting_id)"
					+ " values (:id, :plan, :kind, :on, :meeting)")
			.bind("id", e.id())
			.bind("plan", e.planId())
			.bind("kind", e.kind().name())
			.bind("on", e.occurredOn());
		return nullable(spec, "meeting", e.meetingId(), UUID.class).then();
	}

	public Mono<Void> insert(Visit v) {
		GenericExecuteSpec spec = db
			.sql("insert into visit (id, plan_id, visited_on, child_seen, seen_alone, note)"
					+ " values (:id, :plan, :on, :seen, :alone, :note)")
			.bind("id", v.id())
			.bind("plan", v.planId())
			.bind("on", v.visitedOn())
			.bind("seen", v.childSeen())
			.bind("alone", v.seenAlone());
		return nullable(spec, "note", v.note(), String.class).then();
	}

	/**
	 * Holds the plan's row until the transaction ends, so writes to one plan take turns:
	 * the second reads what the first committed instead of failing on a stale version.
	 * Empty when the plan is not there for the caller.
	 */
	public Mono<UUID> lockForWrite(UUID planId) {
		return db.sql("select id from cin_plan where id = :id for no key update")
			.bind("id", planId)
			.map(row -> row.get(0, UUID.class))
			.one();
	}

	/**
	 * Moves the plan from the version its writer read to the next; false when another
	 * writer got there first (the row lock makes the second writer wait, then find the
	 * version changed).
	 */
	public Mono<Boolean> bumpVersion(UUID planId, int readVersion) {
		return db.sql("update cin_plan set version = version + 1, updated_at = now() where id = :id and version = :v")
			.bind("id", planId)
			.bind("v", readVersion)
			.fetch()
			.rowsUpdated()
			.map(n -> n == 1);
	}

	public Mono<Void> close(UUID planId, LocalDate closedOn, ReviewOutcome reason) {
		GenericExecuteSpec spec = db
			.sql("update cin_plan set status = 'CLOSED', closed_on = :on, close_reason = :reason" + " where id = :id")
			.bind("id", planId)
			.bind("on", closedOn);
		return nullable(spec, "reason", reason == null ? null : reason.name(), String.class).then();
	}

	private static <T> GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, T value, Class<T> type) {
		return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
	}

	// ---- rows

	static CinPlan plan(Readable r) {
		Set<PlanFlag> flags = EnumSet.noneOf(PlanFlag.class);
		addIf(flags, r, "held_in_mat", PlanFlag.HELD_IN_MAT);
		addIf(flags, r, "student_social_worker", PlanFlag.STUDENT_SOCIAL_WORKER);
		addIf(flags, r, "nrpf_only", PlanFlag.NRPF_ONLY);
		addIf(flags, r, "section7_only", PlanFlag.SECTION7_ONLY);
		addIf(flags, r, "long_term_support", PlanFlag.LONG_TERM_SUPPORT);
		addIf(flags, r, "exception_group", PlanFlag.EXCEPTION_GROUP);
		addIf(flags, r, "supervision_order", PlanFlag.SUPERVISION_ORDER);
		String reason = r.get("close_reason", String.class);
		return new CinPlan(r.get("id", UUID.class), r.get("child_id", UUID.class),
				r.get("authority_code", String.class), r.get("team", String.class),
				Boolean.TRUE.equals(r.get("child_disabled", Boolean.class)),
				PlanStatus.valueOf(r.get("status", String.class)),
				PlanStartReason.valueOf(r.get("start_reason", String.class)), r.get("referral_date", LocalDate.class),
				r.get("trigger_date", LocalDate.class), r.get("allocated_on", LocalDate.class), flags,
				r.get("visit_frequency_working_days", Integer.class), r.get("closed_on", LocalDate.class),
				reason == null ? null : ReviewOutcome.valueOf(reason), r.get("version", Integer.class));
	}

	private static void addIf(Set<PlanFlag> flags, Readable r, String column, PlanFlag flag) {
		if (Boolean.TRUE.equals(r.get(column, Boolean.class))) {
			flags.add(flag);
		}
	}

}
