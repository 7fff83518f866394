package uk.cin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;

/**
 * The README's module picture and table say what the modules' package-info.java declare
 * ({@code @ApplicationModule(allowedDependencies = ...)}), so that neither goes stale:
 * change a module's dependencies and this fails until the README says the same.
 */
class ModulesReadmeTest {

	private static final Path MODULES = Path.of("src/main/java/uk/cin");

	@Test
	void theTableListsEveryModuleWithWhatItsPackageInfoAllows() throws IOException {
		assertThat(table(section())).as("README, Modules: the table (module -> may use) against the package-info files")
			.isEqualTo(declared());
	}

	@Test
	void thePictureDrawsEveryAllowedDependencyAndNoOther() throws IOException {
		Set<String> expected = new TreeSet<>();
		declared().forEach((module, uses) -> uses.forEach(use -> expected.add(module + " --> " + moduleOf(use))));
		assertThat(picture(section()))
			.as("README, Modules: the mermaid picture's arrows against the package-info files")
			.isEqualTo(expected);
	}

	/** Each module (a package under uk.cin with a package-info) and what it may use. */
	static Map<String, Set<String>> declared() throws IOException {
		Map<String, Set<String>> declared = new TreeMap<>();
		try (Stream<Path> packages = Files.list(MODULES)) {
			for (Path dir : packages.filter(d -> Files.exists(d.resolve("package-info.java"))).toList()) {
				String module = dir.getFileName().toString();
				ApplicationModule annotation = packageInfo(module).getAnnotation(ApplicationModule.class);
				assertThat(annotation).as("uk.cin." + module + " has no @ApplicationModule in its package-info")
					.isNotNull();
				declared.put(module, new TreeSet<>(Arrays.asList(annotation.allowedDependencies())));
			}
		}
		return declared;
	}

	private static Class<?> packageInfo(String module) {
		try {
			return Class.forName("uk.cin." + module + ".package-info");
		}
		catch (ClassNotFoundException e) {
			throw new IllegalStateException("uk.cin." + module + ": package-info.java is not compiled", e);
		}
	}

	/** The README from "## Modules" to the next section. */
	private static List<String> section() throws IOException {
		List<String> lines = Files.readAllLines(Path.of("README.md"));
		int start = lines.indexOf("## Modules");
		assertThat(start).as("README.md has a section \"## Modules\"").isNotNegative();
		int end = start + 1;
		while (end < lines.size() && !lines.get(end).startsWith("## ")) {
			end++;
		}
		return lines.subList(start, end);
	}

	/** Rows "| `module` | what it is for | `a`, `b` |"; "nothing" for none. */
	private static Map<String, Set<String>> table(List<String> section) {
		Map<String, Set<String>> table = new TreeMap<>();
		for (String line : section) {
			if (!line.startsWith("| `")) {
				continue;
			}
			String[] cells = line.substring(1, line.length() - 1).split("\\|");
			String module = unquote(cells[0]);
			String uses = cells[cells.length - 1].trim();
			table.put(module,
					uses.startsWith("nothing") ? new TreeSet<>()
							: Arrays.stream(uses.split(","))
								.map(ModulesReadmeTest::unquote)
								.collect(Collectors.toCollection(TreeSet::new)));
		}
		return table;
	}

	/** The arrows of the mermaid block: "a --> b & c" is a --> b and a --> c. */
	private static Set<String> picture(List<String> section) {
		int start = section.indexOf("```mermaid");
		assertThat(start).as("README, Modules: a mermaid block").isNotNegative();
		Set<String> arrows = new TreeSet<>();
		for (String line : section.subList(start + 1, section.size())) {
			if (line.startsWith("```")) {
				break;
			}
			String[] parts = line.split("-->");
			if (parts.length == 2) {
				for (String target : parts[1].split("&")) {
					arrows.add(parts[0].trim() + " --> " + target.trim());
				}
			}
		}
		return arrows;
	}

	/** "policy :: pack" (a named interface) is drawn as its module, policy. */
	private static String moduleOf(String dependency) {
		int named = dependency.indexOf("::");
		return named < 0 ? dependency.trim() : dependency.substring(0, named).trim();
	}

	private static String unquote(String cell) {
		return cell.trim().replace("`", "");
	}

}
