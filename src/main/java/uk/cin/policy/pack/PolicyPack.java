package uk.cin.policy.pack;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.cin.policy.PlanEventKind;

/**
 * One authority's procedure as computable rules: durations, units, calendar, roles, rule
 * ids and summaries. Rules keep the order of the pack file, which decides precedence
 * among series and chair rules. The rules of each kind are sorted out once here, not on
 * every evaluation.
 */
public final class PolicyPack {

	private final String code;

	private final String name;

	private final String policyVersion;

	private final WorkingCalendar calendar;

	private final String source;

	private final List<PackRule> rules;

	private final Map<Occurrence, List<SeriesRule>> series = new EnumMap<>(Occurrence.class);

	private final Map<PlanEventKind, List<SeriesRule>> eventSeries = new EnumMap<>(PlanEventKind.class);

	private final List<DeadlineRule> deadlineRules;

	private final List<MilestoneRule> milestoneRules;

	private final List<BeforeMeetingRule> beforeMeetingRules;

	private final List<ChairRule> chairRules;

	private final List<ClosureGuardRule> closureGuards;

	/**
	 * @param source the published procedure the pack was drawn from
	 */
	public PolicyPack(String code, String name, String policyVersion, WorkingCalendar calendar, String source,
			List<PackRule> rules) {
		this.code = code;
		this.name = name;
		this.policyVersion = policyVersion;
		this.calendar = calendar;
		this.source = source;
		this.rules = List.copyOf(rules);
		for (Occurrence occurrence : Occurrence.values()) {
			series.put(occurrence,
					this.rules.stream()
						.filter(r -> r instanceof SeriesRule s && s.occurrence() == occurrence)
						.map(SeriesRule.class::cast)
						.toList());
		}
		for (SeriesRule rule : series.get(Occurrence.PLAN_EVENT)) {
			eventSeries.computeIfAbsent(rule.event(), kind -> new ArrayList<>()).add(rule);
		}
		eventSeries.replaceAll((kind, list) -> List.copyOf(list));
		this.deadlineRules = only(DeadlineRule.class);
		this.milestoneRules = only(MilestoneRule.class);
		this.beforeMeetingRules = only(BeforeMeetingRule.class);
		this.chairRules = only(ChairRule.class);
		this.closureGuards = only(ClosureGuardRule.class);
	}

	private <T extends PackRule> List<T> only(Class<T> type) {
		List<T> result = new ArrayList<>();
		for (PackRule rule : rules) {
			if (type.isInstance(rule)) {
				result.add(type.cast(rule));
			}
		}
		return List.copyOf(result);
	}

	public String code() {
		return code;
	}

	public String name() {
		return name;
	}

	public String policyVersion() {
		return policyVersion;
	}

	public WorkingCalendar calendar() {
		return calendar;
	}

	public String source() {
		return source;
	}

	public List<PackRule> rules() {
		return rules;
	}

	public List<SeriesRule> seriesRules(Occurrence occurrence) {
		return series.get(occurrence);
	}

	/**
	 * The plan-event series, by the kind of event that fills them, each list in pack
	 * order.
	 */
	public Map<PlanEventKind, List<SeriesRule>> eventSeries() {
		return eventSeries;
	}

	public List<DeadlineRule> deadlineRules() {
		return deadlineRules;
	}

	public List<MilestoneRule> milestoneRules() {
		return milestoneRules;
	}

	public List<BeforeMeetingRule> beforeMeetingRules() {
		return beforeMeetingRules;
	}

	public List<ChairRule> chairRules() {
		return chairRules;
	}

	public List<ClosureGuardRule> closureGuards() {
		return closureGuards;
	}

	/**
	 * Every rule id with its summary, in pack order; a rule with several clauses appears
	 * once.
	 */
	public Map<String, String> ruleSummaries() {
		Map<String, String> summaries = new LinkedHashMap<>();
		for (PackRule rule : rules) {
			summaries.putIfAbsent(rule.ref().id(), rule.ref().summary());
		}
		return summaries;
	}

	@Override
	public String toString() {
		return "PolicyPack[" + code + ", " + rules.size() + " rules]";
	}

}
