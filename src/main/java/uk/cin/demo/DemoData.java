package uk.cin.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import uk.cin.api.GlobalId;
import uk.cin.api.UserError;
import uk.cin.config.CinProperties;
import uk.cin.family.FamilyService;
import uk.cin.family.FamilyService.AddChildInput;
import uk.cin.family.FamilyService.CreateFamilyInput;
import uk.cin.meeting.MeetingService;
import uk.cin.meeting.MeetingService.RecordMeetingInput;
import uk.cin.plan.PlanService;
import uk.cin.plan.PlanService.ClosePlanInput;
import uk.cin.plan.PlanService.OpenPlanInput;
import uk.cin.plan.PlanService.RecordPlanEventInput;
import uk.cin.plan.PlanService.RecordVisitInput;
import uk.cin.policy.PlanEventKind;
import uk.cin.policy.PlanStartReason;
import uk.cin.policy.ReviewOutcome;
import uk.cin.policy.pack.PolicyPack;
import uk.cin.policy.pack.PolicyPacks;
import uk.cin.security.AuthorityScope;
import uk.cin.security.Caller;
import uk.cin.security.Role;

/**
 * Made-up families for the local profile, loaded through the same use cases clients'
 * mutations run: in every authority, a family with siblings (one plan under way, one
 * whose initial meeting is overdue today), a closed plan, and a plan stepped down from
 * child protection with a review overdue. Dates count back from today, so some deadlines
 * are always overdue. Loaded once, into an empty database.
 */
