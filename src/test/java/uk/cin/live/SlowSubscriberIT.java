package uk.cin.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.util.context.Context;
import uk.cin.api.Api;
import uk.cin.api.GlobalId;
import uk.cin.security.AuthorityScope;
import uk.cin.security.Caller;
import uk.cin.security.TestTokens;

/**
 * A subscriber that stops reading delays nobody: not the writers, not the other
 * subscribers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class SlowSubscriberIT {

	@Autowired
	HttpGraphQlTester tester;

	@Autowired
	DeadlineSubscriptions live;

	@Autowired
	ChangeRecorder recorder;

	@Autowired
	AuthorityScope scope;

	@Test
	void aStalledSubscriberIsEndedWithACodeWhileTheOthersAndTheWritersCarryOn() {
		Api api = new Api(tester);
		String plan = api.openPlan(api.addChild(api.createFamily("camden", "Slow"), "V", false), "AFTER_ASSESSMENT",
				"2026-09-01", "2026-10-01");
		UUID planId = GlobalId.require(plan, GlobalId.NodeType.CinPlan);
		int changes = DeadlineSubscriptions.BUFFER + 50;

		// The stalled one subscribes and then requests nothing; the other reads
		// everything.
		AtomicReference<Throwable> ended = new AtomicReference<>();
		BaseSubscriber<DeadlineChange> stalled = new BaseSubscriber<>() {
			@Override
			protected void hookOnSubscribe(Subscription subscription) {
				// reads nothing
			}

			@Override
			protected void hookOnError(Throwable error) {
				ended.set(error);
			}
		};
		live.deadlinesChanged(null, plan, null).contextWrite(as("camden")).subscribe(stalled);
		List<DeadlineChange> others = new CopyOnWriteArrayList<>();
		var reader = live.deadlinesChanged(null, plan, null).contextWrite(as("camden")).subscribe(others::add);
		try {
			long began = System.nanoTime();
			Flux.range(0, changes)
				.concatMap(i -> scope.mono("camden",
						recorder.record(planId, "camden", DeadlineChange.Cause.MUTATION, null, false)))
				.blockLast(Duration.ofSeconds(60));
			long writing = Duration.ofNanos(System.nanoTime() - began).toMillis();

			long deadline = System.currentTimeMillis() + 20_000;
			while ((others.size() < changes || ended.get() == null) && System.currentTimeMillis() < deadline) {
				// wait for delivery
				Thread.onSpinWait();
			}
			assertThat(ended.get()).isInstanceOf(DeadlineSubscriptions.TooSlow.class);
			// Every change reached the reader (the plan's opening may come first), in
			// order, none twice.
			assertThat(others).hasSizeGreaterThanOrEqualTo(changes);
			for (int i = 1; i < others.size(); i++) {
				assertThat(others.get(i).id()).isGreaterThan(others.get(i - 1).id());
			}
			// Writers never wait on delivery: well under a second per change even with a
			// stalled subscriber.
			assertThat(writing).isLessThan(changes * 200L);
		}
		finally {
			reader.dispose();
		}
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
