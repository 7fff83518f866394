package uk.cin.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.client.HttpGraphQlClient;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import uk.cin.CinApplication;
import uk.cin.MovingClock;
import uk.cin.api.GlobalId;
import uk.cin.ops.Prometheus;
import uk.cin.security.AuthorityScope;
import uk.cin.security.TestTokens;

/**
 * The midnight sweep with two instances on one database and a clock the test moves: each
 * deadline that becomes overdue gives its plan one TIME_PASSED change, however many
 * instances sweep, and missed days are caught up once.
 */
class MidnightSweepIT {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	/** A clock both instances read, moved by the test. */
	static final MovingClock CLOCK = new MovingClock(LONDON, Instant.now());

	@Configuration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		Clock clock() {
			return CLOCK;
		}

	}

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(CinApplication.class, TestClock.class).run("--server.port=0",
				"--spring.main.allow-bean-definition-overriding=true",
				"--cin.local-db.data-dir=target/test-postgres-sweep", "--cin.local-db.fresh=true");
	}

	@BeforeAll
	static void startTwoInstances() {
		CLOCK.set(ZonedDateTime.of(2026, 10, 15, 23, 0, 0, 0, LONDON).toInstant());
		first = start();
		second = start();
	}

	@AfterAll
	static void stop() {
		second.close();
		first.close();
	}

	@Test
	void crossingMidnightAnnouncesEachNewlyOverduePlanOnceAndCatchesUpMissedDaysOnce() {
		int port = ((WebServerApplicationContext) first).getWebServer().getPort();
		HttpGraphQlClient client = HttpGraphQlClient.builder()
			.url("http://localhost:" + port + "/graphql")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.manager("camden")))
			.build();
		String family = client
			.document("mutation { createFamily(input: {authorityCode: \"camden\", name: \"Sweep\"})"
					+ " { family { id } } }")
			.retrieve("createFamily.family.id")
			.toEntity(String.class)
			.block();
		String child = client
			.document("mutation($f: ID!) { addChild(input: {familyId: $f, givenName: \"T\","
					+ " familyName: \"U\"}) { child { id } } }")
			.variable("f", family)
			.retrieve("addChild.child.id")
			.toEntity(String.class)
			.block();
		// CAM-01: referral 8 October, home visit due 15 October; overdue from 16 October.
		String plan = client
			.document("mutation($c: ID!) { openPlan(input: {childId: $c, startReason: AFTER_ASSESSMENT,"
					+ " referralDate: \"2026-10-08\", triggerDate: \"2026-10-14\"}) { plan { id } } }")
			.variable("c", child)
			.retrieve("openPlan.plan.id")
			.toEntity(String.class)
			.block();
		UUID planId = GlobalId.require(plan, GlobalId.NodeType.CinPlan);

		// Just after midnight, both instances sweep at once.
		CLOCK.set(ZonedDateTime.of(2026, 10, 16, 0, 0, 1, 0, LONDON).toInstant());
		MidnightSweep a = first.getBean(MidnightSweep.class);
		MidnightSweep b = second.getBean(MidnightSweep.class);
		Flux.merge(a.catchUp(), b.catchUp()).collectList().block();
		assertThat(timePassed(planId)).isEqualTo(1);
		// The metrics say the same, summed over both instances: 15 October (swept at
		// start) and 16 October, each by one instance, and one plan announced.
		assertThat(metric("cin_sweep_days_total")).isEqualTo(2);
		assertThat(metric("cin_sweep_plans_overdue_total")).isEqualTo(1);

		// Both instances down for three days: on the next start the missed days are swept
		// once each.
		CLOCK.set(ZonedDateTime.of(2026, 10, 19, 9, 0, 0, 0, LONDON).toInstant());
		Flux.merge(a.catchUp(), b.catchUp(), a.catchUp()).collectList().block();
		assertThat(sweptDays()).containsExactly(LocalDate.of(2026, 10, 15), LocalDate.of(2026, 10, 16),
				LocalDate.of(2026, 10, 17), LocalDate.of(2026, 10, 18), LocalDate.of(2026, 10, 19));
		// CAM-02's initial meeting (trigger 14 Oct + 2 weeks = 28 Oct) is not yet due:
		// still one announcement.
		assertThat(timePassed(planId)).isEqualTo(1);
		assertThat(metric("cin_sweep_days_total")).isEqualTo(5);
		assertThat(metric("cin_sweep_plans_overdue_total")).isEqualTo(1);

		// Changes are kept 30 days. (Rows are stamped by the database's own clock, today;
		// the test clock moves on past that plus 30 days.)
		long kept = changes(planId);
		assertThat(kept).isPositive();
		CLOCK.set(ZonedDateTime.now(LONDON).plusDays(MidnightSweep.KEEP_DAYS + 2).toInstant());
		a.catchUp().block();
		assertThat(changes(planId)).isZero();
		Prometheus swept = Prometheus.scrape(port(first));
		assertThat(swept.value("cin_sweep_changes_removed_total")).isGreaterThanOrEqualTo(kept);
		// Every catch-up succeeded; the last one just now, by the clock the service
		// reads.
		assertThat(swept.value("cin_sweep_duration_seconds_count", "outcome", "failure")).isZero();
		assertThat(swept.value("cin_sweep_duration_seconds_count", "outcome", "success")).isGreaterThanOrEqualTo(4);
		assertThat(swept.value("cin_sweep_last_success_seconds")).isEqualTo(CLOCK.instant().getEpochSecond());
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/** A sweep metric summed over both instances. */
	private static double metric(String name) {
		return Prometheus.scrape(port(first)).value(name) + Prometheus.scrape(port(second)).value(name);
	}

	private static long changes(UUID planId) {
		return first.getBean(AuthorityScope.class)
			.mono("camden",
					first.getBean(DatabaseClient.class)
						.sql("select count(*) from deadline_change where plan_id = :p")
						.bind("p", planId)
						.map(r -> r.get(0, Long.class))
						.one())
			.block();
	}

	private static long timePassed(UUID planId) {
		return first.getBean(AuthorityScope.class)
			.mono("camden",
					first.getBean(DatabaseClient.class)
						.sql("select count(*) from deadline_change where plan_id = :p and cause = 'TIME_PASSED'")
						.bind("p", planId)
						.map(r -> r.get(0, Long.class))
						.one())
			.block();
	}

	private static List<LocalDate> sweptDays() {
		return first.getBean(DatabaseClient.class)
			.sql("select day from sweep_day order by day")
			.map(r -> r.get(0, LocalDate.class))
			.all()
			.collectList()
			.block();
	}

}
