package uk.cin.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.cin.policy.pack.Anchor;
import uk.cin.policy.pack.BeforeMeetingRule;
import uk.cin.policy.pack.Calendars;
import uk.cin.policy.pack.ChairRule;
import uk.cin.policy.pack.ChairSpec;
import uk.cin.policy.pack.ClosureGuardRule;
import uk.cin.policy.pack.Condition;
import uk.cin.policy.pack.DeadlineRule;
import uk.cin.policy.pack.LimitRule;
import uk.cin.policy.pack.MeetingFilter;
import uk.cin.policy.pack.MetBy;
import uk.cin.policy.pack.MilestoneRule;
import uk.cin.policy.pack.Occurrence;
import uk.cin.policy.pack.Offset;
import uk.cin.policy.pack.PackRule;
import uk.cin.policy.pack.PolicyPack;
import uk.cin.policy.pack.SeriesRule;
import uk.cin.policy.pack.Slot;
import uk.cin.policy.pack.SuppressRule;

/**
 * The rules reference, docs/policy-rules.md, rendered from the policy packs: the common
 * semantics every pack is read with, which rule sets a plan's first meeting, and per
 * authority a table of every rule with what it makes due, who chairs or is responsible,
 * and the plans it applies to. Each kind of rule is rendered by its
 * {@link PackRule.Visitor} method, so a new kind is described here before the code
 * compiles. PolicyRulesDocTest keeps the committed file equal to what this renders.
 */
public final class PolicyRulesDocument {

	/** How to bring the committed file up to date; the test that checks it says so. */
	public static final String REGENERATE = "mvn -B -q test -Dtest=PolicyRulesDocTest -Dcin.docs.write=true";

	private PolicyRulesDocument() {
	}

	/** The whole document for these packs, in the order given. */
	public static String render(List<PolicyPack> packs) {
		StringBuilder out = new StringBuilder();
		out.append("# Child in Need policy rules, per authority\n\n");
		out.append("<!-- Generated from src/main/resources/policies/ by uk.cin.policy.PolicyRulesDocument: do not "
				+ "edit. Change a pack, then run: ")
			.append(REGENERATE)
			.append(" -->\n\n");
		out.append("""
				Each authority's published procedure is a policy pack in `src/main/resources/policies/`; this file is \
				rendered from those packs (`%s`), so it says what the engine computes. Every rule has an id \
				(`NOT-04`): the API gives that id and the rule's one-line summary with every computed deadline, chair \
				requirement and refusal, so that a social worker or an inspector can see *why* a date is what it is. \
				Where these rules leave a question open, the README's "Readings of the rules" gives the reading the \
				engine takes; those readings bind as these rules do.

				The sections numbered § keep the numbers the code, the API and the README cite: a problem with the \
				facts that no rule of a pack covers cites `§1`.

				""".formatted(REGENERATE));
		out.append("| authority | code | policy version | bank-holiday calendar | source |\n|---|---|---|---|---|\n");
		for (PolicyPack pack : packs) {
			out.append("| ")
				.append(cell(pack.name()))
				.append(" | `")
				.append(pack.code())
				.append("` | ")
				.append(cell(pack.policyVersion()))
				.append(" | ")
				.append(cell(pack.calendar().name()))
				.append(" (`")
				.append(pack.calendar().code())
				.append("`) | ")
				.append(cell(pack.source() == null ? "" : pack.source()))
				.append(" |\n");
		}
		out.append('\n');
		commonSemantics(out);
		firstMeetings(out, packs);
		for (PolicyPack pack : packs) {
			authority(out, pack);
		}
		secondReading(out);
		return out.toString();
	}

	// ---- §1 and §9: prose every pack is read with

