package uk.cin.policy.pack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The policy packs in force, by authority code. */
public final class PolicyPacks {

	/** The classpath folder of the built-in packs, one YAML file per authority. */
	public static final String BUILT_IN_FOLDER = "policies";

	private final Map<String, PolicyPack> byCode = new LinkedHashMap<>();

	public PolicyPacks(List<PolicyPack> packs) {
		for (PolicyPack pack : packs) {
			if (byCode.putIfAbsent(pack.code(), pack) != null) {
				throw new PolicyPackException("two policy packs have the code '" + pack.code() + "'");
			}
		}
	}

	/** The five authorities' packs shipped in src/main/resources/policies. */
	public static PolicyPacks builtIn() {
		return new PolicyPacks(
				new PolicyPackLoader().loadClasspath(BUILT_IN_FOLDER, PolicyPacks.class.getClassLoader()));
	}

	public Optional<PolicyPack> find(String code) {
		return Optional.ofNullable(byCode.get(code));
	}

	public PolicyPack get(String code) {
		return find(code).orElseThrow(() -> new PolicyPackException("no policy pack for authority '" + code + "'"));
	}

	/** The authority codes, in the order the packs were loaded. */
	public List<String> codes() {
		return List.copyOf(byCode.keySet());
	}

	public List<PolicyPack> all() {
		return List.copyOf(byCode.values());
	}

}
