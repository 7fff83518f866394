package uk.cin.config;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Each module's part of the settings as a bean of its own, and the clock "today" comes
 * from.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CinProperties.class)
public class SettingsConfiguration {

	@Bean
	Limits limits(CinProperties properties) {
		return properties.limits();
	}

	@Bean
	LiveLimits liveLimits(CinProperties properties) {
		return properties.live();
	}

	@Bean
	ConnectionLimits connectionLimits(CinProperties properties) {
		return properties.connections();
	}

	@Bean
	TrustedDocumentsSettings trustedDocumentsSettings(CinProperties properties) {
		return properties.trustedDocuments();
	}

	/**
	 * "Today" for every computed field without asOf: local dates in the configured zone
	 * (Europe/London).
	 */
	@Bean
	Clock clock(CinProperties properties) {
		return Clock.system(properties.zone());
	}

}
