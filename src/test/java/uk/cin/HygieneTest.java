package uk.cin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the formatter does not check: imports in one order (static first, then the rest,
 * each sorted), none unused, and no fully-qualified type written inline where an import
 * would do.
 */
class HygieneTest {

	private static final Pattern INLINE = Pattern.compile(
			"(?<![\\w.\"/])((?:uk\\.cin|java\\.[a-z]+|org\\.springframework|org\\.junit|org\\.reactivestreams|io\\.r2dbc|graphql|reactor)(?:\\.[a-z_]\\w*)*)\\.([A-Z]\\w*)");

	/** By the imported name, so that {@code a.B} comes before {@code a.B.C}. */
	private static final Comparator<String> BY_NAME = Comparator.comparing(l -> l.substring(0, l.length() - 1));

	@Test
	void importsAreSortedAndUsed() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Path file : sources()) {
			List<String> lines = Files.readAllLines(file);
			List<String> imports = lines.stream().filter(l -> l.startsWith("import ")).toList();
			List<String> expected = new ArrayList<>(
					imports.stream().filter(l -> l.startsWith("import static ")).sorted(BY_NAME).toList());
			expected.addAll(imports.stream().filter(l -> !l.startsWith("import static ")).sorted(BY_NAME).toList());
			if (!imports.equals(expected)) {
				problems.add(file + ": imports out of order");
			}
			if (file.getFileName().toString().equals("package-info.java")) {
				continue;
			}
			String body = String.join("\n", lines.subList(lastImport(lines) + 1, lines.size()));
			for (String line : imports) {
				String name = line.substring(line.lastIndexOf('.') + 1, line.length() - 1);
				if (!name.equals("*") && !Pattern.compile("\\b" + name + "\\b").matcher(body).find()) {
					problems.add(file + ": unused " + line);
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void typesAreImportedNotWrittenOutInline() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Path file : sources()) {
			List<String> lines = Files.readAllLines(file);
			Map<String, String> imported = new HashMap<>();
			lines.stream()
				.filter(l -> l.startsWith("import ") && !l.startsWith("import static "))
				.map(l -> l.substring(7, l.length() - 1))
				.forEach(i -> imported.put(i.substring(i.lastIndexOf('.') + 1), i));
			boolean comment = false;
			for (int i = 0; i < lines.size(); i++) {
				String line = lines.get(i).strip();
				comment = comment || line.startsWith("/*");
				if (comment) {
					comment = !line.contains("*/");
					continue;
				}
				if (line.startsWith("import ") || line.startsWith("package ") || line.startsWith("//")) {
					continue;
				}
				Matcher m = INLINE.matcher(line.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\""));
				while (m.find()) {
					String full = m.group(1) + "." + m.group(2);
					String clash = imported.get(m.group(2));
					// Two types of one simple name: one of them has to be written out.
					if (clash == null || clash.equals(full)) {
						problems.add(file + ":" + (i + 1) + ": " + full);
					}
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	private static int lastImport(List<String> lines) {
		int last = 0;
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).startsWith("import ") || lines.get(i).startsWith("package ")) {
				last = i;
			}
		}
		return last;
	}

	private static List<Path> sources() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("src"))) {
			return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
		}
	}

}
