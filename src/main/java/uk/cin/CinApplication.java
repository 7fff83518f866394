package uk.cin;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import uk.cin.generate.GenerateCommand;

/**
 * The CIN case management service: GraphQL over HTTP and WebSocket, on PostgreSQL. With
 * {@code generate} as its first argument it loads generated data into the configured
 * database instead, and exits (see README).
 */
@SpringBootApplication
public class CinApplication {

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals(GenerateCommand.COMMAND)) {
			SpringApplication generator = generator();
			try {
				GenerateCommand.Request.parse(args);
			}
			catch (IllegalArgumentException e) {
				System.err.println("generate: " + e.getMessage());
				System.exit(2);
			}
			generator.run(args);
			return;
		}
		SpringApplication.run(CinApplication.class, args);
	}

	/**
	 * The application as {@code generate} runs it: no server, and no demo data; the
	 * command runs as the context starts, then the process ends.
	 */
	static SpringApplication generator() {
		SpringApplication generator = new SpringApplication(CinApplication.class);
		generator.setWebApplicationType(WebApplicationType.NONE);
		generator.setDefaultProperties(Map.of("cin.demo-data", "false"));
		return generator;
	}

}
