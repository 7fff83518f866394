package uk.cin.policy;

import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import uk.cin.policy.pack.PolicyPack;
import uk.cin.policy.pack.PolicyPacks;

/** The authorities, straight from the policy packs. */
@Controller
public class AuthorityController {

    /** An authority as the API shows it. */
    public record Authority(String code, String name, String calendar, String policyVersion, List<RuleRef> rules) {

        public static Authority of(PolicyPack pack) {
            List<RuleRef> rules = pack.ruleSummaries().entrySet().stream()
                    .map((Map.Entry<String, String> e) -> new RuleRef(e.getKey(), e.getValue())).toList();
            return new Authority(pack.code(), pack.name(), pack.calendar().name(), pack.policyVersion(), rules);
        }
    }

    private final PolicyPacks packs;

    public AuthorityController(PolicyPacks packs) {
        this.packs = packs;
    }

    @QueryMapping
    public List<Authority> authorities() {
        return packs.all().stream().map(Authority::of).toList();
    }
}
