package uk.cin.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

	@Test
	void theCorrelationIdIsTheOnlyThreadLocalCarriedFromThreadToThread() {
		// As the libraries on the class path do through the ServiceLoader (Observation,
		// security context holders) when the registry is first used.
		ContextRegistry.getInstance().registerThreadLocalAccessor(new ObservationThreadLocalAccessor());

		new RequestIds();

		assertThat(ContextRegistry.getInstance().getThreadLocalAccessors()).extracting(ThreadLocalAccessor::key)
			.containsExactly(Slf4jThreadLocalAccessor.KEY);
	}

	@Test
	void aWellFormedIdIsKeptAndAnythingElseReplaced() {
		assertThat(RequestIds.choose("portal-42.a_b")).isEqualTo("portal-42.a_b");
		assertThat(RequestIds.choose("has space")).isNotEqualTo("has space").hasSize(36);
		assertThat(RequestIds.choose("x".repeat(65))).hasSize(36);
	}

}
