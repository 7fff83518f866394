package uk.cin.ops;

import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What /actuator/prometheus leaves out. */
@Configuration(proxyBeanMethods = false)
public class MetricsConfig {

	/**
	 * graphql.request's per-error-type counters (graphql_request_BAD_REQUEST_total and
	 * the like): they are tagged as the operation stood when it started (no type, no
	 * outcome yet), so they would mislead. Errors are counted by the outcome tag of
	 * graphql.request itself.
	 */
	@Bean
	MeterFilter noGraphQlErrorEventCounters() {
		return MeterFilter.deny(id -> id.getName().startsWith("graphql.request."));
	}

}
