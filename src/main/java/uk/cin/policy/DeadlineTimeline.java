package uk.cin.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import uk.cin.policy.pack.MilestoneRule;
import uk.cin.policy.pack.PolicyPack;

/**
 * A plan's deadlines over time: each with the date it arose, the date it was met and the
 * date it ceased to apply (the plan closed). Stored, it lets a database answer "which
 * plans had an overdue deadline on D?" for any D without running the engine: the
 * deadlines as of D are those that had arisen and not ended by D, with their status
 * judged on D. {@link #asOf} does exactly that, and a property test holds it equal to
 * {@link PolicyEngine#evaluate}.
 *
 * <p>
 * The set of deadlines only changes on the dates facts are dated and when a repeating
 * milestone falls due, so evaluating at each of those dates finds every change. Repeating
 * milestones are followed up to {@code until}.
 */
public final class DeadlineTimeline {

	/** One deadline of the timeline. {@code endedOn} is null while it applies. */
	public record Entry(DeadlineKind kind, LocalDate dueDate, RuleRef rule, ChairRole responsibleRole, String meetingId,
			LocalDate aroseOn, LocalDate metOn, LocalDate endedOn) {

		/** Whether it applied at the end of this day. */
		public boolean appliesOn(LocalDate day) {
			return !aroseOn.isAfter(day) && (endedOn == null || endedOn.isAfter(day));
		}

		/**
		 * Its status at the end of this day, as the engine judges it
		 * (docs/policy-rules.md §1).
		 */
		public DeadlineStatus statusOn(LocalDate day) {
			LocalDate met = metOn != null && !metOn.isAfter(day) ? metOn : null;
			return PolicyEngine.status(dueDate, met, day);
		}

		public Deadline toDeadline(LocalDate day) {
			LocalDate met = metOn != null && !metOn.isAfter(day) ? metOn : null;
			return new Deadline(kind, dueDate, statusOn(day), met, responsibleRole, rule, meetingId);
		}
	}

	private DeadlineTimeline() {
	}

	/**
	 * Identity of a deadline across evaluations: what it is and when it is due, not its
	 * status.
	 */
	private record Key(String ruleId, DeadlineKind kind, LocalDate dueDate, String meetingId, int occurrence) {
	}

	/**
	 * From {@code from} (from the beginning when null) until the next stretch, the plan's
	 * nextReviewDue and requiredChairRole as the engine gives them on any of those days
	 * (null: none due, or closed).
	 */
	public record ReviewStretch(@Nullable LocalDate from, @Nullable LocalDate dueDate, @Nullable ChairRole chairRole) {
	}

	/**
	 * Days over which the plan had an overdue deadline: from {@code from} until (not
	 * including) {@code until}, open-ended when null.
	 */
	public record OverdueSpell(LocalDate from, @Nullable LocalDate until) {
	}

	/** The deadline timeline and the next review due over time, from one pass. */
	public record Built(List<Entry> deadlines, List<ReviewStretch> reviews, List<OverdueSpell> overdue) {

		public Built {
			deadlines = List.copyOf(deadlines);
			reviews = List.copyOf(reviews);
			overdue = List.copyOf(overdue);
		}
	}

	/**
	 * When the plan was overdue, from the timeline alone: a deadline is overdue at the
	 * end of a day after its due date, once it had arisen, while neither met nor ended
	 * (as {@link Entry#statusOn} judges it). Overlapping spells are merged.
	 */
	public static List<OverdueSpell> overdueSpells(List<Entry> timeline) {
		List<OverdueSpell> spells = new ArrayList<>();
		for (Entry e : timeline) {
			LocalDate from = e.dueDate().plusDays(1).isAfter(e.aroseOn()) ? e.dueDate().plusDays(1) : e.aroseOn();
			LocalDate until = e.metOn();
			if (e.endedOn() != null && (until == null || e.endedOn().isBefore(until))) {
				until = e.endedOn();
			}
			if (until == null || from.isBefore(until)) {
				spells.add(new OverdueSpell(from, until));
			}
		}
		spells.sort((a, b) -> a.from().compareTo(b.from()));
		List<OverdueSpell> merged = new ArrayList<>();
		for (OverdueSpell spell : spells) {
			OverdueSpell last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (last != null && (last.until() == null || !last.until().isBefore(spell.from()))) {
				LocalDate until = last.until() == null || spell.until() == null ? null
						: last.until().isAfter(spell.until()) ? last.until() : spell.until();
				merged.set(merged.size() - 1, new OverdueSpell(last.from(), until));
			}
			else {
				merged.add(spell);
			}
		}
		return merged;
	}

	public static List<Entry> of(PlanFacts plan, PolicyPack pack, LocalDate until, PolicyEngine engine) {
		return build(plan, pack, until, engine).deadlines();
	}

