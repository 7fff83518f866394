package uk.cin.policy.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Each kind of rule has one pack name, its keys, and the visitor method of its own. */
class RuleKindTest {

	/** Answers the kind whose visitor method was called. */
	private static final PackRule.Visitor<RuleKind> VISITED = new PackRule.Visitor<>() {
		@Override
		public RuleKind series(SeriesRule rule) {
			return RuleKind.SERIES;
		}

		@Override
		public RuleKind deadline(DeadlineRule rule) {
			return RuleKind.DEADLINE;
		}

		@Override
		public RuleKind milestone(MilestoneRule rule) {
			return RuleKind.MILESTONE;
		}

		@Override
		public RuleKind beforeMeeting(BeforeMeetingRule rule) {
			return RuleKind.BEFORE_MEETING;
		}

		@Override
		public RuleKind chair(ChairRule rule) {
			return RuleKind.CHAIR;
		}

		@Override
		public RuleKind focus(ChairRule rule) {
			return RuleKind.FOCUS;
		}

		@Override
		public RuleKind closureGuard(ClosureGuardRule rule) {
			return RuleKind.CLOSURE_GUARD;
		}

		@Override
		public RuleKind suppress(SuppressRule rule) {
			return RuleKind.SUPPRESS;
		}

		@Override
		public RuleKind limit(LimitRule rule) {
			return RuleKind.LIMIT;
		}
	};

	@Test
	void everyRuleOfTheBuiltInPacksIsVisitedAsItsOwnKind() {
		for (PolicyPack pack : PolicyPacks.builtIn().all()) {
			for (PackRule rule : pack.rules()) {
				assertThat(rule.accept(VISITED)).as("%s in %s", rule.ref().id(), pack.code()).isEqualTo(rule.kind());
			}
		}
	}

	@Test
	void eachKindHasItsOwnPackNameAndTheCommonKeys() {
		assertThat(Arrays.stream(RuleKind.values()).map(RuleKind::packName)).doesNotHaveDuplicates();
		for (RuleKind kind : RuleKind.values()) {
			assertThat(RuleKind.byPackName(kind.packName())).contains(kind);
			assertThat(kind.keys()).containsAll(RuleKind.commonKeys());
		}
		assertThat(RuleKind.byPackName("reminder")).isEmpty();
	}

}