	private static void commonSemantics(StringBuilder out) {
		out.append("""
				## §1. Common semantics (all authorities)

				- **Dates** are local dates (no time) in `Europe/London`. "Today" comes from an injectable clock.
				- **N working days after D**: step forward from D one day at a time, counting only Monday–Friday \
				days that are not bank holidays of the authority's calendar, until N are counted. D itself never \
				counts. Example: 10 working days after Fri 2026-01-02 is Fri 2026-01-16. A pack names its calendar: %s.
				- **N days** = calendar days (D + N). **N weeks** = D + 7N days. **N months** = calendar months with \
				end-of-month clamping (2026-01-31 + 1 month = 2026-02-28). Only where a procedure says "working days" \
				are working days used; "days", "weeks", "months" are calendar units, literally as written.
				- **"Within X of D"** gives a due date of D + X, inclusive: an event on the due date is on time. \
				**"X before the meeting"** gives a latest date of the meeting date − X, in the same units.
				- A **deadline** is MET (done on or before its due date), MET_LATE (done after it), OVERDUE (not done \
				and today is after the due date) or PENDING (not done, today on or before the due date). `isOverdue` \
				is true only for OVERDUE.
				- A deadline whose due date depends on a meeting that has not been held yet does not exist yet; one \
				that hangs on no future meeting exists from the moment its anchor is known.
				- **As of a date**: every computed field takes an optional `asOf` date (default today). The plan is \
				judged as it stood at the end of that day: events dated after `asOf` are ignored.
				- **Plan start date** = the date of the initial CIN (planning) meeting that confirmed the plan; for a \
				plan that starts by step-down (from a child protection plan, from care, after proceedings), the date \
				the step-down happened, unless a planning meeting is held first. **Month milestones** (6, 9, 12 \
				months…) count from the plan start date.
				- **Plan-level `nextReviewDue`**: the due date of the earliest open deadline of kind INITIAL_MEETING, \
				FIRST_REVIEW or REVIEW. `requiredChairRole` and `nextMeeting` describe that same meeting (network \
				meetings and management oversight are deadlines, never the "next meeting"). Null when the plan is \
				closed. **Plan-level `isOverdue`**: true when any open deadline of the plan is OVERDUE.
				- **`requiredChairRole`** of the next meeting: the role the authority designates. Each chair rule also \
				lists the other roles the procedure accepts (`acceptableChairRoles`) and any constraint (independent \
				of the case; not the case's own team manager). A meeting recorded with a chair outside that list is \
				still saved (never lose what happened) but is flagged `chairCompliant: false` with the rule id.
				- **Roles**: %s.
				- **How a plan started** (`startReason`): %s.
				- **Review outcomes**: CLOSE (no longer in need; may step down to early help or universal services), \
				CONTINUE (same level; minor plan amendment), REASSESS (needs changed; further or updated assessment), \
				ESCALATE (risk of significant harm; strategy discussion and possible s47 enquiry).
				- **Deadline kinds**: %s.

				""".formatted(String.join(", ", Calendars.codes().stream().sorted().map(c -> "`" + c + "`").toList()),
				names(ChairRole.values()), names(PlanStartReason.values()), names(DeadlineKind.values())));
	}

