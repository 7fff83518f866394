package uk.cin.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * One scrape of /actuator/prometheus (without a token, as Prometheus scrapes it), read as
 * series and values.
 */
public final class Prometheus {

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private final String text;

	private Prometheus(String text) {
		this.text = text;
	}

	public static Prometheus scrape(int port) {
		var answer = WebClient.create("http://localhost:" + port)
			.get()
			.uri("/actuator/prometheus")
			.exchangeToMono(r -> r.bodyToMono(String.class).map(body -> Map.entry(r.statusCode().value(), body)))
			.block(Duration.ofSeconds(10));
		assertThat(answer.getKey()).as("GET /actuator/prometheus without a token").isEqualTo(200);
		return new Prometheus(answer.getValue());
	}

	public String text() {
		return text;
	}

	/**
	 * The sum of the samples of this series whose labels include these (0 when there is
	 * none).
	 */
	public double value(String name, String... labels) {
		Map<String, String> wanted = new HashMap<>();
		for (int i = 0; i < labels.length; i += 2) {
			wanted.put(labels[i], labels[i + 1]);
		}
		return text.lines()
			.map(SAMPLE::matcher)
			.filter(Matcher::matches)
			.filter(m -> m.group(1).equals(name))
			.filter(m -> labels(m.group(2)).entrySet().containsAll(wanted.entrySet()))
			.mapToDouble(m -> Double.parseDouble(m.group(3)))
			.sum();
	}

	/** Whether a series of this name is there at all. */
	public boolean has(String name) {
		return text.lines().map(SAMPLE::matcher).anyMatch(m -> m.matches() && m.group(1).equals(name));
	}

	private static Map<String, String> labels(String text) {
		Map<String, String> labels = new HashMap<>();
		if (text != null) {
			Matcher m = LABEL.matcher(text);
			while (m.find()) {
				labels.put(m.group(1), m.group(2));
			}
		}
		return labels;
	}

}
