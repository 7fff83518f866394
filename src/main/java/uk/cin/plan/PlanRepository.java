package uk.cin.plan;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
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

	/** What plans(filter, first, after) asks for; dates and today already resolved. */
	public record PlanQuery(String authorityCode, List<String> teams, PlanStatus status, LocalDate overdueAsOf,
			LocalDate reviewDueBefore, LocalDate today, UUID after, int first, boolean counted) {
	}

	public record PlanPage(List<CinPlan> plans, boolean hasNextPage, long totalCount) {
	}

	public Mono<PlanPage> page(PlanQuery q) {
		StringBuilder where = new StringBuilder(" where true");
		Map<String, Object> binds = new LinkedHashMap<>();
		if (q.authorityCode() != null) {
			// The plan's own column: with the index on (authority_code, status, id), a
			// page is an ordered index range.
			where.append(" and p.authority_code = :authority");
			binds.put("authority", q.authorityCode());
		}
		if (q.teams() != null) {
			where.append(" and f.team = any(:teams)");
			binds.put("teams", q.teams().toArray(String[]::new));
		}
		if (q.status() != null) {
			where.append(" and p.status = :status");
			binds.put("status", q.status().name());
		}
		if (q.overdueAsOf() != null) {
			// A deadline that had arisen and not ended by that day, was due before it,
			// and was not met by it.
			where.append(" and exists (select 1 from plan_deadline d where d.plan_id = p.id"
					+ " and d.arose_on <= :overdue and (d.ended_on is null or d.ended_on > :overdue)"
					+ " and d.due_date < :overdue and (d.met_on is null or d.met_on > :overdue))");
			binds.put("overdue", q.overdueAsOf());
		}
		if (q.reviewDueBefore() != null) {
			// nextReviewDue (as of today) on or before the date: an open CIN-meeting
			// deadline due by then.
			where.append(" and exists (select 1 from plan_deadline d where d.plan_id = p.id" + " and d.kind in ('"
					+ DeadlineKind.INITIAL_MEETING + "', '" + DeadlineKind.FIRST_REVIEW + "', '" + DeadlineKind.REVIEW
					+ "')" + " and d.arose_on <= :today and (d.ended_on is null or d.ended_on > :today)"
					+ " and (d.met_on is null or d.met_on > :today) and d.due_date <= :reviewBefore)");
			binds.put("today", q.today());
			binds.put("reviewBefore", q.reviewDueBefore());
		}
		String pageWhere = where + (q.after() == null ? "" : " and p.id > :after");
		GenericExecuteSpec pageSql = bindAll(
				db.sql("select " + PLAN_COLUMNS + PLAN_FROM + pageWhere + " order by p.id limit :limit"), binds)
			.bind("limit", q.first() + 1);
		if (q.after() != null) {
			pageSql = pageSql.bind("after", q.after());
		}
		Mono<List<CinPlan>> rows = pageSql.map(PlanRepository::plan).all().collectList();
		// Counting every matching plan costs as much as the page itself: only when
		// totalCount is asked for.
		Mono<Long> count = !q.counted() ? Mono.just(0L)
				: bindAll(db.sql("select count(*)" + PLAN_FROM + where), binds).map(r -> r.get(0, Long.class)).one();
		return Mono.zip(rows, count).map(t -> {
			List<CinPlan> plans = t.getT1();
			boolean more = plans.size() > q.first();
			return new PlanPage(more ? plans.subList(0, q.first()) : plans, more, t.getT2());
		});
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
