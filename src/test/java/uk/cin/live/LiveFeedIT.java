package uk.cin.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import reactor.core.Disposable;
import reactor.test.StepVerifier;
import reactor.util.context.Context;
import uk.cin.api.Api;
import uk.cin.api.GlobalId;
import uk.cin.security.Caller;
import uk.cin.security.Role;
import uk.cin.security.TestTokens;

/**
 * The change stream: committed writes arrive, filtered; refused writes never do; a
 * resumed stream misses nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class LiveFeedIT {

	@Autowired
	HttpGraphQlTester tester;

	@Autowired
	DeadlineSubscriptions live;

	@Test
	void aCommittedWriteArrivesOnceAndARefusedOneNever() {
		Api api = new Api(tester);
		String plan = api.openPlan(api.addChild(api.createFamily("derby", "Live"), "O", false), "AFTER_ASSESSMENT",
				"2026-09-01", "2026-10-01");
		StepVerifier.create(live.deadlinesChanged(null, plan, null).contextWrite(as("derby")).take(1)).then(() -> {
			// Refused (a meeting before the referral): nothing is written, nothing
			// announced.
			assertThat(Api.errors(api.recordMeeting(Map.of("planId", plan, "kind", "REVIEW", "heldOn", "2026-08-01",
					"chairRole", "CIN_REVIEWING_OFFICER"))))
				.isNotEmpty();
			assertThat(Api.errors(api.recordMeeting(Map.of("planId", plan, "kind", "REVIEW", "heldOn", "2026-10-14",
					"chairRole", "CIN_REVIEWING_OFFICER"))))
				.isEmpty();
		}).assertNext(change -> {
			assertThat(change.cause()).isEqualTo(DeadlineChange.Cause.MUTATION);
			assertThat(GlobalId.of(GlobalId.NodeType.CinPlan, change.planId())).isEqualTo(plan);
			assertThat(change.authorityCode()).isEqualTo("derby");
			assertThat(change.plan()).isNotNull();
		}).expectComplete().verify(Duration.ofSeconds(20));
	}

	@Test
	void anAuthorityFilterSeesOnlyItsOwnAndAResumedStreamStartsWithWhatWasMissed() {
		Api api = new Api(tester);
		String camden = api.openPlan(api.addChild(api.createFamily("camden", "Live"), "P", false), "AFTER_ASSESSMENT",
				"2026-09-01", "2026-10-01");
		// Opening a plan is a change; note its id, then change the plan twice while
		// nobody listens.
		DeadlineChange opened = live.deadlinesChanged(null, camden, "0")
			.contextWrite(as("camden"))
			.blockFirst(Duration.ofSeconds(20));
		assertThat(opened).isNotNull();
		api.recordMeeting(
				Map.of("planId", camden, "kind", "PLANNING", "heldOn", "2026-10-14", "chairRole", "TEAM_MANAGER"));
		api.openPlan(api.addChild(api.createFamily("nottinghamshire", "Live"), "Q", false), "AFTER_ASSESSMENT",
				"2026-09-01", "2026-10-01");

		StepVerifier.create(
				live.deadlinesChanged("camden", null, Long.toString(opened.id())).contextWrite(as("camden")).take(1))
			.assertNext(change -> {
				assertThat(change.id()).isGreaterThan(opened.id());
				assertThat(GlobalId.of(GlobalId.NodeType.CinPlan, change.planId())).isEqualTo(camden);
				assertThat(change.plan()).as("a replayed change carries its plan").isNotNull();
			})
			.expectComplete()
			.verify(Duration.ofSeconds(20));
	}

	@Test
	void aPractitionerHearsOnlyItsOwnTeamsPlans() {
		Api api = new Api(tester);
		Caller practitioner = new Caller("sw-live", "camden", Set.of("team-a"), Role.SOCIAL_WORKER,
				Instant.now().plus(Duration.ofHours(1)));
		List<DeadlineChange> heard = new CopyOnWriteArrayList<>();
		Disposable listening = live.deadlinesChanged(null, null, null)
			.contextWrite(context -> context.put(Caller.class, practitioner))
			.subscribe(heard::add);
		try {
			// Written in this order: if either of the first two reached the practitioner,
			// it would come before the third. Changes from other tests' writes may come
			// too; they are checked just the same.
			String otherTeams = api.openPlan(
					api.addChild(api.createFamily("camden", "OtherTeam", "team-b"), "T", false), "AFTER_ASSESSMENT",
					"2026-09-01", "2026-10-01");
			String otherAuthoritys = api.openPlan(
					api.addChild(api.createFamily("derby", "OtherAuthority", "team-a"), "U", false), "AFTER_ASSESSMENT",
					"2026-09-01", "2026-10-01");
			String own = api.openPlan(api.addChild(api.createFamily("camden", "OwnTeam", "team-a"), "V", false),
					"AFTER_ASSESSMENT", "2026-09-01", "2026-10-01");
			Awaitility.await()
				.atMost(Duration.ofSeconds(20))
				.until(() -> heard.stream().anyMatch(change -> planId(change).equals(own)));
			assertThat(heard).extracting(LiveFeedIT::planId).doesNotContain(otherTeams, otherAuthoritys);
			assertThat(heard).allSatisfy(change -> {
				assertThat(change.plan().authorityCode()).isEqualTo("camden");
				assertThat(change.plan().team()).isEqualTo("team-a");
			});
		}
		finally {
			listening.dispose();
		}
	}

	private static String planId(DeadlineChange change) {
		return GlobalId.of(GlobalId.NodeType.CinPlan, change.planId());
	}

	/**
	 * Subscribes as a manager of the authority, as the interceptor would for a token's
	 * caller.
	 */
	private static Function<Context, Context> as(String authority) {
		Caller caller = TestTokens.managerCaller(authority);
		return context -> context.put(Caller.class, caller);
	}

}