	private static void secondReading(StringBuilder out) {
		out.append("""
				## §9. Second reading (2026-12-02)

				The rules were corrected where a close reading of the procedures found the first reading wrong. The \
				tables above are the corrected rules; what changed, and why:

				- **LAZ-04.** The London borough's procedure: "subsequent CIN meetings should be held at least every \
				3 months. In the case of disabled children, the CiN meeting will take place every 6 months". The \
				first review is a subsequent meeting: for a disabled child it is due 6 months after the initial \
				meeting, not 3.
				- **NOT-08.** Nottinghamshire's procedure: "If the case remains open to a social worker at the \
				6-month point, a CIN Review must be convened and chaired by the Team Manager." The review happens \
				*at* the 6-month point: the first review that NOT-05 would put on or after start + 6 months is due on \
				start + 6 months at the latest. Example: planning meeting 2026-01-14, interval 12 weeks; first review \
				(NOT-04) held on 2026-02-25, next held on its due date 2026-05-20; NOT-05 would then say 2026-08-12, \
				after the 6-month point 2026-07-14, so that review is due 2026-07-14, chaired by the team manager.
				- **DER-07.** Derby's procedure: "These delist Child In Need Reviews must take place even if the plan \
				is to close". `closePlan` before the delist review is held is refused with a userError naming DER-07 \
				(as CAM-05 does), and nothing is written. "Where capacity allows" a CIN reviewing officer chairs; \
				otherwise the usual Derby review chair (DER-04) is acceptable.
				- **DER-10.** Derby's procedure: "cases that have been open for 12 months". Derby has no planning \
				meeting, so the case's 12 months count from the referral date.
				- **CL8-03.** The Children Law 2008 procedure allows reviews "at least every three months, unless \
				there are exceptional circumstances when timescales can be longer": a next date over 12 weeks is \
				accepted when the meeting records an exception reason (`intervalExceptionReason`), and refused \
				otherwise.
				- **CAM-13.** A deadline that hangs on no future meeting exists from the moment its anchor is known: \
				when a case summary is done early, the next one (90 days later) is listed at once.
				- **Trigger before referral.** Only a plan that starts `AFTER_ASSESSMENT` or `PRIVATE_FOSTERING` needs \
				its trigger on or after the referral date (the assessment and the 7-day visit follow the referral). \
				For the other start reasons the trigger is an outside event (a family became resident, proceedings \
				ended, a child left care, a conference) that may come before the receiving team's referral: accepted, \
				and the rule of §8 counts from it (the Children Law 2008 procedure: "within 20 working days of the \
				family being resident in their area").
				""");
	}

