package uk.cin.generate;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import uk.cin.family.Child;
import uk.cin.generate.CaseloadSimulation.GeneratedFamily;
import uk.cin.generate.CaseloadSimulation.GeneratedPlan;
import uk.cin.meeting.Attendee;
import uk.cin.meeting.Meeting;
import uk.cin.plan.PlanEvent;
import uk.cin.plan.Visit;
import uk.cin.policy.DeadlineTimeline;

/**
 * Writes generated families over JDBC in batched inserts (the driver rewrites each batch
 * into multi-row statements), one transaction per chunk. Row-level security applies as it
 * does to the service: each chunk is written in the scope of its authority. COPY is not
 * used because PostgreSQL refuses it on tables under row-level security.
 */
final class BulkLoader implements AutoCloseable {

	private final Connection connection;

	private final PreparedStatement family;

	private final PreparedStatement child;

	private final PreparedStatement plan;

	private final PreparedStatement meeting;

	private final PreparedStatement attendee;

	private final PreparedStatement event;

	private final PreparedStatement visit;

	private final PreparedStatement deadline;

	private final PreparedStatement review;

	private final PreparedStatement overdue;

	private final PreparedStatement scope;

	BulkLoader(Connection connection) throws SQLException {
		this.connection = connection;
		connection.setAutoCommit(false);
		scope = connection.prepareStatement("select set_config('cin.authority', ?, true)");
		family = connection.prepareStatement("insert into family (id, authority_code, team, name) values (?, ?, ?, ?)");
		child = connection.prepareStatement("insert into child (id, family_id, authority_code, given_name, family_name,"
				+ " date_of_birth, disabled) values (?, ?, ?, ?, ?, ?, ?)");
		plan = connection.prepareStatement("insert into cin_plan (id, child_id, authority_code, status, start_reason,"
				+ " referral_date, trigger_date, allocated_on, closed_on, close_reason, version)"
				+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
		meeting = connection.prepareStatement("insert into meeting (id, plan_id, authority_code, kind, held_on,"
				+ " chair_role, outcome, is_final) values (?, ?, ?, ?, ?, ?, ?, ?)");
		attendee = connection.prepareStatement("insert into attendee (meeting_id, position, authority_code, name, role,"
				+ " invited, attended) values (?, ?, ?, ?, ?, ?, ?)");
		event = connection.prepareStatement("insert into plan_event (id, plan_id, authority_code, kind, occurred_on,"
				+ " meeting_id) values (?, ?, ?, ?, ?, ?)");
		visit = connection.prepareStatement("insert into visit (id, plan_id, authority_code, visited_on, child_seen,"
				+ " seen_alone) values (?, ?, ?, ?, ?, ?)");
		deadline = connection.prepareStatement("insert into plan_deadline (plan_id, position, authority_code, kind,"
				+ " due_date, rule_id, responsible_role, meeting_id, arose_on, met_on, ended_on)"
				+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
		review = connection.prepareStatement("insert into plan_review (plan_id, authority_code, team, valid_from,"
				+ " valid_to, next_due, chair_role) values (?, ?, ?, coalesce(cast(? as date), '-infinity'::date),"
				+ " coalesce(cast(? as date), 'infinity'::date), coalesce(cast(? as date), 'infinity'::date), ?)");
		overdue = connection.prepareStatement("insert into plan_overdue (plan_id, authority_code, valid_from, valid_to)"
				+ " values (?, ?, ?, coalesce(cast(? as date), 'infinity'::date))");
	}

	/** Writes one chunk of one authority's families, in one transaction. */
	void load(String authority, List<GeneratedFamily> families) throws SQLException {
		try {
			scope.setString(1, authority);
			scope.execute();
			for (GeneratedFamily f : families) {
				add(family, f.family().id(), authority, f.family().team(), f.family().name());
				for (Child c : f.children()) {
					add(child, c.id(), c.familyId(), authority, c.givenName(), c.familyName(), date(c.dateOfBirth()),
							c.disabled());
				}
			}
			for (GeneratedFamily f : families) {
				for (GeneratedPlan p : f.plans()) {
					var cin = p.plan();
					add(plan, cin.id(), cin.childId(), authority, cin.status().name(), cin.startReason().name(),
							date(cin.referralDate()), date(cin.triggerDate()), date(cin.allocatedOn()),
							date(cin.closedOn()), cin.closeReason() == null ? null : cin.closeReason().name(),
							cin.version());
					for (Meeting m : p.meetings()) {
						add(meeting, m.id(), m.planId(), authority, m.kind().name(), date(m.heldOn()),
								m.chairRole().name(), m.outcome() == null ? null : m.outcome().name(), m.isFinal());
					}
				}
			}
			// Children before parents: each table in one batch, in the order the foreign
			// keys need.
			execute(family, child, plan, meeting);
			for (GeneratedFamily f : families) {
				for (GeneratedPlan p : f.plans()) {
					for (Attendee a : p.attendees()) {
						add(attendee, a.meetingId(), a.position(), authority, a.name(), a.role(), a.invited(),
								a.attended());
					}
					for (PlanEvent e : p.events()) {
						add(event, e.id(), e.planId(), authority, e.kind().name(), date(e.occurredOn()), e.meetingId());
					}
					for (Visit v : p.visits()) {
						add(visit, v.id(), v.planId(), authority, date(v.visitedOn()), v.childSeen(), v.seenAlone());
					}
					List<DeadlineTimeline.ReviewStretch> reviews = p.reviews();
					for (int i = 0; i < reviews.size(); i++) {
						DeadlineTimeline.ReviewStretch r = reviews.get(i);
						add(review, p.plan().id(), authority, f.family().team(), date(r.from()),
								date(i + 1 < reviews.size() ? reviews.get(i + 1).from() : null), date(r.dueDate()),
								r.chairRole() == null ? null : r.chairRole().name());
					}
					for (DeadlineTimeline.OverdueSpell spell : p.overdue()) {
						add(overdue, p.plan().id(), authority, date(spell.from()), date(spell.until()));
					}
					List<DeadlineTimeline.Entry> timeline = p.deadlines();
					for (int i = 0; i < timeline.size(); i++) {
						DeadlineTimeline.Entry d = timeline.get(i);
						add(deadline, p.plan().id(), i, authority, d.kind().name(), date(d.dueDate()), d.rule().id(),
								d.responsibleRole() == null ? null : d.responsibleRole().name(),
								d.meetingId() == null ? null : UUID.fromString(d.meetingId()), date(d.aroseOn()),
								date(d.metOn()), date(d.endedOn()));
					}
				}
			}
			execute(attendee, event, visit, deadline, review, overdue);
			connection.commit();
		}
		catch (SQLException | RuntimeException e) {
			connection.rollback();
			throw e;
		}
	}

	/**
	 * Fresh planner statistics: after a bulk load the old ones describe a database a
	 * fraction of the size.
	 */
	void analyze() throws SQLException {
		try (var statement = connection.createStatement()) {
			statement.execute(
					"analyze family, child, cin_plan, meeting, attendee, plan_event, visit, plan_deadline, plan_review, plan_overdue");
		}
		connection.commit();
	}

	private static void add(PreparedStatement statement, Object... values) throws SQLException {
		for (int i = 0; i < values.length; i++) {
			Object value = values[i];
			if (value == null) {
				statement.setNull(i + 1, Types.OTHER);
			}
			else {
				statement.setObject(i + 1, value);
			}
		}
		statement.addBatch();
	}

	private static void execute(PreparedStatement... statements) throws SQLException {
		for (PreparedStatement statement : statements) {
			statement.executeBatch();
		}
	}

	private static Date date(LocalDate day) {
		return day == null ? null : Date.valueOf(day);
	}

	@Override
	public void close() throws SQLException {
		connection.close();
	}

}
