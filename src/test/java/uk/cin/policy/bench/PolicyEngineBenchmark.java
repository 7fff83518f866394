package uk.cin.policy.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import uk.cin.policy.ChairRole;
import uk.cin.policy.Evaluation;
import uk.cin.policy.MeetingFact;
import uk.cin.policy.MeetingKind;
import uk.cin.policy.PlanEventFact;
import uk.cin.policy.PlanEventKind;
import uk.cin.policy.PlanFacts;
import uk.cin.policy.PlanStartReason;
import uk.cin.policy.PolicyEngine;
import uk.cin.policy.VisitFact;
import uk.cin.policy.pack.PolicyPack;
import uk.cin.policy.pack.PolicyPacks;

/**
 * One evaluation of a plan with 12 meetings, 20 visits and 30 events, per authority.
 * Target: median under 10 µs. Run with {@code mvn -B -q test-compile exec:exec@bench};
 * the p0.50 line of each result is the median. Three forks, because the JIT compiles the
 * engine differently from one JVM to the next and one fork can mislead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class PolicyEngineBenchmark {

	@Param({ "london-azeus", "nottinghamshire", "camden", "derby", "children-law-2008" })
	public String authority;

	private final PolicyEngine engine = new PolicyEngine();

	private PolicyPack pack;

	private PlanFacts plan;

	private LocalDate asOf;

	@Setup
	public void setUp() {
		pack = PolicyPacks.builtIn().get(authority);
		LocalDate trigger = LocalDate.of(2025, 1, 6);
		List<MeetingFact> meetings = new ArrayList<>();
		LocalDate held = trigger.plusDays(14);
		for (int i = 0; i < 12; i++) {
			meetings.add(new MeetingFact("m" + i, i == 0 ? MeetingKind.PLANNING : MeetingKind.REVIEW, held,
					ChairRole.SOCIAL_WORKER, null, null, null, null, false, null));
			held = held.plusWeeks(6);
		}
		PlanEventKind[] kinds = { PlanEventKind.PLAN_DISTRIBUTED, PlanEventKind.MEETING_RECORDED,
				PlanEventKind.MANAGER_SIGN_OFF, PlanEventKind.INVITATIONS_SENT, PlanEventKind.REPORT_SHARED,
				PlanEventKind.MANAGEMENT_OVERSIGHT };
		List<PlanEventFact> events = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			events.add(new PlanEventFact("e" + i, kinds[i % kinds.length], trigger.plusDays(10 + 17L * i), null));
		}
		List<VisitFact> visits = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			visits.add(new VisitFact("v" + i, trigger.plusDays(20 + 25L * i), true, i % 2 == 0));
		}
		plan = new PlanFacts(PlanStartReason.AFTER_ASSESSMENT, trigger.minusDays(30), trigger, trigger.minusDays(20),
				Set.of(), false, null, null, meetings, events, visits);
		asOf = held.minusWeeks(2);
	}

	@Benchmark
	public Evaluation evaluate() {
		return engine.evaluate(plan, asOf, pack);
	}

}
