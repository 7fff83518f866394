package uk.cin.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the evaluators of one evaluation find, in the order they find it: deadlines,
 * assessments of held meetings, the next CIN meeting, validation problems, and which
 * series rule each held CIN meeting met (what closure guards ask). The only state the
 * evaluators share; it lives for one evaluation.
 */
final class Findings {

	/**
	 * A deadline with whether it outlives the plan's closure (tasks that follow a meeting
	 * held before it).
	 */
	private record Candidate(Deadline deadline, boolean survivesClosure) {
	}

	private final List<Candidate> candidates = new ArrayList<>();

	private final List<MeetingAssessment> assessments = new ArrayList<>();

	private final Set<ValidationProblem> problems = new LinkedHashSet<>();

	private MeetingRequirement nextMeeting;

	/**
	 * On a closed plan, the date the first CIN meeting each series rule set was held, by
	 * rule id (DER-07).
	 */
	private Map<String, LocalDate> heldUnder;

	void deadline(Deadline deadline, boolean survivesClosure) {
		candidates.add(new Candidate(deadline, survivesClosure));
	}

	void assessment(MeetingAssessment assessment) {
		assessments.add(assessment);
	}

	void nextMeeting(MeetingRequirement meeting) {
		nextMeeting = meeting;
	}

	/** A CIN meeting was held in a slot this series rule set; only the first counts. */
	void heldUnder(String seriesRuleId, LocalDate heldOn) {
		if (heldUnder == null) {
			heldUnder = new HashMap<>();
		}
		heldUnder.putIfAbsent(seriesRuleId, heldOn);
	}

	/**
	 * When the first CIN meeting in a slot this series rule set was held; null if none
	 * was (or not recorded).
	 */
	LocalDate firstHeldUnder(String seriesRuleId) {
		return heldUnder == null ? null : heldUnder.get(seriesRuleId);
	}

	/**
	 * A validation problem; the message cites the rule if it does not already. The same
	 * problem counts once.
	 */
	void problem(ValidationCode code, RuleRef rule, String subjectId, String field, String message) {
		String cited = message.contains(rule.id()) ? message : message + " (" + rule.id() + ")";
		problems.add(new ValidationProblem(code, rule, subjectId, field, cited));
	}

	boolean hasProblems() {
		return !problems.isEmpty();
	}

	/** The answer for facts that cannot be judged at all: only the problems. */
	Evaluation refusal(LocalDate asOf) {
		return new Evaluation(asOf, false, null, List.of(), null, List.of(), List.copyOf(problems));
	}

	Evaluation evaluation(PlanIndex plan) {
		boolean closed = plan.closed();
		List<Deadline> deadlines = new ArrayList<>(candidates.size());
		for (Candidate c : candidates) {
			// A closed plan keeps what was done, and the tasks that follow meetings held
			// before it closed.
			if (!closed || !c.deadline().isOpen() || c.survivesClosure()) {
				deadlines.add(c.deadline());
			}
		}
		sortByDueDate(deadlines);
		return new Evaluation(plan.asOf(), closed, plan.startDate(), deadlines, closed ? null : nextMeeting,
				assessments, List.copyOf(problems));
	}

	/**
	 * Due date, then kind, then rule id. Sorting primitive keys (date, kind, position) is
	 * several times cheaper than comparing dates; the rare deadlines with the same date
	 * and kind are then put in rule id order.
	 */
	private static void sortByDueDate(List<Deadline> deadlines) {
		int n = deadlines.size();
		long[] keys = new long[n];
		for (int i = 0; i < n; i++) {
			Deadline d = deadlines.get(i);
			LocalDate due = d.dueDate();
			// Year, month and day as one ordered number: cheaper than an epoch day, the
			// same order.
			long day = (due.getYear() * 16L + due.getMonthValue()) * 32 + due.getDayOfMonth();
			keys[i] = ((day << 5 | d.kind().ordinal()) << 16) | i;
		}
		Arrays.sort(keys);
		Deadline[] sorted = new Deadline[n];
		for (int i = 0; i < n; i++) {
			sorted[i] = deadlines.get((int) (keys[i] & 0xFFFF));
		}
		for (int i = 1; i < n; i++) {
			// Insertion sort within each run of equal (date, kind): almost always runs of
			// one.
			for (int j = i; j > 0 && keys[j] >>> 16 == keys[j - 1] >>> 16
					&& sorted[j].rule().id().compareTo(sorted[j - 1].rule().id()) < 0; j--) {
				Deadline swap = sorted[j];
				sorted[j] = sorted[j - 1];
				sorted[j - 1] = swap;
				long key = keys[j];
				keys[j] = keys[j - 1];
				keys[j - 1] = key;
			}
		}
		for (int i = 0; i < n; i++) {
			deadlines.set(i, sorted[i]);
		}
	}

}
