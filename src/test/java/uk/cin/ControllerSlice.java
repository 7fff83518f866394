package uk.cin;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.GraphQlTester.Response;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import reactor.core.publisher.Mono;
import uk.cin.api.DatabaseOutage;
import uk.cin.api.UserError;
import uk.cin.audit.AuditController;
import uk.cin.audit.AuditService;
import uk.cin.authority.AuthorityController;
import uk.cin.config.SettingsConfiguration;
import uk.cin.family.FamilyController;
import uk.cin.family.FamilyService;
import uk.cin.live.DeadlineSubscriptions;
import uk.cin.live.LiveController;
import uk.cin.meeting.MeetingController;
import uk.cin.meeting.MeetingService;
import uk.cin.node.NodeController;
import uk.cin.plan.PlanController;
import uk.cin.plan.PlanService;
import uk.cin.plan.PlanStates.EvaluatedPlan;
import uk.cin.plan.PlanStates.PlanAt;
import uk.cin.policy.pack.PolicyPackLoader;
import uk.cin.policy.pack.PolicyPacks;

/**
 * The GraphQL layer alone: the served schema (schema/, as spring.graphql.schema.locations
 * names it), the scalars, error mapping and query limits, and the feature controllers
 * with their services mocked. No database, no HTTP server, no interceptors (callers,
 * row-level security, audit) and no redaction of personal fields (it needs a caller):
 * requests go straight to {@code ExecutionGraphQlService}; the integration tests cover
 * those. Documents are {@code src/test/resources/graphql-test/*.graphql}, by name.
 * <p>
 * Every subclass declares nothing of its own, so they all share one application context
 * (started once, in about a second).
 */
@GraphQlTest(
		controllers = { AuditController.class, AuthorityController.class, FamilyController.class, LiveController.class,
				MeetingController.class, NodeController.class, PlanController.class },
		properties = {
				// Any URL: nothing connects to it. Without one the service would start
				// its own PostgreSQL (LocalDatabaseEnvironmentPostProcessor).
				"spring.r2dbc.url=r2dbc:postgresql://localhost/none",
				// The slice maps only these controllers' fields: no report of the others.
				"spring.graphql.schema.inspection.enabled=false" })
@Import(ControllerSlice.SliceBeans.class)
public abstract class ControllerSlice {

	/** The authority the slice knows: the test pack, not a built-in one. */
	protected static final String AUTHORITY = "wessex";

	@Autowired
	protected GraphQlTester graphQl;

	@MockitoBean
	protected FamilyService families;

	@MockitoBean
	protected PlanService plans;

	@MockitoBean
	protected MeetingService meetings;

	@MockitoBean
	protected AuditService audit;

	@MockitoBean
	protected DeadlineSubscriptions subscriptions;

	/**
	 * The payload's one user error is the service's: its input path, message and code.
	 */
	protected static void assertOnlyUserError(Response response, String payload, UserError expected) {
		response.path(payload + ".userErrors").entityList(Object.class).hasSize(1);
		response.path(payload + ".userErrors[0].field")
			.entityList(String.class)
			.containsExactly(expected.field().toArray(String[]::new));
		response.path(payload + ".userErrors[0].message").entity(String.class).isEqualTo(expected.message());
		response.path(payload + ".userErrors[0].code").entity(String.class).isEqualTo(expected.code());
	}

	/**
	 * What the slice's components need beyond the controllers: the settings (query
	 * limits, error handling), the policy packs (authorities), the plan batch loader's
	 * name.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	@Import({ SettingsConfiguration.class, DatabaseOutage.class })
	static class SliceBeans {

		@Bean
		PolicyPacks policyPacks() throws IOException {
			try (InputStream in = ControllerSlice.class.getResourceAsStream("/extra-policies/wessex.yaml")) {
				return new PolicyPacks(List.of(new PolicyPackLoader().load("wessex.yaml", in)));
			}
		}

		/**
		 * Plan fields take the plans' batch loader as an argument; the services are
		 * mocked, so it is there but never asked.
		 */
		@Bean
		InitializingBean planLoader(BatchLoaderRegistry registry) {
			return () -> registry.forTypePair(PlanAt.class, EvaluatedPlan.class)
				.registerMappedBatchLoader((keys, env) -> Mono
					.error(new IllegalStateException("the slice loads no plans: stub PlanService.at")));
		}

	}

}