@Component
@Profile("local")
public class DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final FamilyService families;

	private final PlanService plans;

	private final MeetingService meetings;

	private final PolicyPacks packs;

	private final Clock clock;

	private final AuthorityScope scope;

	private final CinProperties properties;

	public DemoData(FamilyService families, PlanService plans, MeetingService meetings, PolicyPacks packs, Clock clock,
			AuthorityScope scope, CinProperties properties) {
		this.scope = scope;
		this.properties = properties;
		this.families = families;
		this.plans = plans;
		this.meetings = meetings;
		this.packs = packs;
		this.clock = clock;
	}

	/**
	 * The demo families' teams: a practitioner of team-a sees two families, of team-b
	 * one.
	 */
	public static final List<String> TEAMS = List.of("team-a", "team-b");

	@EventListener(ApplicationReadyEvent.class)
	public void load() {
		// Off while the generator runs (it sets cin.demo-data=false): its families are
		// the
		// data then.
		if (!properties.demoData()) {
			return;
		}
		long began = System.nanoTime();
		// Each authority as one of its managers would enter it, in a transaction scoped
		// to it.
		Long loaded = Flux.fromIterable(packs.all()).concatMap(pack -> {
			Caller loader = new Caller("demo-data", pack.code(), Set.copyOf(TEAMS), Role.TEAM_MANAGER,
					Instant.now(clock).plus(Duration.ofHours(1)));
			return scope
				.mono(pack.code(),
						families.anyFamilies().flatMap(any -> any ? Mono.just(0) : authority(pack).thenReturn(1)))
				.contextWrite(context -> context.put(Caller.class, loader));
		}).filter(n -> n > 0).count().block();
		long millis = (System.nanoTime() - began) / 1_000_000;
		if (loaded == null || loaded == 0) {
			log.info("Demo data: every authority has families already; nothing loaded");
		}
		else {
			log.info("Demo data loaded for {} of {} authorities in {} ms", loaded, packs.all().size(), millis);
		}
	}

	private Mono<Void> authority(PolicyPack pack) {
		LocalDate today = LocalDate.now(clock);
		boolean derby = pack.code().equals("derby");
		String first = derby ? "REVIEW" : "PLANNING";
		String firstChair = derby ? "CIN_REVIEWING_OFFICER"
				: pack.code().equals("london-azeus") ? "PRACTICE_LEAD" : "TEAM_MANAGER";
		String code = pack.code();
		// Siblings: one plan under way (first meeting 80 days ago, first review 20 days
		// ago), one just opened with its initial meeting already overdue.
		Mono<Void> siblings = family(code, "Demo family Ashby", "team-a").flatMap(f -> child(f, "Alex", false)
			.flatMap(c -> open(c, PlanStartReason.AFTER_ASSESSMENT, today.minusDays(120), today.minusDays(90))
				.flatMap(p -> meeting(p, first, today.minusDays(80), firstChair, null)
					.then(event(p, PlanEventKind.PLAN_DISTRIBUTED, today.minusDays(75)))
					.then(visit(p, today.minusDays(60)))
					.then(meeting(p, "REVIEW", today.minusDays(20), "SOCIAL_WORKER", null))
					.then(visit(p, today.minusDays(10)))))
			.then(child(f, "Sam", true)
				.flatMap(c -> open(c, PlanStartReason.AFTER_ASSESSMENT, today.minusDays(45), today.minusDays(40))))
			.then());
		// A plan that ran its course: first meeting, a final review, closed.
		Mono<Void> closed = family(code, "Demo family Brook", "team-a").flatMap(f -> child(f, "Charlie", false)
			.flatMap(c -> open(c, PlanStartReason.AFTER_ASSESSMENT, today.minusDays(400), today.minusDays(380)))
			.flatMap(p -> meeting(p, first, today.minusDays(370), firstChair, null)
				.then(meeting(p, "REVIEW", today.minusDays(300), "SOCIAL_WORKER", ReviewOutcome.CLOSE))
				.then(close(p, today.minusDays(295)))));
		// Stepped down from child protection 200 days ago: first review held late, the
		// next one overdue.
		Mono<Void> steppedDown = family(code, "Demo family Carter", "team-b").flatMap(f -> child(f, "Dana", false)
			.flatMap(c -> open(c, PlanStartReason.STEP_DOWN_FROM_CHILD_PROTECTION, today.minusDays(400),
					today.minusDays(200)))
			.flatMap(p -> meeting(p, derby ? "REVIEW" : "PLANNING", today.minusDays(190), firstChair, null)
				.then(meeting(p, "REVIEW", today.minusDays(150), "SOCIAL_WORKER", null))));
		return siblings.then(closed).then(steppedDown);
	}

	private Mono<String> family(String authority, String name, String team) {
		return families.createFamily(new CreateFamilyInput(authority, name, team, null))
			.map(p -> check(p.userErrors(), "createFamily") ? GlobalId.of(GlobalId.NodeType.Family, p.family().id())
					: null);
	}

	private Mono<String> child(String familyId, String name, boolean disabled) {
		return families.addChild(new AddChildInput(familyId, name, "Demo", null, disabled, null))
			.map(p -> check(p.userErrors(), "addChild") ? GlobalId.of(GlobalId.NodeType.Child, p.child().id()) : null);
	}

	private Mono<String> open(String childId, PlanStartReason reason, LocalDate referral, LocalDate trigger) {
		return plans
			.openPlan(new OpenPlanInput(childId, reason, referral, trigger, referral.plusDays(3), null, null, null))
			.map(p -> check(p.userErrors(), "openPlan") ? GlobalId.of(GlobalId.NodeType.CinPlan, p.plan().id()) : null);
	}

	private Mono<Void> meeting(String planId, String kind, LocalDate heldOn, String chair, ReviewOutcome outcome) {
		Map<String, Object> input = new HashMap<>(Map.of("planId", planId, "kind", kind, "heldOn", heldOn, "chairRole",
				chair, "attendees", List.of(Map.of("name", "Demo attendee", "role", "School"))));
		if (outcome != null) {
			input.put("outcome", outcome.name());
			input.put("final", true);
		}
		return meetings.recordMeeting(RecordMeetingInput.of(input))
			.doOnNext(p -> check(p.userErrors(), "recordMeeting"))
			.then();
	}

	private Mono<Void> event(String planId, PlanEventKind kind, LocalDate on) {
		return plans.recordPlanEvent(new RecordPlanEventInput(planId, kind, on, null, null))
			.doOnNext(p -> check(p.userErrors(), "recordPlanEvent"))
			.then();
	}

	private Mono<Void> visit(String planId, LocalDate on) {
		return plans.recordVisit(new RecordVisitInput(planId, on, true, true, null, null))
			.doOnNext(p -> check(p.userErrors(), "recordVisit"))
			.then();
	}

	private Mono<Void> close(String planId, LocalDate on) {
		return plans.closePlan(new ClosePlanInput(planId, on, ReviewOutcome.CLOSE, null))
			.doOnNext(p -> check(p.userErrors(), "closePlan"))
			.then();
	}

	private static boolean check(List<UserError> errors, String mutation) {
		if (!errors.isEmpty()) {
			// Demo data is made up, so its errors can be logged in full.
			throw new IllegalStateException("Demo data refused by " + mutation + ": " + errors);
		}
		return true;
	}

}
