package uk.cin.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import uk.cin.api.Api;
import uk.cin.generate.GenerateCommand;
import uk.cin.security.Role;
import uk.cin.security.TestTokens;

/**
 * The caseload questions through the API, over a generated caseload: order by next review
 * due as the engine computes it, filters, counts equal to the list's totals, all as of
 * today and a past day.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseloadQuestionsIT {

	private static final String AUTHORITY = "camden";

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

	private static final List<LocalDate> DAYS = List.of(TODAY, TODAY.minusDays(120));

	@Autowired
	GenerateCommand generator;

	@Autowired
	HttpGraphQlTester tester;

	@Autowired
	GraphQlSource source;

	HttpGraphQlTester manager;

	@BeforeAll
	void generateACaseload() throws Exception {
		generator.generate(new GenerateCommand.Request(40, 20261202L));
		manager = Api.as(tester, AUTHORITY);
	}

	private List<Map<String, Object>> all(HttpGraphQlTester as, String args, String fields) {
		return all(as, args, fields, 100);
	}

	private List<Map<String, Object>> all(HttpGraphQlTester as, String args, String fields, int pageSize) {
		List<Map<String, Object>> nodes = new ArrayList<>();
		String after = null;
		do {
			Map<String, Object> page = as
				.document("query($after: String) { plans(first: " + pageSize + ", after: $after, " + args + ") {"
						+ " pageInfo { hasNextPage endCursor } edges { node { id " + fields + " } } } }")
				.variable("after", after)
				.execute()
				.path("plans")
				.entity(Map.class)
				.get();
			for (Object edge : (List<?>) page.get("edges")) {
				nodes.add(cast(((Map<?, ?>) edge).get("node")));
			}
			Map<String, Object> info = cast(page.get("pageInfo"));
			after = Boolean.TRUE.equals(info.get("hasNextPage")) ? (String) info.get("endCursor") : null;
		}
		while (after != null);
		return nodes;
	}

	@SuppressWarnings("unchecked")
	private static <T> T cast(Object value) {
		return (T) value;
	}

	@Test
	void orderedByNextReviewDueIsTheOrderOfTheComputedNextReviewDue() {
		for (LocalDate day : DAYS) {
			List<Map<String, Object>> ordered = all(manager, "asOf: \"" + day + "\", orderBy: {field: NEXT_REVIEW_DUE}",
					"nextReviewDue");
			List<Map<String, Object>> byId = all(manager, "asOf: \"" + day + "\"", "nextReviewDue");
			assertThat(ordered).as("as of %s", day).hasSizeGreaterThan(20);
			// The same plans, each once.
			assertThat(ordered.stream().map(n -> n.get("id")).toList())
				.containsExactlyInAnyOrderElementsOf(byId.stream().map(n -> n.get("id")).toList());
			// In the order of the value the engine computes for each (none due last).
			List<String> dues = ordered.stream().map(n -> (String) n.get("nextReviewDue")).toList();
			List<String> sorted = new ArrayList<>(dues);
			sorted.sort(Comparator.nullsLast(Comparator.naturalOrder()));
			assertThat(dues).as("nextReviewDue in list order, as of %s", day).isEqualTo(sorted);
			// And each plan's value under the list is the value asked of the plan for
			// that day.
			Map<String, Object> first = ordered.get(0);
			Map<String, Object> alone = manager
				.document("query($id: ID!, $day: Date) { plan(id: $id) { nextReviewDue(asOf: $day) } }")
				.variable("id", first.get("id"))
				.variable("day", day.toString())
				.execute()
				.path("plan")
				.entity(Map.class)
				.get();
			assertThat(alone.get("nextReviewDue")).isEqualTo(first.get("nextReviewDue"));
			// Descending is the same list turned round (ties by id, descending too).
			List<Map<String, Object>> descending = all(manager,
					"asOf: \"" + day + "\", orderBy: {field: NEXT_REVIEW_DUE, direction: DESC}", "nextReviewDue");
			assertThat(descending.stream().map(n -> (String) n.get("nextReviewDue")).toList())
				.isEqualTo(reversed(dues));
			assertThat(descending.stream().map(n -> n.get("id")).toList())
				.isEqualTo(reversed(ordered.stream().map(n -> n.get("id")).toList()));
		}
	}

	@Test
	void everyOrderIsItsFieldThenTheIdEitherWayAndPagesAlikeForwardsAndBackwards() {
		List<Object> byId = idList(all(manager, "orderBy: {field: ID}", ""));
		assertThat(byId).as("ID is the default order").isEqualTo(idList(all(manager, "", "")));
		Map<Object, Integer> idRank = new HashMap<>();
		for (int i = 0; i < byId.size(); i++) {
			idRank.put(byId.get(i), i);
		}
		Map<String, Comparator<Map<String, Object>>> keys = Map.of("ID", Comparator.comparing(n -> 0), "STARTED_ON",
				Comparator.comparing(n -> (String) n.get("triggerDate")), "NEXT_REVIEW_DUE", Comparator
					.comparing(n -> (String) n.get("nextReviewDue"), Comparator.nullsLast(Comparator.naturalOrder())),
				"CHILD_NAME", Comparator.comparing(n -> {
					Map<String, Object> child = cast(n.get("child"));
					return child.get("familyName") + "\u0000" + child.get("givenName");
				}));
		for (var key : keys.entrySet()) {
			for (String direction : List.of("ASC", "DESC")) {
				String order = "orderBy: {field: " + key.getKey() + ", direction: " + direction + "}";
				List<Map<String, Object>> listed = all(manager, order,
						"triggerDate nextReviewDue child { givenName familyName }");
				Comparator<Map<String, Object>> expected = key.getValue().thenComparing(n -> idRank.get(n.get("id")));
				List<Map<String, Object>> sorted = new ArrayList<>(listed);
				sorted.sort(direction.equals("ASC") ? expected : expected.reversed());
				assertThat(idList(listed)).as(order).hasSize(byId.size()).isEqualTo(idList(sorted));
				assertThat(idList(all(manager, order, "", 7))).as("%s, 7 a page", order).isEqualTo(idList(listed));
				assertThat(backwards(order, 7)).as("%s, 7 a page from the end", order).isEqualTo(idList(listed));
			}
		}
	}

	private List<Object> backwards(String order, int pageSize) {
		List<Object> backwards = new ArrayList<>();
		String before = null;
		do {
			Map<String, Object> page = manager
				.document("query($before: String) { plans(last: " + pageSize + ", before: $before, " + order + ")"
						+ " { pageInfo { hasPreviousPage startCursor } edges { node { id } } } }")
				.variable("before", before)
				.execute()
				.path("plans")
				.entity(Map.class)
				.get();
			List<Object> ids = new ArrayList<>();
			for (Object edge : (List<?>) page.get("edges")) {
				ids.add(((Map<?, ?>) ((Map<?, ?>) edge).get("node")).get("id"));
			}
			backwards.addAll(0, ids);
			Map<String, Object> info = cast(page.get("pageInfo"));
			before = Boolean.TRUE.equals(info.get("hasPreviousPage")) ? (String) info.get("startCursor") : null;
		}
		while (before != null);
		return backwards;
	}

	@Test
	void childNameOrderIsByFamilyNameThenGivenName() {
		List<Map<String, Object>> ordered = all(manager, "orderBy: {field: CHILD_NAME}",
				"child { givenName familyName }");
		List<String> names = ordered.stream().map(n -> {
			Map<String, Object> child = cast(n.get("child"));
			return child.get("familyName") + "\u0000" + child.get("givenName");
		}).toList();
		List<String> sorted = new ArrayList<>(names);
		sorted.sort(Comparator.naturalOrder());
		assertThat(names).hasSizeGreaterThan(20);
		// PostgreSQL's collation may order case and spaces its own way: compare family
		// names as it does for plain ASCII names the generator makes.
		assertThat(names).isEqualTo(sorted);
	}

	@Test
	void childNameOrderPagesWithoutCarryingNames() {
		List<Object> onePage = all(manager, "orderBy: {field: CHILD_NAME}", "").stream().map(n -> n.get("id")).toList();
		List<Object> paged = new ArrayList<>();
		String after = null;
		do {
			Map<String, Object> page = manager
				.document("query($after: String) { plans(first: 3, after: $after, orderBy: {field: CHILD_NAME}) {"
						+ " pageInfo { hasNextPage endCursor } edges { node { id child { familyName } } } } }")
				.variable("after", after)
				.execute()
				.path("plans")
				.entity(Map.class)
				.get();
			for (Object edge : (List<?>) page.get("edges")) {
				paged.add(((Map<?, ?>) ((Map<?, ?>) edge).get("node")).get("id"));
			}
			Map<String, Object> info = cast(page.get("pageInfo"));
			String cursor = (String) info.get("endCursor");
			if (cursor != null) {
				String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
				assertThat(decoded).as("a cursor holds the order and an id, no name")
					.matches("plans\\|CHILD_NAME\\|\\|[0-9a-f-]{36}");
			}
			after = Boolean.TRUE.equals(info.get("hasNextPage")) ? cursor : null;
		}
		while (after != null);
		assertThat(paged).isEqualTo(onePage);
	}

	@Test
	void aCursorOfAnotherOrderIsRefused() {
		String cursor = (String) manager.document("{ plans(first: 1) { pageInfo { endCursor } } }")
			.execute()
			.path("plans.pageInfo.endCursor")
			.entity(String.class)
			.get();
		manager
			.document("query($c: String) { plans(first: 1, after: $c, orderBy: {field: NEXT_REVIEW_DUE}) {"
					+ " edges { node { id } } } }")
			.variable("c", cursor)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "INVALID_CURSOR")));
	}

	@Test
	void filtersAgreeWithTheFieldsTheyNameAsOfTheListsDay() {
		for (LocalDate day : DAYS) {
			String asOf = "asOf: \"" + day + "\"";
			List<Map<String, Object>> every = all(manager, asOf,
					"status closedOn referralDate requiredChairRole nextReviewDue child { id disabled family { team } }");
			Map<String, Object> some = every.stream()
				.filter(n -> n.get("requiredChairRole") != null)
				.findFirst()
				.orElseThrow();
			String chair = (String) some.get("requiredChairRole");
			Set<Object> withChair = ids(all(manager, asOf + ", filter: {requiredChairRoles: [" + chair + "]}", ""));
			assertThat(withChair).isEqualTo(ids(every.stream().filter(n -> chair.equals(n.get("requiredChairRole")))));
			String team = (String) ((Map<?, ?>) ((Map<?, ?>) some.get("child")).get("family")).get("team");
			Set<Object> ofTeam = ids(all(manager, asOf + ", filter: {teams: [\"" + team + "\"]}", ""));
			assertThat(ofTeam).isEqualTo(ids(every.stream()
				.filter(n -> team.equals(((Map<?, ?>) ((Map<?, ?>) n.get("child")).get("family")).get("team")))));
			Set<Object> open = ids(all(manager, asOf + ", filter: {status: OPEN}", ""));
			Set<Object> openByField = ids(every.stream().filter(n -> "OPEN".equals(n.get("status"))));
			Set<Object> missing = new HashSet<>(openByField);
			missing.removeAll(open);
			List<Object> detail = every.stream()
				.filter(n -> missing.contains(n.get("id")))
				.map(n -> (Object) n)
				.toList();
			assertThat(open)
				.as("open as of %s: listed %s, by field %s; %s", day, open.size(), openByField.size(), detail)
				.isEqualTo(openByField);
			Object child = ((Map<?, ?>) some.get("child")).get("id");
			Set<Object> ofChild = ids(all(manager, asOf + ", filter: {childId: \"" + child + "\"}", ""));
			assertThat(ofChild).isNotEmpty()
				.isEqualTo(ids(every.stream().filter(n -> child.equals(((Map<?, ?>) n.get("child")).get("id")))));
			Set<Object> disabled = ids(all(manager, asOf + ", filter: {childDisabled: true}", ""));
			assertThat(disabled).isEqualTo(
					ids(every.stream().filter(n -> Boolean.TRUE.equals(((Map<?, ?>) n.get("child")).get("disabled")))));
			String by = day.plusDays(28).toString();
			Set<Object> dueSoon = ids(all(manager,
					asOf + ", filter: {reviewDueFrom: \"" + day + "\", reviewDueBefore: \"" + by + "\"}", ""));
			assertThat(dueSoon).isEqualTo(ids(every.stream().filter(n -> {
				String due = (String) n.get("nextReviewDue");
				return due != null && due.compareTo(day.toString()) >= 0 && due.compareTo(by) <= 0;
			})));
		}
	}

	@Test
	void everySummaryCountIsTheTotalOfTheListThatAsksTheSame() throws Exception {
		// A property over generated caseloads: each round adds another (seeds drawn from
		// one fixed seed, so a failure is reproduced by its round), then asks every
		// grouping, alone and combined, on three days.
		SplittableRandom seeds = new SplittableRandom(20261203L);
		for (int round = 0; round < 5; round++) {
			long seed = seeds.nextLong();
			if (round > 0) {
				generator.generate(new GenerateCommand.Request(6 + seeds.nextInt(10), seed));
			}
			for (LocalDate day : List.of(TODAY, TODAY.minusDays(1 + seeds.nextInt(180)),
					TODAY.minusDays(181 + seeds.nextInt(400)))) {
				for (String groupBy : List.of("", "TEAM", "CHAIR_ROLE", "DEADLINE_KIND", "AUTHORITY",
						"TEAM, CHAIR_ROLE", "AUTHORITY, DEADLINE_KIND")) {
					summaryEqualsLists(day, groupBy,
							"round %s (seed %s), %s, by [%s]".formatted(round, seed, day, groupBy));
				}
			}
		}
	}

	/**
	 * Each count of each group is the totalCount of the list asked the same, as the
	 * schema's description of CaseloadCounts says.
	 */
	private void summaryEqualsLists(LocalDate day, String groupBy, String what) {
		String in7 = day.plusDays(7).toString();
		String in28 = day.plusDays(28).toString();
		List<Map<String, Object>> groups = summary(day, groupBy);
		assertThat(groups).as(what).isNotEmpty();
		int open = 0;
		for (Map<String, Object> group : groups) {
			Map<String, Object> counts = cast(group.get("counts"));
			if (!groupBy.contains("DEADLINE_KIND")) {
				open += (Integer) counts.get("openPlans");
			}
			if (groupBy.contains("CHAIR_ROLE") && group.get("chairRole") == null) {
				// No meeting due: no filter lists exactly these; the sum below counts
				// them.
				continue;
			}
			List<String> filters = new ArrayList<>(List.of("status: OPEN"));
			if (group.get("team") != null) {
				filters.add("teams: [\"" + group.get("team") + "\"]");
			}
			if (group.get("chairRole") != null) {
				filters.add("requiredChairRoles: [" + group.get("chairRole") + "]");
			}
			if (groupBy.contains("AUTHORITY")) {
				assertThat(group.get("authorityCode")).as(what).isEqualTo(AUTHORITY);
				filters.add("authorityCode: \"" + group.get("authorityCode") + "\"");
			}
			String filter = String.join(", ", filters);
			String about = what + ", group " + group;
			if (group.get("deadlineKind") != null) {
				String kind = "kind: " + group.get("deadlineKind");
				assertThat(total(day, filter + ", deadlineDue: {" + kind + "}")).as("open, %s", about)
					.isEqualTo(counts.get("openPlans"));
				assertThat(total(day, filter + ", deadlineDue: {" + kind + ", overdue: true}")).as("overdue, %s", about)
					.isEqualTo(counts.get("overduePlans"));
				assertThat(total(day,
						filter + ", deadlineDue: {" + kind + ", from: \"" + day + "\", to: \"" + in7 + "\"}"))
					.as("due in 7 days, %s", about)
					.isEqualTo(counts.get("reviewsDueIn7Days"));
				assertThat(total(day,
						filter + ", deadlineDue: {" + kind + ", from: \"" + day + "\", to: \"" + in28 + "\"}"))
					.as("due in 28 days, %s", about)
					.isEqualTo(counts.get("reviewsDueIn28Days"));
				continue;
			}
			assertThat(total(day, filter)).as("open, %s", about).isEqualTo(counts.get("openPlans"));
			assertThat(total(day, filter + ", overdueAsOf: \"" + day + "\"")).as("overdue, %s", about)
				.isEqualTo(counts.get("overduePlans"));
			assertThat(total(day, filter + ", reviewDueFrom: \"" + day + "\", reviewDueBefore: \"" + in7 + "\""))
				.as("due in 7 days, %s", about)
				.isEqualTo(counts.get("reviewsDueIn7Days"));
			assertThat(total(day, filter + ", reviewDueFrom: \"" + day + "\", reviewDueBefore: \"" + in28 + "\""))
				.as("due in 28 days, %s", about)
				.isEqualTo(counts.get("reviewsDueIn28Days"));
		}
		if (!groupBy.contains("DEADLINE_KIND")) {
			// The groups part the caseload: each open plan is in exactly one.
			assertThat(open).as("open plans over the groups, %s", what).isEqualTo(total(day, "status: OPEN"));
		}
	}

	@Test
	void underAsOfAPlanShowsNothingDatedLater() {
		LocalDate day = TODAY.minusDays(120);
		List<Map<String, Object>> then = all(manager, "asOf: \"" + day + "\"",
				"status closedOn meetings { heldOn } visits { visitedOn } events { occurredOn }"
						+ " nextReviewDue isOverdue deadlines { dueDate }");
		List<Map<String, Object>> now = all(manager, "",
				"status closedOn meetings { heldOn } visits { visitedOn }"
						+ " events { occurredOn } nextReviewDue(asOf: \"" + day + "\") deadlines(asOf: \"" + day
						+ "\") { dueDate }");
		Map<Object, Map<String, Object>> nowById = new HashMap<>();
		now.forEach(n -> nowById.put(n.get("id"), n));
		int hidden = 0;
		for (Map<String, Object> plan : then) {
			Map<String, Object> today = nowById.get(plan.get("id"));
			assertThat(dates(plan, "meetings", "heldOn")).allMatch(d -> !d.isAfter(day));
			assertThat(dates(plan, "visits", "visitedOn")).allMatch(d -> !d.isAfter(day));
			assertThat(dates(plan, "events", "occurredOn")).allMatch(d -> !d.isAfter(day));
			assertThat(dates(plan, "meetings", "heldOn"))
				.isEqualTo(dates(today, "meetings", "heldOn").stream().filter(d -> !d.isAfter(day)).toList());
			hidden += dates(today, "meetings", "heldOn").size() - dates(plan, "meetings", "heldOn").size();
			assertThat(plan.get("nextReviewDue")).isEqualTo(today.get("nextReviewDue"));
			assertThat(plan.get("deadlines")).isEqualTo(today.get("deadlines"));
			String closedOn = (String) today.get("closedOn");
			boolean closedThen = closedOn != null && !LocalDate.parse(closedOn).isAfter(day);
			assertThat(plan.get("status")).isEqualTo(closedThen ? "CLOSED" : "OPEN");
			assertThat(plan.get("closedOn")).isEqualTo(closedThen ? closedOn : null);
		}
		assertThat(hidden).as("meetings held after the day, hidden under it").isPositive();
	}

	/**
	 * Every field of CinPlan, with what it shows under a list's day; a new field must be
	 * added here.
	 */
	private static final Map<String, String> PLAN_FIELDS = Map.ofEntries(Map.entry("id", "stored"),
			Map.entry("child", "stored"), Map.entry("startReason", "stored"), Map.entry("authority", "stored"),
			Map.entry("referralDate", "stored"), Map.entry("triggerDate", "stored"), Map.entry("allocatedOn", "stored"),
			Map.entry("flags", "stored"), Map.entry("visitFrequencyWorkingDays", "stored"),
			Map.entry("status", "status"), Map.entry("closedOn", "status"), Map.entry("meetings", "dated heldOn"),
			Map.entry("visits", "dated visitedOn"), Map.entry("events", "dated occurredOn"),
			Map.entry("nextReviewDue", "asked"), Map.entry("isOverdue", "asked"),
			Map.entry("requiredChairRole", "asked"), Map.entry("nextMeeting", "asked"), Map.entry("deadlines", "asked"),
			Map.entry("startDate", "judged"), Map.entry("policyProblems", "judged"));

	private static final Map<String, String> SUBSELECTION = Map.of("child", " { id }", "authority", " { code }",
			"flags", " { heldInMat section7Only longTermSupport }", "meetings", " { heldOn }", "visits",
			" { visitedOn }", "events", " { occurredOn }", "nextMeeting", " { dueDate kind }", "deadlines",
			" { kind dueDate status }", "policyProblems", " { code }");

	@Test
	void underAsOfEveryFieldOfAPlanShowsItAsItStoodThatDay() {
		Set<String> names = new HashSet<>();
		source.schema().getObjectType("CinPlan").getFieldDefinitions().forEach(f -> names.add(f.getName()));
		assertThat(names).as("every field of CinPlan says what it shows under asOf").isEqualTo(PLAN_FIELDS.keySet());
		LocalDate day = TODAY.minusDays(120);
		StringBuilder then = new StringBuilder();
		StringBuilder now = new StringBuilder();
		for (String field : names) {
			String sub = SUBSELECTION.getOrDefault(field, "");
			then.append(field).append(sub).append(' ');
			now.append(PLAN_FIELDS.get(field).equals("asked") ? field + "(asOf: \"" + day + "\")" : field)
				.append(sub)
				.append(' ');
		}
		Map<Object, Map<String, Object>> today = new HashMap<>();
		all(manager, "", now.toString()).forEach(n -> today.put(n.get("id"), n));
		List<Map<String, Object>> asOf = all(manager, "asOf: \"" + day + "\"", then.toString());
		assertThat(asOf).isNotEmpty();
		for (Map<String, Object> plan : asOf) {
			Map<String, Object> current = today.get(plan.get("id"));
			String closedOn = (String) current.get("closedOn");
			boolean closedThen = closedOn != null && !LocalDate.parse(closedOn).isAfter(day);
			for (String field : names) {
				String kind = PLAN_FIELDS.get(field);
				Object value = plan.get(field);
				switch (kind.split(" ")[0]) {
					case "stored", "asked" ->
						assertThat(value).as("%s under asOf", field).isEqualTo(current.get(field));
					case "status" -> assertThat(value).as(field)
						.isEqualTo(field.equals("status") ? (closedThen ? "CLOSED" : "OPEN")
								: closedThen ? closedOn : null);
					case "dated" -> {
						String on = kind.split(" ")[1];
						List<?> all = (List<?>) current.get(field);
						List<Object> expected = all.stream()
							.filter(item -> !LocalDate.parse((String) ((Map<?, ?>) item).get(on)).isAfter(day))
							.map(item -> (Object) item)
							.toList();
						assertThat((List<?>) value).as("%s under asOf", field).isEqualTo(expected);
					}
					case "judged" -> assertThat(plan).as("%s judged on the day", field).containsKey(field);
					default -> throw new IllegalStateException(kind);
				}
			}
		}
	}

	@Test
	void aNameSearchFindsThroughTyposAndIsRefusedToRolesWithoutNames() {
		Map<String, Object> child = cast(manager
			.document("{ plans(first: 1, orderBy: {field: CHILD_NAME}) { edges { node { child { id familyName"
					+ " dateOfBirth family { id name } } } } } }")
			.execute()
			.path("plans.edges[0].node.child")
			.entity(Map.class)
			.get());
		String familyName = (String) child.get("familyName");
		// The last letter mistyped: still found.
		int last = familyName.length() - 1;
		String typo = familyName.substring(0, last) + (familyName.charAt(last) == 'x' ? 'y' : 'x');
		List<String> found = manager
			.document("query($q: String) { children(search: $q, first: 100) { edges { node { id } } } }")
			.variable("q", typo)
			.execute()
			.path("children.edges[*].node.id")
			.entityList(String.class)
			.get();
		assertThat(found).contains((String) child.get("id"));
		Map<String, Object> family = cast(child.get("family"));
		List<String> families = manager
			.document("query($q: String) { families(search: $q, first: 100) { edges { node { id } } } }")
			.variable("q", family.get("name"))
			.execute()
			.path("families.edges[*].node.id")
			.entityList(String.class)
			.get();
		assertThat(families).contains((String) family.get("id"));
		if (child.get("dateOfBirth") != null) {
			List<String> born = manager
				.document("query($d: Date) { children(dateOfBirth: $d, first: 500) { edges { node { id } } } }")
				.variable("d", child.get("dateOfBirth"))
				.execute()
				.path("children.edges[*].node.id")
				.entityList(String.class)
				.get();
			assertThat(born).contains((String) child.get("id"));
		}
		HttpGraphQlTester analyst = tester.mutate()
			.header(HttpHeaders.AUTHORIZATION,
					TestTokens.bearer(TestTokens.token(AUTHORITY, Role.BI_ANALYST, Duration.ofMinutes(5), "team-a")))
			.build();
		for (String refused : List.of("{ children(search: \"" + typo + "\") { edges { node { id } } } }",
				"{ families(search: \"" + typo + "\") { edges { node { id } } } }",
				"{ plans(orderBy: {field: CHILD_NAME}) { edges { node { id } } } }")) {
			analyst.document(refused)
				.execute()
				.errors()
				.satisfy(errors -> assertThat(errors).singleElement()
					.satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "NAMES_NOT_VISIBLE")));
		}
		// Too short or too long a search is refused before any work.
		for (String search : List.of("ab", "x".repeat(201))) {
			manager.document("query($q: String) { families(search: $q) { edges { node { id } } } }")
				.variable("q", search)
				.execute()
				.errors()
				.satisfy(errors -> assertThat(errors).singleElement()
					.satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "INVALID")));
		}
		// A practitioner of another team finds nothing of this one.
		HttpGraphQlTester stranger = tester.mutate()
			.header(HttpHeaders.AUTHORIZATION,
					TestTokens
						.bearer(TestTokens.token(AUTHORITY, Role.SOCIAL_WORKER, Duration.ofMinutes(5), "no-such-team")))
			.build();
		assertThat(stranger.document("query($q: String) { children(search: $q) { edges { node { id } } } }")
			.variable("q", familyName)
			.execute()
			.path("children.edges")
			.entityList(Object.class)
			.get()).isEmpty();
	}

	private List<Map<String, Object>> summary(LocalDate day, String groupBy) {
		return cast(manager
			.document("{ caseloadSummary(asOf: \"" + day + "\", groupBy: [" + groupBy + "]) { asOf groups { team"
					+ " chairRole deadlineKind authorityCode counts { openPlans overduePlans reviewsDueIn7Days"
					+ " reviewsDueIn28Days } } } }")
			.execute()
			.path("caseloadSummary.groups")
			.entity(List.class)
			.get());
	}

	private Object total(LocalDate day, String filter) {
		return manager.document("{ plans(first: 0, asOf: \"" + day + "\", filter: {" + filter + "}) { totalCount } }")
			.execute()
			.path("plans.totalCount")
			.entity(Integer.class)
			.get();
	}

	private static List<Object> idList(List<Map<String, Object>> nodes) {
		return nodes.stream().map(n -> n.get("id")).toList();
	}

	private static Set<Object> ids(List<Map<String, Object>> nodes) {
		return ids(nodes.stream());
	}

	private static Set<Object> ids(Stream<Map<String, Object>> nodes) {
		Set<Object> ids = new HashSet<>();
		nodes.forEach(n -> ids.add(n.get("id")));
		return ids;
	}

	private static List<LocalDate> dates(Map<String, Object> plan, String list, String field) {
		return ((List<?>) plan.get(list)).stream()
			.map(item -> LocalDate.parse((String) ((Map<?, ?>) item).get(field)))
			.filter(Objects::nonNull)
			.toList();
	}

	private static <T> List<T> reversed(List<T> list) {
		List<T> copy = new ArrayList<>(list);
		Collections.reverse(copy);
		return copy;
	}

}
