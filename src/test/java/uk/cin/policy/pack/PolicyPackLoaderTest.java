package uk.cin.policy.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.cin.policy.PlanEventKind;

class PolicyPackLoaderTest {

	private static final String HEADER = """
			code: test
			name: Test
			policyVersion: "1"
			calendar: england-and-wales
			rules:
			""";

	private static final String GOOD_RULE = """
			  - id: X-01
			    summary: First meeting
			    type: series
			    slot: first
			    anchor: trigger
			    due: 10 working-days
			    chair: {role: TEAM_MANAGER}
			""";

	/** A series of case summaries, each due 90 days after the one before (CAM-13). */
	private static final String SUMMARIES = """
			  - id: X-02
			    summary: Case summary every 90 days
			    type: series
			    occurrence: plan-event
			    event: CASE_SUMMARY
			    slot: [first, later]
			    anchor: plan-start
			    due: 90 days
			    deadline: CASE_SUMMARY
			    responsible: SOCIAL_WORKER
			""";

	private static PolicyPack load(String yaml) {
		return new PolicyPackLoader().load("bad.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * A malformed pack, and the words its error message must contain: the file, the rule,
	 * the problem.
	 */
	static Stream<Arguments> malformed() {
		return Stream.of(
				Arguments.of("unknown unit", HEADER + GOOD_RULE.replace("10 working-days", "3 fortnights"),
						List.of("bad.yaml", "rule X-01", "unknown unit 'fortnights'")),
				Arguments.of("negative offset", HEADER + GOOD_RULE.replace("10 working-days", "-2 weeks"),
						List.of("bad.yaml", "rule X-01", "negative offset -2")),
				Arguments.of("unknown role", HEADER + GOOD_RULE.replace("TEAM_MANAGER", "HEAD_TEACHER"),
						List.of("bad.yaml", "rule X-01", "unknown role 'HEAD_TEACHER'")),
				Arguments.of("duplicate rule id", HEADER + GOOD_RULE + GOOD_RULE,
						List.of("bad.yaml", "rule X-01", "duplicate rule id X-01")),
				Arguments.of("rule kind that does not exist",
						HEADER + GOOD_RULE.replace("type: series", "type: reminder"),
						List.of("bad.yaml", "rule X-01", "unknown rule type 'reminder'")),
				Arguments.of("misspelt key", HEADER + GOOD_RULE.replace("due:", "dew:"),
						List.of("bad.yaml", "rule X-01", "unknown key 'dew'")),
				Arguments.of("not a duration", HEADER + GOOD_RULE.replace("10 working-days", "soon"),
						List.of("bad.yaml", "rule X-01", "'due' is 'soon'")),
				Arguments.of("unknown calendar", HEADER.replace("england-and-wales", "mars") + GOOD_RULE,
						List.of("bad.yaml", "unknown calendar 'mars'")),
				Arguments.of("missing summary", HEADER + GOOD_RULE.replace("    summary: First meeting\n", ""),
						List.of("bad.yaml", "rule X-01", "missing 'summary'")),
				Arguments.of("clause of an unknown rule", HEADER + GOOD_RULE + """
						  - partOf: X-09
						    type: closure-guard
						    anchor: trigger
						    minimum: 3 months
						""", List.of("bad.yaml", "X-09", "which this pack does not define")),
				Arguments.of("unknown deadline kind", HEADER + GOOD_RULE + """
						  - id: X-02
						    summary: Lunch
						    type: milestone
						    at: 9 months
						    deadline: LUNCH
						    metBy: CASE_SUMMARY
						    responsible: SOCIAL_WORKER
						""", List.of("bad.yaml", "rule X-02", "unknown DeadlineKind 'LUNCH'")),
				Arguments.of("repeat in another unit", HEADER + GOOD_RULE + """
						  - id: X-02
						    summary: Oversight
						    type: milestone
						    at: 9 months
						    every: 12 weeks
						    deadline: MANAGEMENT_OVERSIGHT
						    metBy: MANAGEMENT_OVERSIGHT
						    responsible: SERVICE_MANAGER
						""", List.of("rule X-02", "'every' must be")),
				Arguments.of("milestone counted from a meeting", HEADER + GOOD_RULE + """
						  - id: X-02
						    summary: Oversight
						    type: milestone
						    anchor: meeting
						    at: 12 months
						    deadline: MANAGEMENT_OVERSIGHT
						    metBy: MANAGEMENT_OVERSIGHT
						    responsible: TEAM_MANAGER
						""", List.of("rule X-02", "a milestone counts from a plan date", "not meeting")),
				Arguments.of("milestone counted from an unknown date", HEADER + GOOD_RULE + """
						  - id: X-02
						    summary: Oversight
						    type: milestone
						    anchor: birthday
						    at: 12 months
						    deadline: MANAGEMENT_OVERSIGHT
						    metBy: MANAGEMENT_OVERSIGHT
						    responsible: TEAM_MANAGER
						""", List.of("rule X-02", "unknown anchor 'birthday'")),
				Arguments.of("closure guard on a rule that sets no meeting", HEADER + GOOD_RULE + """
						  - id: X-02
						    summary: A limit
						    type: limit
						  - partOf: X-02
						    type: closure-guard
						    untilHeld: X-02
						""", List.of("X-02 (clause)", "'untilHeld' names rule X-02, which sets no CIN meeting")),
				Arguments.of("closure guard on a rule the pack lacks", HEADER + GOOD_RULE + """
						  - partOf: X-01
						    type: closure-guard
						    untilHeld: X-09
						""", List.of("X-01 (clause)", "'untilHeld' names rule X-09, which this pack does not define")),
				Arguments.of("closure guard with both a meeting and a minimum", HEADER + GOOD_RULE + """
						  - partOf: X-01
						    type: closure-guard
						    untilHeld: X-01
						    minimum: 3 months
						""", List.of("X-01 (clause)", "either 'untilHeld' or 'anchor' and 'minimum'")),
				Arguments.of("closure guard counted from a meeting", HEADER + GOOD_RULE + """
						  - partOf: X-01
						    type: closure-guard
						    anchor: meeting
						    minimum: 3 months
						""", List.of("X-01 (clause)", "from a plan date", "not meeting")),
				Arguments.of("a review due by a milestone that is not named", HEADER + GOOD_RULE + """
						  - id: X-02
						    summary: Six-month review
						    type: chair
						    dueByMilestone: true
						    chair: {role: TEAM_MANAGER}
						""", List.of("rule X-02", "'dueByMilestone' needs 'firstReviewDueFrom'")),
				Arguments.of("dueByMilestone that is not true or false", HEADER + GOOD_RULE + """
						  - id: X-02
						    summary: Six-month review
						    type: chair
						    firstReviewDueFrom: 6 months
						    dueByMilestone: soon
						    chair: {role: TEAM_MANAGER}
						""", List.of("rule X-02", "'dueByMilestone' must be true or false")),
				Arguments.of("plan-event series without its event",
						HEADER + GOOD_RULE + SUMMARIES.replace("    event: CASE_SUMMARY\n", ""),
						List.of("rule X-02", "missing 'event'")),
				Arguments.of("plan-event series of an unknown event",
						HEADER + GOOD_RULE + SUMMARIES.replace("CASE_SUMMARY\n    slot", "TEA_BREAK\n    slot"),
						List.of("rule X-02", "unknown PlanEventKind 'TEA_BREAK'")),
				Arguments.of("plan-event series with a chair",
						HEADER + GOOD_RULE + SUMMARIES + "    chair: {role: TEAM_MANAGER}\n",
						List.of("rule X-02", "has no 'chair'")),
				Arguments.of("plan-event series counted from the referral",
						HEADER + GOOD_RULE + SUMMARIES.replace("anchor: plan-start", "anchor: referral"),
						List.of("rule X-02", "counts from plan-start, not referral")),
				Arguments.of("plan-event series with no deadline kind",
						HEADER + GOOD_RULE + SUMMARIES.replace("    deadline: CASE_SUMMARY\n", ""),
						List.of("rule X-02", "needs a 'deadline'")),
				Arguments.of("an event on a meeting series",
						HEADER + GOOD_RULE.replace("chair:", "event: CASE_SUMMARY\n    chair:"),
						List.of("rule X-01", "'event' applies only to a plan-event series")),
				Arguments.of("unknown flag", HEADER + GOOD_RULE + "    when: {flags: {sleepy: true}}\n",
						List.of("rule X-01", "unknown flag 'sleepy'")),
				Arguments.of("first slot counted from a previous meeting",
						HEADER + GOOD_RULE.replace("anchor: trigger", "anchor: previous"),
						List.of("rule X-01", "no previous occurrence")),
				Arguments.of("an empty list of exceptions",
						HEADER + GOOD_RULE.replace("chair:", "exception: []\n    chair:"),
						List.of("rule X-01", "'exception' must be a mapping or a " + "non-empty list")),
				Arguments.of("an exception in a list with a misspelt key",
						HEADER + GOOD_RULE.replace("chair:", "exception: [{rule: X-01, limt: 6 months}]\n    chair:"),
						List.of("rule X-01", "unknown key 'limt' in exception")),
				Arguments.of("an exception citing a rule the pack lacks",
						HEADER + GOOD_RULE.replace("chair:", "exception: [{rule: X-01}, {rule: X-07}]\n    chair:"),
						List.of("rule X-01", "'exception.rule' names rule X-07")),
				Arguments.of("not YAML", "code: [unclosed", List.of("bad.yaml", "not valid YAML")),
				Arguments.of("no rules", HEADER + "  []\n", List.of("bad.yaml", "'rules' must be a non-empty list")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformed")
	void aMalformedPackFailsAtLoadNamingFileRuleAndProblem(String name, String yaml, List<String> words) {
		assertThatThrownBy(() -> load(yaml)).isInstanceOf(PolicyPackException.class)
			.satisfies(e -> assertThat(e.getMessage()).contains(words));
	}

	@Test
	void aWellFormedPackLoads() {
		PolicyPack pack = load(HEADER + GOOD_RULE);
		assertThat(pack.code()).isEqualTo("test");
		assertThat(pack.ruleSummaries()).containsEntry("X-01", "First meeting");
		assertThat(pack.seriesRules(Occurrence.CIN_MEETING)).hasSize(1);
	}

	@Test
	void anExceptionIsOneMappingOrAListTriedInOrder() {
		PolicyPack one = load(
				HEADER + GOOD_RULE.replace("chair:", "exception: {rule: X-01, limit: 6 months}\n" + "    chair:"));
		assertThat(one.seriesRules(Occurrence.CIN_MEETING).get(0).exceptions()).singleElement()
			.satisfies(e -> assertThat(e.limit()).isEqualTo(new Offset(6, TimeUnit.MONTHS)));
		PolicyPack two = load(HEADER
				+ GOOD_RULE.replace("chair:",
						"exception:\n"
								+ "      - {rule: X-02, requiresDisabledChild: true}\n      - {rule: X-01}\n    chair:")
				+ """
						  - id: X-02
						    summary: Longer for a disabled child
						    type: limit
						""");
		assertThat(two.seriesRules(Occurrence.CIN_MEETING).get(0).exceptions())
			.extracting(e -> e.rule().id(), SeriesRule.IntervalException::requiresDisabledChild)
			.containsExactly(tuple("X-02", true), tuple("X-01", false));
	}

	@Test
	void aMilestoneCountsFromPlanStartUnlessAnotherPlanDateIsNamed() {
		String milestone = """
				  - id: X-02
				    summary: Oversight
				    type: milestone
				    at: 12 months
				    deadline: MANAGEMENT_OVERSIGHT
				    metBy: MANAGEMENT_OVERSIGHT
				    responsible: TEAM_MANAGER
				""";
		assertThat(load(HEADER + GOOD_RULE + milestone).milestoneRules()).singleElement()
			.satisfies(m -> assertThat(m.anchor()).isEqualTo(Anchor.PLAN_START));
		assertThat(load(
				HEADER + GOOD_RULE + milestone.replace("type: milestone", "type: milestone\n    anchor: " + "referral"))
			.milestoneRules()).singleElement().satisfies(m -> assertThat(m.anchor()).isEqualTo(Anchor.REFERRAL));
	}

	@Test
	void aClosureGuardWaitsForADateOrForAMeeting() {
		PolicyPack pack = load(HEADER + GOOD_RULE + """
				  - partOf: X-01
				    type: closure-guard
				    untilHeld: X-01
				  - partOf: X-01
				    type: closure-guard
				    anchor: trigger
				    minimum: 3 months
				""");
		assertThat(pack.closureGuards()).hasSize(2);
		assertThat(pack.closureGuards().get(0).untilHeld().id()).isEqualTo("X-01");
		assertThat(pack.closureGuards().get(0).minimum()).isNull();
		assertThat(pack.closureGuards().get(1).untilHeld()).isNull();
		assertThat(pack.closureGuards().get(1).minimum()).isEqualTo(new Offset(3, TimeUnit.MONTHS));
	}

	@Test
	void aChairRuleMayMakeItsReviewDueByItsMilestone() {
		String rule = """
				  - id: X-02
				    summary: Six-month review
				    type: chair
				    firstReviewDueFrom: 6 months
				    chair: {role: TEAM_MANAGER}
				""";
		assertThat(load(HEADER + GOOD_RULE + rule).chairRules().get(0).dueByMilestone()).isFalse();
		assertThat(load(HEADER + GOOD_RULE + rule.replace("type: chair", "type: chair\n    dueByMilestone: true"))
			.chairRules()
			.get(0)
			.dueByMilestone()).isTrue();
	}

	@Test
	void aPlanEventSeriesIsKeptByItsEventKind() {
		PolicyPack pack = load(HEADER + GOOD_RULE + SUMMARIES);
		assertThat(pack.seriesRules(Occurrence.PLAN_EVENT)).singleElement()
			.satisfies(r -> assertThat(r.event()).isEqualTo(PlanEventKind.CASE_SUMMARY));
		assertThat(pack.eventSeries()).containsOnlyKeys(PlanEventKind.CASE_SUMMARY);
		assertThat(pack.seriesRules(Occurrence.CIN_MEETING)).singleElement()
			.satisfies(r -> assertThat(r.event()).isNull());
	}

	@Test
	void theBuiltInPacksCarryEveryRuleIdOfPolicyRules() {
		PolicyPacks packs = PolicyPacks.builtIn();
		assertThat(packs.all()).extracting(PolicyPack::code)
			.containsExactlyInAnyOrder("nottinghamshire", "derby", "camden", "children-law-2008", "london-azeus");
		assertThat(packs.get("nottinghamshire").ruleSummaries().keySet())
			.containsExactlyInAnyOrderElementsOf(ids("NOT", 14));
		assertThat(packs.get("derby").ruleSummaries().keySet()).containsExactlyInAnyOrderElementsOf(ids("DER", 12));
		assertThat(packs.get("camden").ruleSummaries().keySet()).containsExactlyInAnyOrderElementsOf(ids("CAM", 14));
		assertThat(packs.get("children-law-2008").ruleSummaries().keySet())
			.containsExactlyInAnyOrderElementsOf(ids("CL8", 7));
		assertThat(packs.get("london-azeus").ruleSummaries().keySet())
			.containsExactlyInAnyOrderElementsOf(ids("LAZ", 14));
		assertThat(packs.all()).allSatisfy(p -> assertThat(p.calendar().name()).isEqualTo("England and Wales"));
	}

	private static List<String> ids(String prefix, int count) {
		return IntStream.rangeClosed(1, count).mapToObj(i -> String.format("%s-%02d", prefix, i)).toList();
	}

	@Test
	void packsAreReadFromInsideAJarAsTheServiceShipsThem(@TempDir Path dir) throws IOException {
		Path jar = dir.resolve("packs.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			out.putNextEntry(new JarEntry("policies/"));
			out.closeEntry();
			for (String name : List.of("camden.yaml", "derby.yaml")) {
				out.putNextEntry(new JarEntry("policies/" + name));
				try (InputStream in = getClass().getClassLoader().getResourceAsStream("policies/" + name)) {
					in.transferTo(out);
				}
				out.closeEntry();
			}
			out.putNextEntry(new JarEntry("policies/README.txt"));
			out.write("not a pack".getBytes(StandardCharsets.UTF_8));
			out.closeEntry();
		}
		try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			List<PolicyPack> packs = new PolicyPackLoader().loadClasspath("policies", loader);
			assertThat(packs).extracting(PolicyPack::code).containsExactly("camden", "derby");
		}
	}

	@Test
	void twoPacksWithOneCodeAreRefused(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("a.yaml"), HEADER + GOOD_RULE);
		Files.writeString(dir.resolve("b.yaml"), HEADER + GOOD_RULE);
		assertThatThrownBy(() -> new PolicyPackLoader().loadDirectory(dir))
			.hasMessageContaining("two policy packs have the code 'test'");
	}

}
