package uk.cin.authority;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import uk.cin.policy.RuleRef;
import uk.cin.policy.pack.PolicyPack;
import uk.cin.policy.pack.PolicyPacks;
import uk.cin.security.Owned;

/**
 * The authorities, straight from the policy packs. They are fixed at start-up, so each is
 * built once and shared by every field that names one (a page of 50 plans asks for 50).
 */
@Controller
public class AuthorityController {

	/** An authority as the API shows it. */
	public record Authority(String code, String name, String calendar, String policyVersion, List<RuleRef> rules) {

		static Authority of(PolicyPack pack) {
			List<RuleRef> rules = pack.ruleSummaries()
				.entrySet()
				.stream()
				.map((Map.Entry<String, String> e) -> new RuleRef(e.getKey(), e.getValue()))
				.toList();
			return new Authority(pack.code(), pack.name(), pack.calendar().name(), pack.policyVersion(), rules);
		}
	}

	private final Map<String, Authority> byCode = new LinkedHashMap<>();

	public AuthorityController(PolicyPacks packs) {
		for (PolicyPack pack : packs.all()) {
			byCode.put(pack.code(), Authority.of(pack));
		}
	}

	@QueryMapping
	public List<Authority> authorities() {
		return List.copyOf(byCode.values());
	}

	/** The authority a family or a plan belongs to. */
	@SchemaMapping(typeName = "Family", field = "authority")
	public Authority familyAuthority(Owned family) {
		return authority(family.authorityCode());
	}

	@SchemaMapping(typeName = "CinPlan", field = "authority")
	public Authority planAuthority(Owned plan) {
		return authority(plan.authorityCode());
	}

	/** The authority with this pack code; every stored family names one that exists. */
	Authority authority(String code) {
		Authority authority = byCode.get(code);
		if (authority == null) {
			throw new IllegalStateException("no policy pack for a stored authority code");
		}
		return authority;
	}

}
