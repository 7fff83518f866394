package uk.cin.policy.pack;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import uk.cin.policy.ChairConstraint;
import uk.cin.policy.ChairRole;
import uk.cin.policy.DeadlineKind;
import uk.cin.policy.MeetingKind;
import uk.cin.policy.PlanEventKind;
import uk.cin.policy.PlanFlag;
import uk.cin.policy.PlanStartReason;
import uk.cin.policy.ReviewOutcome;
import uk.cin.policy.RuleRef;

/**
 * Reads policy packs from YAML. Every mistake fails the load with a message naming the
 * file, the rule and the problem, so that a bad pack never reaches a running service. The
 * file format is described in the README.
 */
public final class PolicyPackLoader {

	private static final Pattern DURATION = Pattern.compile("(-?\\d+)\\s+([a-z-]+)");

	private static final Set<String> PACK_KEYS = Set.of("code", "name", "policyVersion", "calendar", "source", "rules");

	/** The packs in a folder of the classpath, whether on disk or inside a jar. */
	public List<PolicyPack> loadClasspath(String folder, ClassLoader classLoader) {
		URL url = classLoader.getResource(folder);
		if (url == null) {
			throw new PolicyPackException("no policy folder '" + folder + "' on the classpath");
		}
		try {
			if ("file".equals(url.getProtocol())) {
				return loadDirectory(Path.of(url.toURI()));
			}
			if (url.openConnection() instanceof JarURLConnection connection) {
				connection.setUseCaches(false);
				String prefix = connection.getEntryName().endsWith("/") ? connection.getEntryName()
						: connection.getEntryName() + "/";
				List<PolicyPack> packs = new ArrayList<>();
				try (JarFile jar = connection.getJarFile()) {
					List<JarEntry> entries = new ArrayList<>();
					for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
						JarEntry entry = e.nextElement();
						String rest = entry.getName().startsWith(prefix) ? entry.getName().substring(prefix.length())
								: null;
						if (rest != null && !rest.contains("/") && isPackFile(rest)) {
							entries.add(entry);
						}
					}
					entries.sort((a, b) -> a.getName().compareTo(b.getName()));
					for (JarEntry entry : entries) {
						try (InputStream in = jar.getInputStream(entry)) {
							packs.add(load(entry.getName().substring(prefix.length() - folder.length() - 1), in));
						}
					}
				}
				return checkUniqueCodes(packs);
			}
		}
		catch (IOException | URISyntaxException e) {
			throw new PolicyPackException("cannot read policy folder '" + folder + "': " + e.getMessage(), e);
		}
		throw new PolicyPackException("cannot list policy folder '" + folder + "' at " + url.getProtocol() + " URL");
	}

	/** Every *.yaml and *.yml file of a directory, in name order. */
	public List<PolicyPack> loadDirectory(Path directory) {
		List<Path> files;
		try (Stream<Path> listing = Files.list(directory)) {
			files = listing.filter(p -> isPackFile(p.getFileName().toString())).sorted().toList();
		}
		catch (IOException e) {
			throw new PolicyPackException("cannot list policy folder " + directory + ": " + e.getMessage(), e);
		}
		List<PolicyPack> packs = new ArrayList<>();
		for (Path file : files) {
			try (InputStream in = Files.newInputStream(file)) {
				packs.add(load(directory.getFileName() + "/" + file.getFileName(), in));
			}
			catch (IOException e) {
				throw new PolicyPackException(file + ": cannot read: " + e.getMessage(), e);
			}
		}
		return checkUniqueCodes(packs);
	}

	private static boolean isPackFile(String name) {
		return name.endsWith(".yaml") || name.endsWith(".yml");
	}

	private static List<PolicyPack> checkUniqueCodes(List<PolicyPack> packs) {
		Set<String> codes = new HashSet<>();
		for (PolicyPack pack : packs) {
			if (!codes.add(pack.code())) {
				throw new PolicyPackException("two policy packs have the code '" + pack.code() + "'");
			}
		}
		return List.copyOf(packs);
	}

	/** One pack; {@code fileName} is only used in messages. */
	public PolicyPack load(String fileName, InputStream in) {
		try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			Object document;
			try {
				document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
			}
			catch (YAMLException e) {
				throw new PolicyPackException(
						fileName + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""), e);
			}
			return new FileReader(fileName).pack(document);
		}
		catch (IOException e) {
			throw new PolicyPackException(fileName + ": cannot read: " + e.getMessage(), e);
		}
	}

	/** Reads one file, keeping the file and rule in hand for messages. */
	private static final class FileReader {

		private final String file;

		private String rule = null;

		private final Map<String, RuleRef> refs = new LinkedHashMap<>();

		private final Map<String, String> pendingRefs = new HashMap<>();

		/**
		 * Rules named by closure guards' untilHeld, with the guard that names each,
		 * checked once all are read.
		 */
		private final Map<String, String> heldGuards = new LinkedHashMap<>();

		FileReader(String file) {
			this.file = file;
		}

		private PolicyPackException fail(String problem) {
			return new PolicyPackException(file + (rule == null ? "" : ": rule " + rule) + ": " + problem);
		}

		PolicyPack pack(Object document) {
			Map<String, Object> top = map(document, "the file");
			unknownKeys(top, PACK_KEYS, "the pack");
			String code = text(top, "code", true);
			String name = text(top, "name", true);
			String version = text(top, "policyVersion", true);
			String calendarCode = text(top, "calendar", true);
			WorkingCalendar calendar = Calendars.named(calendarCode)
				.orElseThrow(() -> fail("unknown calendar '" + calendarCode + "' (known: "
						+ String.join(", ", Calendars.codes()) + ")"));
			String source = text(top, "source", false);
			Object rulesNode = top.get("rules");
			if (!(rulesNode instanceof List<?> ruleList) || ruleList.isEmpty()) {
				throw fail("'rules' must be a non-empty list");
			}
			// First pass: ids and summaries, so that rules may cite rules defined after
			// them.
			int position = 0;
			for (Object node : ruleList) {
				position++;
				rule = "#" + position;
				Map<String, Object> r = map(node, "a rule");
				if (r.get("id") != null) {
					String id = text(r, "id", true);
					rule = id;
					if (refs.containsKey(id)) {
						throw fail("duplicate rule id " + id);
					}
					refs.put(id, new RuleRef(id, text(r, "summary", true)));
				}
			}
			List<PackRule> rules = new ArrayList<>();
			position = 0;
			for (Object node : ruleList) {
				position++;
				Map<String, Object> r = map(node, "a rule");
				rule = r.get("id") != null ? String.valueOf(r.get("id")) : "#" + position;
				rules.add(rule(r));
			}
			for (Map.Entry<String, String> guard : heldGuards.entrySet()) {
				rule = guard.getValue();
				boolean meetingSeries = rules.stream()
					.anyMatch(p -> p instanceof SeriesRule s && s.occurrence() == Occurrence.CIN_MEETING
							&& s.ref().id().equals(guard.getKey()));
				if (!meetingSeries) {
					throw fail("'untilHeld' names rule " + guard.getKey() + ", which sets no CIN meeting");
				}
			}
			rule = null;
			return new PolicyPack(code, name, version, calendar, source, rules);
		}

		private PackRule rule(Map<String, Object> r) {
			String type = text(r, "type", true);
			RuleKind kind = RuleKind.byPackName(type)
				.orElseThrow(() -> fail("unknown rule type '" + type + "' (known: "
						+ String.join(", ", Arrays.stream(RuleKind.values()).map(RuleKind::packName).sorted().toList())
						+ ")"));
			unknownKeys(r, kind.keys(), "a " + type + " rule");
			RuleRef ref = ref(r);
			Condition when = condition(r.get("when"), "when");
			PackRule read = switch (kind) {
				case SERIES -> series(r, ref, when);
				case DEADLINE -> deadline(r, ref, when);
				case MILESTONE -> milestone(r, ref, when);
				case BEFORE_MEETING -> new BeforeMeetingRule(ref, when, meetingFilter(r.get("meetings")),
						offset(r, "before", true), enumValue(DeadlineKind.class, r, "deadline", true),
						enumValue(PlanEventKind.class, r, "metBy", true),
						role(r.get("responsible"), "responsible", true));
				case CHAIR -> chairRule(r, ref, when, false);
				case FOCUS -> chairRule(r, ref, when, true);
				case CLOSURE_GUARD -> closureGuard(r, ref, when);
				case SUPPRESS -> {
					List<Occurrence> occurrences = new ArrayList<>();
					for (Object o : list(r.get("occurrences"), "occurrences", true)) {
						occurrences.add(occurrence(String.valueOf(o)));
					}
					yield new SuppressRule(ref, when, Set.copyOf(occurrences));
				}
				case LIMIT -> new LimitRule(ref, when);
			};
			if (read.kind() != kind) {
				// A kind read into another kind's record would reach that kind's
				// evaluator, not one of its own.
				throw new IllegalStateException("a " + type + " rule was read as " + read.kind().packName());
			}
			return read;
		}

		private MilestoneRule milestone(Map<String, Object> r, RuleRef ref, Condition when) {
			Offset at = offset(r, "at", true);
			Offset every = offset(r, "every", false);
			if (every != null && (every.unit() != at.unit() || every.amount() == 0)) {
				throw fail(
						"'every' must be a positive duration in the same unit as 'at' (" + at.unit().packName() + ")");
			}
			Anchor anchor = r.get("anchor") == null ? Anchor.PLAN_START : anchor(r, "anchor", true);
			if (!anchor.isPlanDate()) {
				throw fail("a milestone counts from a plan date (trigger, referral, allocation, plan-start), " + "not "
						+ anchor.packName());
			}
			return new MilestoneRule(ref, when, anchor, at, every, enumValue(DeadlineKind.class, r, "deadline", true),
					enumValue(PlanEventKind.class, r, "metBy", true), role(r.get("responsible"), "responsible", true));
		}

		private RuleRef ref(Map<String, Object> r) {
			if (r.get("id") != null) {
				if (r.get("partOf") != null) {
					throw fail("a rule has either an id or partOf, not both");
				}
				return refs.get(String.valueOf(r.get("id")));
			}
			String partOf = text(r, "partOf", false);
			if (partOf == null) {
				throw fail("missing 'id' (or 'partOf' for a further clause of a rule)");
			}
			if (r.get("summary") != null) {
				throw fail("a clause (partOf " + partOf + ") takes its summary from that rule");
			}
			rule = partOf + " (clause)";
			return citedRule(partOf, "partOf");
		}

		private RuleRef citedRule(String id, String key) {
			RuleRef ref = refs.get(id);
			if (ref == null) {
				throw fail("'" + key + "' names rule " + id + ", which this pack does not define");
			}
			return ref;
		}

		private SeriesRule series(Map<String, Object> r, RuleRef ref, Condition when) {
			Occurrence occurrence = r.get("occurrence") == null ? Occurrence.CIN_MEETING
					: occurrence(text(r, "occurrence", true));
			Set<Slot> slots = slots(r.get("slot"), true);
			Anchor anchor = r.get("anchor") == null ? Anchor.PREVIOUS : anchor(r, "anchor", true);
			if (anchor == Anchor.MEETING || anchor == Anchor.EVENT) {
				throw fail("a series counts from trigger, referral, allocation, plan-start or previous, not "
						+ anchor.packName());
			}
			if (anchor == Anchor.PREVIOUS && slots.contains(Slot.FIRST)) {
				throw fail("the first slot of a series has no previous occurrence to count from");
			}
			ChairSpec chair = r.get("chair") == null ? null : chairSpec(r.get("chair"));
			if (chair == null && occurrence.isMeeting()) {
				throw fail("a meeting series rule needs a 'chair'");
			}
			PlanEventKind event = enumValue(PlanEventKind.class, r, "event", occurrence == Occurrence.PLAN_EVENT);
			if (occurrence == Occurrence.PLAN_EVENT) {
				// Events have no chair and agree nothing; they count from plan start,
				// each from the one before.
				if (chair != null || r.get("meetingKind") != null || bool(r, "agreed")) {
					throw fail("a plan-event series has no 'chair', 'meetingKind' or 'agreed'");
				}
				if (anchor != Anchor.PLAN_START && anchor != Anchor.PREVIOUS) {
					throw fail("a plan-event series counts from plan-start, not " + anchor.packName());
				}
				if (r.get("deadline") == null || r.get("responsible") == null) {
					throw fail("a plan-event series needs a 'deadline' and who is 'responsible'");
				}
			}
			else if (event != null) {
				throw fail("'event' applies only to a plan-event series");
			}
			// One exception, or a list of them tried in order (CL8-06 for a disabled
			// child, then CL8-03 for any).
			Object exceptionNode = r.get("exception");
			List<?> exceptionNodes = exceptionNode == null ? List.of()
					: exceptionNode instanceof List<?> list ? list : List.of(exceptionNode);
			if (exceptionNode != null && exceptionNodes.isEmpty()) {
				throw fail("'exception' must be a mapping or a non-empty list of them");
			}
			List<SeriesRule.IntervalException> exceptions = new ArrayList<>();
			for (Object node : exceptionNodes) {
				Map<String, Object> e = map(node, "exception");
				unknownKeys(e, Set.of("rule", "requiresDisabledChild", "limit"), "exception");
				exceptions.add(new SeriesRule.IntervalException(citedRule(text(e, "rule", true), "exception.rule"),
						bool(e, "requiresDisabledChild"), offset(e, "limit", false)));
			}
			String limitRule = text(r, "limitRule", false);
			return new SeriesRule(ref, when, occurrence, slots, anchor, offset(r, "due", true), bool(r, "agreed"),
					enumValue(DeadlineKind.class, r, "deadline", false),
					enumValue(MeetingKind.class, r, "meetingKind", false), chair,
					role(r.get("responsible"), "responsible", false), offset(r, "onlyWhileDueWithin", false),
					limitRule == null ? null : citedRule(limitRule, "limitRule"), event, exceptions);
		}

		/**
		 * Either a minimum after a plan date (CAM-05) or a meeting that must be held
		 * first (DER-07).
		 */
		private ClosureGuardRule closureGuard(Map<String, Object> r, RuleRef ref, Condition when) {
			String untilHeld = text(r, "untilHeld", false);
			if (untilHeld == null) {
				Anchor anchor = anchor(r, "anchor", true);
				if (!anchor.isPlanDate()) {
					throw fail("a closure guard counts its minimum from a plan date (trigger, referral, allocation, "
							+ "plan-start), not " + anchor.packName());
				}
				return new ClosureGuardRule(ref, when, anchor, offset(r, "minimum", true), null);
			}
			if (r.get("anchor") != null || r.get("minimum") != null) {
				throw fail("a closure guard has either 'untilHeld' or 'anchor' and 'minimum', not both");
			}
			heldGuards.put(untilHeld, rule);
			return new ClosureGuardRule(ref, when, null, null, citedRule(untilHeld, "untilHeld"));
		}

		private DeadlineRule deadline(Map<String, Object> r, RuleRef ref, Condition when) {
			Anchor anchor = anchor(r, "anchor", true);
			if (anchor == Anchor.PREVIOUS) {
				throw fail("'previous' is an anchor for series rules only");
			}
			MeetingFilter meetings = null;
			if (anchor == Anchor.MEETING) {
				meetings = meetingFilter(r.get("meetings"));
			}
			else if (r.get("meetings") != null) {
				throw fail("'meetings' applies only with anchor: meeting");
			}
			PlanEventKind anchorEvent = enumValue(PlanEventKind.class, r, "anchorEvent", anchor == Anchor.EVENT);
			List<DeadlineRule.AlternativeAnchor> alternatives = new ArrayList<>();
			for (Object node : list(r.get("alternatives"), "alternatives", false)) {
				Map<String, Object> a = map(node, "an alternative");
				unknownKeys(a, Set.of("when", "anchor"), "an alternative");
				Anchor alternative = anchor(a, "anchor", true);
				if (!alternative.isPlanDate()) {
					throw fail("an alternative anchor must be a plan date (trigger, referral, allocation, "
							+ "plan-start)");
				}
				alternatives.add(
						new DeadlineRule.AlternativeAnchor(condition(a.get("when"), "alternatives.when"), alternative));
			}
			String metByText = text(r, "metBy", true);
			MetBy metBy = switch (metByText) {
				case "visit" -> new MetBy(MetBy.Type.VISIT, null);
				case "closure" -> new MetBy(MetBy.Type.CLOSURE, null);
				default -> MetBy.event(enumNamed(PlanEventKind.class, metByText, "metBy"));
			};
			return new DeadlineRule(ref, when, anchor, meetings, anchorEvent, alternatives, offset(r, "due", true),
					enumValue(DeadlineKind.class, r, "deadline", true), metBy,
					role(r.get("responsible"), "responsible", true));
		}

		private ChairRule chairRule(Map<String, Object> r, RuleRef ref, Condition when, boolean focus) {
			Object sequence = r.get("sequence");
			if (sequence != null && !(sequence instanceof Integer n && n > 0)) {
				throw fail("'sequence' must be a positive whole number");
			}
			Offset firstReviewDueFrom = offset(r, "firstReviewDueFrom", false);
			boolean dueByMilestone = bool(r, "dueByMilestone");
			if (dueByMilestone && firstReviewDueFrom == null) {
				throw fail("'dueByMilestone' needs 'firstReviewDueFrom', the milestone the review is due by");
			}
			return new ChairRule(ref, when, slots(r.get("slot"), false), (Integer) sequence, bool(r, "finalMeeting"),
					firstReviewDueFrom, dueByMilestone, focus ? null : chairSpec(r.get("chair")),
					focus ? text(r, "focus", true) : null);
		}

		private ChairSpec chairSpec(Object node) {
			Map<String, Object> c = map(node, "chair");
			unknownKeys(c, Set.of("role", "acceptable", "constraint", "variants"), "chair");
			List<ChairSpec.Variant> variants = new ArrayList<>();
			for (Object v : list(c.get("variants"), "chair.variants", false)) {
				Map<String, Object> variant = map(v, "a chair variant");
				unknownKeys(variant, Set.of("when", "role", "acceptable", "constraint"), "a chair variant");
				variants.add(new ChairSpec.Variant(condition(variant.get("when"), "chair.variants.when"),
						role(variant.get("role"), "chair.variants.role", true), roles(variant.get("acceptable")),
						enumValue(ChairConstraint.class, variant, "constraint", false)));
			}
			return new ChairSpec(role(c.get("role"), "chair.role", true), roles(c.get("acceptable")),
					enumValue(ChairConstraint.class, c, "constraint", false), variants);
		}

		private List<ChairRole> roles(Object node) {
			List<ChairRole> roles = new ArrayList<>();
			for (Object o : list(node, "acceptable", false)) {
				roles.add(role(o, "acceptable", true));
			}
			return roles;
		}

		private ChairRole role(Object value, String key, boolean required) {
			if (value == null) {
				if (required) {
					throw fail("missing '" + key + "'");
				}
				return null;
			}
			try {
				return ChairRole.valueOf(String.valueOf(value));
			}
			catch (IllegalArgumentException e) {
				throw fail("unknown role '" + value + "' in " + key);
			}
		}

		private MeetingFilter meetingFilter(Object node) {
			Map<String, Object> m = map(node, "meetings");
			unknownKeys(m, Set.of("kinds", "final", "outcomes"), "meetings");
			List<MeetingKind> kinds = new ArrayList<>();
			for (Object k : list(m.get("kinds"), "meetings.kinds", true)) {
				kinds.add(enumNamed(MeetingKind.class, String.valueOf(k), "meetings.kinds"));
			}
			List<ReviewOutcome> outcomes = new ArrayList<>();
			for (Object o : list(m.get("outcomes"), "meetings.outcomes", false)) {
				outcomes.add(enumNamed(ReviewOutcome.class, String.valueOf(o), "meetings.outcomes"));
			}
			Object isFinal = m.get("final");
			if (isFinal != null && !(isFinal instanceof Boolean)) {
				throw fail("'meetings.final' must be true or false");
			}
			return new MeetingFilter(Set.copyOf(kinds), (Boolean) isFinal, Set.copyOf(outcomes));
		}

		private Condition condition(Object node, String key) {
			if (node == null) {
				return Condition.ALWAYS;
			}
			Map<String, Object> c = map(node, key);
			unknownKeys(c, Set.of("startReasons", "exceptStartReasons", "flags", "childDisabled"), key);
			Set<PlanFlag> flagsSet = EnumSet.noneOf(PlanFlag.class);
			Set<PlanFlag> flagsUnset = EnumSet.noneOf(PlanFlag.class);
			if (c.get("flags") != null) {
				for (Map.Entry<String, Object> flag : map(c.get("flags"), key + ".flags").entrySet()) {
					PlanFlag planFlag = PlanFlag.byFieldName(flag.getKey())
						.orElseThrow(() -> fail("unknown flag '" + flag.getKey() + "' in " + key + " (known: "
								+ Arrays.stream(PlanFlag.values()).map(PlanFlag::fieldName).toList() + ")"));
					if (!(flag.getValue() instanceof Boolean value)) {
						throw fail("flag '" + flag.getKey() + "' in " + key + " must be true or false");
					}
					(value ? flagsSet : flagsUnset).add(planFlag);
				}
			}
			Object disabled = c.get("childDisabled");
			if (disabled != null && !(disabled instanceof Boolean)) {
				throw fail("'" + key + ".childDisabled' must be true or false");
			}
			return new Condition(reasons(c.get("startReasons"), key), reasons(c.get("exceptStartReasons"), key),
					flagsSet, flagsUnset, (Boolean) disabled);
		}

		private Set<PlanStartReason> reasons(Object node, String key) {
			Set<PlanStartReason> reasons = EnumSet.noneOf(PlanStartReason.class);
			for (Object o : list(node, key + ".startReasons", false)) {
				reasons.add(enumNamed(PlanStartReason.class, String.valueOf(o), key + ".startReasons"));
			}
			return reasons;
		}

		private Set<Slot> slots(Object node, boolean required) {
			if (node == null) {
				if (required) {
					throw fail("missing 'slot' (first, second, later or a list of them)");
				}
				return Set.of();
			}
			Collection<?> values = node instanceof List<?> l ? l : List.of(node);
			Set<Slot> slots = EnumSet.noneOf(Slot.class);
			for (Object v : values) {
				slots.add(enumNamed(Slot.class, String.valueOf(v).toUpperCase(Locale.ROOT), "slot"));
			}
			return slots;
		}

		private Occurrence occurrence(String name) {
			return Arrays.stream(Occurrence.values())
				.filter(o -> o.packName().equals(name))
				.findFirst()
				.orElseThrow(() -> fail("unknown occurrence '" + name + "' (known: "
						+ Arrays.stream(Occurrence.values()).map(Occurrence::packName).toList() + ")"));
		}

		private Anchor anchor(Map<String, Object> r, String key, boolean required) {
			String name = text(r, key, required);
			return Arrays.stream(Anchor.values())
				.filter(a -> a.packName().equals(name))
				.findFirst()
				.orElseThrow(() -> fail("unknown anchor '" + name + "' (known: "
						+ Arrays.stream(Anchor.values()).map(Anchor::packName).toList() + ")"));
		}

		private Offset offset(Map<String, Object> r, String key, boolean required) {
			Object value = r.get(key);
			if (value == null) {
				if (required) {
					throw fail("missing '" + key + "' (a duration such as '10 working-days' or '6 weeks')");
				}
				return null;
			}
			Matcher m = DURATION.matcher(String.valueOf(value).trim());
			if (!m.matches()) {
				throw fail("'" + key + "' is '" + value + "', not a duration such as '10 working-days'");
			}
			int amount = Integer.parseInt(m.group(1));
			if (amount < 0) {
				throw fail("negative offset " + amount + " in '" + key + "'");
			}
			TimeUnit unit = TimeUnit.byPackName(m.group(2))
				.orElseThrow(() -> fail("unknown unit '" + m.group(2) + "' in '" + key
						+ "' (known: working-days, days, weeks, months)"));
			return new Offset(amount, unit);
		}

		private <E extends Enum<E>> E enumValue(Class<E> type, Map<String, Object> r, String key, boolean required) {
			Object value = r.get(key);
			if (value == null) {
				if (required) {
					throw fail("missing '" + key + "'");
				}
				return null;
			}
			return enumNamed(type, String.valueOf(value), key);
		}

		private <E extends Enum<E>> E enumNamed(Class<E> type, String name, String key) {
			try {
				return Enum.valueOf(type, name);
			}
			catch (IllegalArgumentException e) {
				throw fail("unknown " + type.getSimpleName() + " '" + name + "' in '" + key + "' (known: "
						+ Arrays.toString(type.getEnumConstants()) + ")");
			}
		}

		private boolean bool(Map<String, Object> r, String key) {
			Object value = r.get(key);
			if (value == null) {
				return false;
			}
			if (!(value instanceof Boolean b)) {
				throw fail("'" + key + "' must be true or false");
			}
			return b;
		}

		private String text(Map<String, Object> r, String key, boolean required) {
			Object value = r.get(key);
			if (value == null || String.valueOf(value).isBlank()) {
				if (required) {
					throw fail("missing '" + key + "'");
				}
				return null;
			}
			return String.valueOf(value).trim();
		}

		private List<?> list(Object node, String key, boolean required) {
			if (node == null) {
				if (required) {
					throw fail("missing '" + key + "'");
				}
				return List.of();
			}
			if (!(node instanceof List<?> l)) {
				throw fail("'" + key + "' must be a list");
			}
			return l;
		}

		@SuppressWarnings("unchecked")
		private Map<String, Object> map(Object node, String what) {
			if (!(node instanceof Map<?, ?> m)) {
				throw fail(what + " must be a mapping");
			}
			return (Map<String, Object>) m;
		}

		private void unknownKeys(Map<String, Object> node, Set<String> allowed, String what) {
			for (String key : node.keySet()) {
				if (!allowed.contains(key)) {
					throw fail("unknown key '" + key + "' in " + what);
				}
			}
		}

	}

}
