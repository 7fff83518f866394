package uk.cin.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.cin.policy.pack.PackRule;
import uk.cin.policy.pack.PolicyPack;
import uk.cin.policy.pack.PolicyPacks;

/**
 * docs/policy-rules.md is what the built-in packs render to: a pack changed without the
 * reference failing here. With {@code -Dcin.docs.write=true} the test writes the file
 * instead of failing.
 */
class PolicyRulesDocTest {

	private static final Path DOCUMENT = Path.of("docs", "policy-rules.md");

	private static final List<PolicyPack> PACKS = PolicyPacks.builtIn().all();

	@Test
	void theCommittedRulesReferenceIsWhatThePacksRender() throws IOException {
		String rendered = PolicyRulesDocument.render(PACKS);
		if (Boolean.getBoolean("cin.docs.write")) {
			Files.createDirectories(DOCUMENT.getParent());
			Files.writeString(DOCUMENT, rendered, StandardCharsets.UTF_8);
		}
		String hint = DOCUMENT + " is not what the policy packs render; regenerate it with: "
				+ PolicyRulesDocument.REGENERATE;
		if (!Files.exists(DOCUMENT)) {
			fail(DOCUMENT.toAbsolutePath() + " is missing; generate it with: " + PolicyRulesDocument.REGENERATE);
		}
		List<String> committed = Files.readString(DOCUMENT, StandardCharsets.UTF_8).lines().toList();
		List<String> expected = rendered.lines().toList();
		for (int i = 0; i < Math.max(committed.size(), expected.size()); i++) {
			String was = i < committed.size() ? committed.get(i) : "(end of file)";
			String is = i < expected.size() ? expected.get(i) : "(end of file)";
			if (!was.equals(is)) {
				fail(hint + "\nfirst difference at line " + (i + 1) + ":\n  committed: " + was + "\n  rendered:  "
						+ is);
			}
		}
		assertThat(Files.readString(DOCUMENT, StandardCharsets.UTF_8)).as(hint).isEqualTo(rendered);
	}

	@Test
	void everyRuleOfEveryPackHasARowUnderItsAuthority() {
		String rendered = PolicyRulesDocument.render(PACKS);
		for (PolicyPack pack : PACKS) {
			int section = rendered.indexOf("\n## " + pack.name() + " (`" + pack.code() + "`)\n");
			assertThat(section).as("section of %s", pack.code()).isPositive();
			int end = rendered.indexOf("\n## ", section + 1);
			String table = rendered.substring(section, end < 0 ? rendered.length() : end);
			for (PackRule rule : pack.rules()) {
				assertThat(table).as("%s in %s", rule.ref().id(), pack.code())
					.contains("\n| " + rule.ref().id() + " | ");
			}
			assertThat(table.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| id ")))
				.as("one row per rule of %s", pack.code())
				.hasSize(pack.rules().size());
		}
	}

}