	private static String names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
	}

	// ---- §8: which rule sets the first meeting

	private static void firstMeetings(StringBuilder out, List<PolicyPack> packs) {
		out.append("""
				## §8. Which rule sets the first meeting, by how the plan started

				The trigger date of `openPlan` anchors the rule named here, for a plan with no flags set and a child \
				who is not disabled (flags and a disabled child can change it: see each authority's table). A plan \
				that starts by step-down has no separate planning meeting where the rule named sets a first *review*: \
				its first meeting is recorded as a REVIEW.

				""");
		out.append("| startReason |");
		for (PolicyPack pack : packs) {
			out.append(" `").append(pack.code()).append("` |");
		}
		out.append("\n|---|");
		out.append("---|".repeat(packs.size())).append('\n');
		for (PlanStartReason reason : PlanStartReason.values()) {
			PlanFacts plan = PlanFacts.opened(reason, PolicyEngine.EARLIEST_DATE, PolicyEngine.EARLIEST_DATE);
			out.append("| ").append(reason.name()).append(" |");
			for (PolicyPack pack : packs) {
				String meeting = firstRuleId(pack, Occurrence.CIN_MEETING, plan);
				String network = firstRuleId(pack, Occurrence.NETWORK_MEETING, plan);
				out.append(' ').append(meeting == null ? "—" : meeting);
				if (network != null) {
					out.append(" (network meetings: ").append(network).append(')');
				}
				out.append(" |");
			}
			out.append('\n');
		}
		out.append('\n');
	}

	private static String firstRuleId(PolicyPack pack, Occurrence occurrence, PlanFacts plan) {
		for (SeriesRule rule : pack.seriesRules(occurrence)) {
			if (rule.slots().contains(Slot.FIRST) && rule.when().test(plan)) {
				return rule.ref().id();
			}
		}
		return null;
	}

	// ---- one authority

	/**
	 * One rule as a row: the kind of rule, what it makes due (or does), and who chairs or
	 * is responsible.
	 */
	private record Row(String kind, String due, String chair) {
	}

	private static void authority(StringBuilder out, PolicyPack pack) {
		out.append("## ").append(pack.name()).append(" (`").append(pack.code()).append("`)\n\n");
		out.append("Policy version ")
			.append(pack.policyVersion())
			.append("; bank holidays of ")
			.append(pack.calendar().name())
			.append(" (`")
			.append(pack.calendar().code())
			.append("`)");
		if (pack.source() != null) {
			out.append("; drawn from ").append(pack.source());
		}
		out.append(".\n\n");
		out.append("| id | summary | rule | due | chair / responsible | applies to |\n|---|---|---|---|---|---|\n");
		Set<String> seen = new HashSet<>();
		RowRenderer renderer = new RowRenderer(pack);
		for (PackRule rule : pack.rules()) {
			Row row = rule.accept(renderer);
			boolean clause = !seen.add(rule.ref().id());
			out.append("| ")
				.append(rule.ref().id())
				.append(" | ")
				.append(clause ? "(further clause)" : cell(rule.ref().summary()))
				.append(" | ")
				.append(cell(row.kind()))
				.append(" | ")
				.append(cell(row.due()))
				.append(" | ")
				.append(cell(row.chair()))
				.append(" | ")
				.append(cell(condition(rule.when())))
				.append(" |\n");
		}
		out.append('\n');
	}

	/** Renders one rule of a pack by its kind. */
	private static final class RowRenderer implements PackRule.Visitor<Row> {

		private final PolicyPack pack;

		RowRenderer(PolicyPack pack) {
			this.pack = pack;
		}

		@Override
		public Row series(SeriesRule rule) {
			Noun noun = noun(rule);
			StringBuilder due = new StringBuilder();
			// Slots with the same timing read as one: "the second and each later CIN
			// meeting 12 weeks after...".
			Map<String, List<String>> bySlotTiming = new LinkedHashMap<>();
			for (Slot slot : Slot.values()) {
				if (rule.slots().contains(slot)) {
					bySlotTiming.computeIfAbsent(slotTiming(rule, slot, noun), t -> new ArrayList<>())
						.add(switch (slot) {
							case FIRST -> "the first";
							case SECOND -> "the second";
							case LATER -> "each later";
						});
				}
			}
			for (Map.Entry<String, List<String>> timing : bySlotTiming.entrySet()) {
				due.append(due.isEmpty() ? "" : "; ")
					.append(String.join(" and ", timing.getValue()))
					.append(' ')
					.append(noun.one())
					.append(' ')
					.append(timing.getKey());
			}
			if (followsAnOccurrence(rule)) {
				if (rule.occurrence() == Occurrence.CHILD_SEEN_VISIT) {
					due.append(rule.agreed() ? "; sooner where the plan sets a shorter visit frequency" : "");
				}
				else if (rule.occurrence().isMeeting()) {
					due.append("; sooner where the previous meeting set an earlier next date")
						.append(rule.agreed() ? ", or a meeting agreed a shorter interval (in force until changed)"
								: "");
				}
			}
			for (SeriesRule.IntervalException exception : rule.exceptions()) {
				due.append("; later ")
					.append(exceptionTerms(exception))
					.append(" (")
					.append(exception.rule().id())
					.append(')');
			}
			if (rule.limitRule() != null) {
				due.append("; a date or interval past the limit is refused citing ").append(rule.limitRule().id());
			}
			if (rule.onlyWhileDueWithin() != null) {
				due.append("; only while due within ")
					.append(offset(rule.onlyWhileDueWithin()))
					.append(" of plan start");
			}
			String chair = rule.chair() == null ? "" : chairSpec(rule.chair());
			if (rule.responsible() != null) {
				chair += (chair.isEmpty() ? "" : "; ") + "responsible " + rule.responsible();
			}
			return new Row("series of " + noun.many() + " (" + seriesKinds(rule) + ")", due.toString(), chair);
		}

		@Override
		public Row deadline(DeadlineRule rule) {
			StringBuilder due = new StringBuilder(anchored(rule.due(), rule.anchor(), rule));
			for (DeadlineRule.AlternativeAnchor alternative : rule.alternatives()) {
				due.append("; where ")
					.append(condition(alternative.when()))
					.append(", ")
					.append(anchored(rule.due(), alternative.anchor(), rule))
					.append(" instead");
			}
			due.append("; met by ").append(metBy(rule.metBy()));
			return new Row("deadline `" + rule.deadline() + "`", due.toString(), "responsible " + rule.responsible());
		}

		@Override
		public Row milestone(MilestoneRule rule) {
			String due = "at " + anchorName(rule.anchor()) + " + " + offset(rule.at())
					+ (rule.every() == null ? "" : ", then every " + offset(rule.every())) + "; met by a recorded `"
					+ rule.metBy() + "`";
			return new Row("milestone `" + rule.deadline() + "`", due, "responsible " + rule.responsible());
		}

		@Override
		public Row beforeMeeting(BeforeMeetingRule rule) {
			String due = offset(rule.before()) + " before " + meetings(rule.meetings()) + "; met by a recorded `"
					+ rule.metBy() + "` before it";
			return new Row("before-meeting `" + rule.deadline() + "`", due, "responsible " + rule.responsible());
		}

		@Override
		public Row chair(ChairRule rule) {
			return new Row("chair", picks(rule), chairSpec(rule.chair()));
		}

		@Override
		public Row focus(ChairRule rule) {
			return new Row("focus", picks(rule), "focus `" + rule.focus() + "`");
		}

		@Override
		public Row closureGuard(ClosureGuardRule rule) {
			String due = rule.untilHeld() != null
					? "the plan may not close before the CIN meeting " + rule.untilHeld().id() + " sets is held, where "
							+ rule.untilHeld().id() + " applies and CIN meetings are not suppressed"
					: "the plan may not close before " + anchorName(rule.anchor()) + " + " + offset(rule.minimum());
			return new Row("closure guard", due, "");
		}

		@Override
		public Row suppress(SuppressRule rule) {
			List<String> series = new ArrayList<>();
			for (Occurrence occurrence : Occurrence.values()) {
				if (rule.occurrences().contains(occurrence)) {
					series.add(occurrence.packName());
				}
			}
			return new Row("suppress", "no deadlines of the " + String.join(", ", series) + " series", "");
		}

		@Override
		public Row limit(LimitRule rule) {
			List<String> uses = new ArrayList<>();
			for (SeriesRule series : allSeries(pack)) {
				if (series.limitRule() != null && series.limitRule().id().equals(rule.ref().id())) {
					uses.add("the limit " + series.ref().id() + " cites when a date or interval agreed at a meeting "
							+ "is past it");
				}
				for (SeriesRule.IntervalException exception : series.exceptions()) {
					if (exception.rule().id().equals(rule.ref().id())) {
						uses.add("lets " + series.ref().id() + " go later " + exceptionTerms(exception));
					}
				}
			}
			return new Row("limit",
					uses.isEmpty() ? "no date of its own" : "no date of its own: " + String.join("; ", uses), "");
		}

	}

	// ---- pieces of a row

	private static List<SeriesRule> allSeries(PolicyPack pack) {
		List<SeriesRule> all = new ArrayList<>();
		for (Occurrence occurrence : Occurrence.values()) {
			all.addAll(pack.seriesRules(occurrence));
		}
		return all;
	}

	/**
	 * What fills a series' slots: one, many, and the one before (for "6 weeks after the
	 * previous meeting").
	 */
	private record Noun(String one, String many, String previous) {
	}

	private static Noun noun(SeriesRule rule) {
		return switch (rule.occurrence()) {
			case CIN_MEETING -> new Noun("CIN meeting", "CIN meetings", "the previous meeting");
			case NETWORK_MEETING -> new Noun("network meeting", "network meetings", "the previous network meeting");
			case CHILD_SEEN_VISIT ->
				new Noun("visit with the child seen", "visits with the child seen", "the previous visit");
			case PLAN_EVENT ->
				new Noun("`" + rule.event() + "` event", "`" + rule.event() + "` events", "the previous one");
		};
	}

	private static String slotTiming(SeriesRule rule, Slot slot, Noun noun) {
		if (slot == Slot.LATER || rule.anchor() == Anchor.PREVIOUS) {
			return offset(rule.due()) + " after " + noun.previous();
		}
		return offset(rule.due()) + " after " + anchorName(rule.anchor());
	}

	/**
	 * Whether a slot of the rule has an occurrence before it, whose agreements may move
	 * the date.
	 */
	private static boolean followsAnOccurrence(SeriesRule rule) {
		return rule.slots().contains(Slot.SECOND) || rule.slots().contains(Slot.LATER)
				|| rule.occurrence() == Occurrence.CHILD_SEEN_VISIT;
	}

	/** The deadline kinds a series rule gives: its own, or each slot's. */
	private static String seriesKinds(SeriesRule rule) {
		if (rule.deadline() != null) {
			return "`" + rule.deadline() + "`";
		}
		Set<DeadlineKind> kinds = EnumSet.noneOf(DeadlineKind.class);
		for (Slot slot : ordered(rule.slots(), Slot.class)) {
			kinds.add(switch (slot) {
				case FIRST -> DeadlineKind.INITIAL_MEETING;
				case SECOND -> DeadlineKind.FIRST_REVIEW;
				case LATER -> DeadlineKind.REVIEW;
			});
		}
		return joined(kinds, k -> "`" + k + "`");
	}

	private static String exceptionTerms(SeriesRule.IntervalException exception) {
		return (exception.requiresDisabledChild() ? "for a disabled child with a recorded reason"
				: "with a recorded exception reason")
				+ (exception.limit() == null ? ", with no upper limit" : ", up to " + offset(exception.limit()));
	}

	private static String anchored(Offset due, Anchor anchor, DeadlineRule rule) {
		String after = due.amount() == 0 ? "on the day of " : offset(due) + " after ";
		return switch (anchor) {
			case MEETING -> after + meetings(rule.meetings());
			case EVENT -> after + "each `" + rule.anchorEvent() + "` event";
			case REFERRAL, TRIGGER, ALLOCATION, PLAN_START, PREVIOUS -> after + anchorName(anchor);
		};
	}

	private static String anchorName(Anchor anchor) {
		return switch (anchor) {
			case REFERRAL -> "the referral date";
			case TRIGGER -> "the trigger date";
			case ALLOCATION -> "the allocation date";
			case PLAN_START -> "plan start";
			case PREVIOUS -> "the one before";
			case MEETING -> "each meeting";
			case EVENT -> "each event";
		};
	}

	private static String metBy(MetBy metBy) {
		return switch (metBy.type()) {
			case EVENT -> "a recorded `" + metBy.event() + "`";
			case VISIT -> "a visit";
			case CLOSURE -> "closing the plan";
		};
	}

	/** "each review", "the final CIN meeting", "each CIN meeting with outcome CLOSE". */
	private static String meetings(MeetingFilter filter) {
		Set<MeetingKind> kinds = ordered(filter.kinds(), MeetingKind.class);
		String noun;
		if (kinds.equals(EnumSet.of(MeetingKind.PLANNING, MeetingKind.REVIEW))) {
			noun = "CIN meeting";
		}
		else {
			noun = joined(kinds, kind -> switch (kind) {
				case PLANNING -> "planning meeting";
				case REVIEW -> "review";
				case NETWORK -> "network meeting";
			}).replace(", ", " or ");
		}
		String text = Boolean.TRUE.equals(filter.isFinal()) ? "the final " + noun
				: "each " + noun + (Boolean.FALSE.equals(filter.isFinal()) ? " that is not final" : "");
		if (!filter.outcomes().isEmpty()) {
			text += " with outcome "
					+ joined(ordered(filter.outcomes(), ReviewOutcome.class), Enum::name).replace(", ", " or ");
		}
		return text;
	}

	/** The CIN meetings a chair or focus rule picks, and the date it sets, if any. */
	private static String picks(ChairRule rule) {
		List<String> conditions = new ArrayList<>();
		if (!rule.slots().isEmpty()) {
			conditions.add(joined(ordered(rule.slots(), Slot.class), slot -> switch (slot) {
				case FIRST -> "the first";
				case SECOND -> "the second";
				case LATER -> "a later one";
			}).replace(", ", " or ") + " of the series");
		}
		if (rule.sequence() != null) {
			conditions.add("number " + rule.sequence() + " (the first meeting is number 1)");
		}
		if (rule.finalMeeting()) {
			conditions.add("recorded as final");
		}
		if (rule.firstReviewDueFrom() != null) {
			conditions.add("the first review due on or after plan start + " + offset(rule.firstReviewDueFrom()));
		}
		String text = conditions.isEmpty() ? "every CIN meeting"
				: "the CIN meeting that is " + String.join(", and ", conditions);
		if (rule.dueByMilestone()) {
			text += "; that review is due on plan start + " + offset(rule.firstReviewDueFrom())
					+ " at the latest, never before the meeting it follows";
		}
		return text;
	}

	private static String chairSpec(ChairSpec chair) {
		StringBuilder text = new StringBuilder(chairTerms(chair.role(), chair.acceptable(), chair.constraint()));
		for (ChairSpec.Variant variant : chair.variants()) {
			text.append("; where ")
				.append(condition(variant.when()))
				.append(": ")
				.append(chairTerms(variant.role(), variant.acceptable(), variant.constraint()));
		}
		return text.toString();
	}

	private static String chairTerms(ChairRole role, List<ChairRole> acceptable, ChairConstraint constraint) {
		StringBuilder text = new StringBuilder("designated ").append(role);
		List<ChairRole> others = acceptable.stream().filter(r -> r != role).toList();
		if (!others.isEmpty()) {
			text.append(", acceptable ").append(joined(others, Enum::name));
		}
		if (constraint != null) {
			text.append(", constraint ").append(constraint).append(switch (constraint) {
				case INDEPENDENT -> " (independent of the case)";
				case NOT_CASE_TEAM_MANAGER -> " (not the case's own team manager)";
			});
		}
		return text.toString();
	}

	/** The plans a condition holds for. */
	static String condition(Condition when) {
		if (when.isAlways()) {
			return "every plan";
		}
		List<String> parts = new ArrayList<>();
		if (!when.startReasons().isEmpty()) {
			parts.add("started " + joined(when.startReasons(), r -> "`" + r + "`").replace(", ", " or "));
		}
		if (!when.exceptStartReasons().isEmpty()) {
			parts.add("not started " + joined(when.exceptStartReasons(), r -> "`" + r + "`").replace(", ", " or "));
		}
		for (PlanFlag flag : when.flagsSet()) {
			parts.add("`" + flag.fieldName() + "`");
		}
		for (PlanFlag flag : when.flagsUnset()) {
			parts.add("not `" + flag.fieldName() + "`");
		}
		if (when.childDisabled() != null) {
			parts.add(when.childDisabled() ? "a disabled child" : "a child who is not disabled");
		}
		return String.join("; ", parts);
	}

	/**
	 * The pack model keeps sets whose order is not stable from one run to the next; a
	 * document must be.
	 */
	private static <E extends Enum<E>> Set<E> ordered(Set<E> values, Class<E> type) {
		EnumSet<E> set = EnumSet.noneOf(type);
		set.addAll(values);
		return set;
	}

	private static String offset(Offset offset) {
		return offset.toString();
	}

	private static <T> String joined(Collection<T> values, Function<T, String> name) {
		return values.stream().map(name).collect(Collectors.joining(", "));
	}

	/** Text for a table cell: a pipe would end the cell. */
	private static String cell(String text) {
		return text.replace("|", "\\|");
	}

}
