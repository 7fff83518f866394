package uk.cin.authority;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.cin.policy.PolicyEngine;
import uk.cin.policy.pack.PolicyPacks;

/** The engine and the packs as beans; the engine itself knows nothing of Spring. */
@Configuration(proxyBeanMethods = false)
public class PolicyConfig {

	@Bean
	PolicyPacks policyPacks() {
		return PolicyPacks.builtIn();
	}

	@Bean
	PolicyEngine policyEngine() {
		return new PolicyEngine();
	}

}