	/**
	 * The timeline with the plan's next review due over time: the engine is asked on
	 * every day the facts change, so between two such days neither changes.
	 */
	public static Built build(PlanFacts plan, PolicyPack pack, LocalDate until, PolicyEngine engine) {
		Set<String> milestoneRules = new HashSet<>();
		for (MilestoneRule rule : pack.milestoneRules()) {
			milestoneRules.add(rule.ref().id());
		}
		TreeSet<LocalDate> points = changeDates(plan, until);
		// Entries in the order they arose; a deadline that ended and came back (met after
		// the plan closed) has one entry per stretch of time it applied.
		List<Entry> entries = new ArrayList<>();
		Map<Key, Integer> live = new HashMap<>();
		List<ReviewStretch> reviews = new ArrayList<>();
		// Before the referral the plan's facts are all in its future: the day before
		// stands for every earlier day.
		Evaluation before = engine.evaluate(plan, plan.referralDate().minusDays(1), pack);
		reviews.add(new ReviewStretch(null, before.nextReviewDue(), before.requiredChairRole()));
		LocalDate point = points.isEmpty() ? null : points.first();
		while (point != null) {
			Evaluation e = engine.evaluate(plan, point, pack);
			ReviewStretch last = reviews.get(reviews.size() - 1);
			if (!Objects.equals(last.dueDate(), e.nextReviewDue())
					|| !Objects.equals(last.chairRole(), e.requiredChairRole())) {
				reviews.add(new ReviewStretch(point, e.nextReviewDue(), e.requiredChairRole()));
			}
			Set<Key> current = new HashSet<>();
			Map<Key, Integer> seen = new HashMap<>();
			for (Deadline d : e.deadlines()) {
				Key base = new Key(d.rule().id(), d.kind(), d.dueDate(), d.meetingId(), 0);
				int occurrence = seen.merge(base, 1, Integer::sum) - 1;
				Key key = new Key(base.ruleId(), base.kind(), base.dueDate(), base.meetingId(), occurrence);
				current.add(key);
				Integer at = live.get(key);
				if (at == null) {
					live.put(key, entries.size());
					entries.add(new Entry(d.kind(), d.dueDate(), d.rule(), d.responsibleRole(), d.meetingId(), point,
							d.metOn(), null));
				}
				else if (d.metOn() != null && entries.get(at).metOn() == null) {
					entries.set(at, withMet(entries.get(at), d.metOn()));
				}
				// A repeating milestone brings its next one when this one falls due.
				if (milestoneRules.contains(d.rule().id()) && !d.dueDate().isAfter(until)
						&& d.dueDate().isAfter(point)) {
					points.add(d.dueDate());
				}
			}
			for (Iterator<Map.Entry<Key, Integer>> it = live.entrySet().iterator(); it.hasNext();) {
				Map.Entry<Key, Integer> next = it.next();
				if (!current.contains(next.getKey())) {
					Entry known = entries.get(next.getValue());
					entries.set(next.getValue(), new Entry(known.kind(), known.dueDate(), known.rule(),
							known.responsibleRole(), known.meetingId(), known.aroseOn(), known.metOn(), point));
					it.remove();
				}
			}
			point = points.higher(point);
		}
		return new Built(entries, reviews, overdueSpells(entries));
	}

	/**
	 * The deadlines as the engine would give them on this day, from the timeline alone.
	 */
	public static List<Deadline> asOf(List<Entry> timeline, LocalDate day) {
		List<Deadline> deadlines = new ArrayList<>();
		for (Entry entry : timeline) {
			if (entry.appliesOn(day)) {
				deadlines.add(entry.toDeadline(day));
			}
		}
		deadlines.sort((a, b) -> {
			int byDate = a.dueDate().compareTo(b.dueDate());
			if (byDate != 0) {
				return byDate;
			}
			int byKind = a.kind().compareTo(b.kind());
			return byKind != 0 ? byKind : a.rule().id().compareTo(b.rule().id());
		});
		return deadlines;
	}

	private static Entry withMet(Entry e, LocalDate metOn) {
		return new Entry(e.kind(), e.dueDate(), e.rule(), e.responsibleRole(), e.meetingId(), e.aroseOn(), metOn,
				e.endedOn());
	}

	/**
	 * Every date on which the plan's facts change, from the referral on, up to
	 * {@code until}. A trigger before the referral (docs/policy-rules.md §9) is left out:
	 * the plan does not exist before its referral, so the deadlines the trigger sets
	 * arise on the referral date.
	 */
	private static TreeSet<LocalDate> changeDates(PlanFacts plan, LocalDate until) {
		TreeSet<LocalDate> points = new TreeSet<>();
		List<LocalDate> dates = new ArrayList<>();
		dates.add(plan.referralDate());
		dates.add(plan.triggerDate());
		dates.add(plan.allocatedOn());
		dates.add(plan.closedOn());
		for (MeetingFact m : plan.meetings()) {
			dates.add(m.heldOn());
		}
		for (PlanEventFact e : plan.events()) {
			dates.add(e.occurredOn());
		}
		for (VisitFact v : plan.visits()) {
			dates.add(v.visitedOn());
		}
		for (LocalDate date : dates) {
			if (date != null && !date.isBefore(plan.referralDate()) && !date.isAfter(until)) {
				points.add(date);
			}
		}
		points.add(Objects.requireNonNull(plan.referralDate()));
		return points;
	}

}
