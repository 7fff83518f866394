package uk.cin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.Result;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import uk.cin.CinApplication;
import uk.cin.api.Api;
import uk.cin.api.GlobalId;
import uk.cin.security.Caller;

/**
 * A query's audit rows commit without waiting for the WAL flush (synchronous_commit off
 * in its own transaction); a mutation's transaction, audit rows and all, keeps
 * synchronous commit. The setting is read in the transaction, just before each audit
 * insert. (The tests' PostgreSQL runs with synchronous_commit off for speed: here each
 * connection is set back to on, as PostgreSQL's default is, when taken from the pool.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		classes = { CinApplication.class, ReadAuditCommitIT.Observed.class })
@AutoConfigureHttpGraphQlTester
class ReadAuditCommitIT {

	/** The audit log, noting the transaction's synchronous_commit at each insert. */
	@TestConfiguration
	static class Observed {

		@Bean
		static BeanPostProcessor durableByDefault() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (bean instanceof ConnectionFactory pool && name.equals("connectionFactory")) {
						return new ConnectionFactory() {
							@Override
							public Publisher<? extends Connection> create() {
								return Mono.from(pool.create())
									.flatMap(c -> Flux.from(c.createStatement("set synchronous_commit = on").execute())
										.flatMap(Result::getRowsUpdated)
										.then(Mono.just(c)));
							}

							@Override
							public ConnectionFactoryMetadata getMetadata() {
								return pool.getMetadata();
							}
						};
					}
					return bean;
				}
			};
		}

		/** Operation name: the settings seen at its audit inserts. */
		static final Map<String, Set<String>> SEEN = new ConcurrentHashMap<>();

		@Bean
		@Primary
		AuditLog observedAuditLog(DatabaseClient db, MeetingChildren meetingChildren) {
			return new AuditLog(db, meetingChildren) {
				@Override
				public Mono<Void> reads(Caller caller, String operation, Map<AuditTrail.Subject, Set<String>> read) {
					return seen(db, operation).then(super.reads(caller, operation, read));
				}

				@Override
				public Mono<Void> write(Caller caller, Action action, String mutation, GlobalId.NodeType objectType,
						UUID objectId, UUID childId) {
					return seen(db, mutation)
						.then(super.write(caller, action, mutation, objectType, objectId, childId));
				}
			};
		}

		private static Mono<Void> seen(DatabaseClient db, String operation) {
			return db.sql("select current_setting('synchronous_commit') as s")
				.map(r -> r.get("s", String.class))
				.one()
				.doOnNext(s -> SEEN.computeIfAbsent(operation, o -> ConcurrentHashMap.newKeySet()).add(s))
				.then();
		}

	}

	@Autowired
	HttpGraphQlTester autowired;

	@Test
	void aQueryCommitsItsAuditAsynchronouslyAMutationSynchronously() {
		HttpGraphQlTester tester = autowired.mutate().responseTimeout(Duration.ofSeconds(60)).build();
		Api api = new Api(tester);
		String family = api.createFamily("derby", "Commit");
		String child = api.addChild(family, "S", false);
		assertThat(Observed.SEEN.get("addChild")).as("the write's audit").containsExactly("on");

		api.tester()
			.document("mutation ReadBack($f: ID!) { addChild(input: {familyId: $f, givenName: \"R\","
					+ " familyName: \"Test\"}) { child { givenName family { name } } } }")
			.variable("f", family)
			.executeAndVerify();
		assertThat(Observed.SEEN.get("ReadBack")).as("what a mutation read back").containsExactly("on");

		api.tester()
			.document("query Caseload($id: ID!) { child(id: $id) { givenName family { name } } }")
			.variable("id", child)
			.execute()
			.path("child.givenName")
			.entity(String.class)
			.isEqualTo("S");
		assertThat(Observed.SEEN.get("Caseload")).as("a query's audit").containsExactly("off");

		// The setting ends with the transaction: the next write on a pooled connection
		// waits for its WAL again.
		for (int i = 0; i < 5; i++) {
			api.addChild(family, "W" + i, false);
		}
		assertThat(Observed.SEEN.get("addChild")).containsExactly("on");
		assertThat(List.copyOf(Observed.SEEN.keySet())).contains("addChild", "ReadBack", "Caseload");
	}

}
