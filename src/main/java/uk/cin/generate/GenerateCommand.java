package uk.cin.generate;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import uk.cin.generate.CaseloadSimulation.GeneratedFamily;
import uk.cin.plan.CinPlan;
import uk.cin.policy.PolicyEngine;
import uk.cin.policy.pack.PolicyPack;
import uk.cin.policy.pack.PolicyPacks;

/**
 * {@code java -jar <jar> generate --families N [--seed S]}: loads a county-sized caseload
 * into the configured database (after its migrations) and exits. Families are shared
 * between the authorities in falling proportions (5:4:3:2:1 for five), so the largest has
 * about a third; each authority has one team for every 250 families.
 */
@Component
public class GenerateCommand implements ApplicationRunner {

	public static final String COMMAND = "generate";

	static final int FAMILIES_PER_TEAM = 250;

	private static final int CHUNK = 250;

	private final PolicyEngine engine;

	private final PolicyPacks packs;

	private final Clock clock;

	private final Environment environment;

	private final PrintStream out;

	private final ApplicationContext context;

	public GenerateCommand(PolicyEngine engine, PolicyPacks packs, Clock clock, Environment environment,
			ApplicationContext context) {
		this.context = context;
		this.engine = engine;
		this.packs = packs;
		this.clock = clock;
		this.environment = environment;
		this.out = System.out;
	}

	/** What the command line asked for. */
	public record Request(int families, long seed) {

		static final int MAX_FAMILIES = 1_000_000;

		/**
		 * Reads {@code --families N} or {@code --families=N}, and the same for
		 * {@code --seed}.
		 */
		public static Request parse(String[] args) {
			String families = option(args, "--families");
			String seed = option(args, "--seed");
			if (families == null) {
				throw new IllegalArgumentException("say how many families: generate --families N");
			}
			int count;
			try {
				count = Integer.parseInt(families);
			}
			catch (NumberFormatException e) {
				throw new IllegalArgumentException("--families takes a whole number, not '" + families + "'");
			}
			if (count < 1 || count > MAX_FAMILIES) {
				throw new IllegalArgumentException("--families must be 1 to " + MAX_FAMILIES);
			}
			try {
				return new Request(count, seed == null ? 1L : Long.parseLong(seed));
			}
			catch (NumberFormatException e) {
				throw new IllegalArgumentException("--seed takes a whole number, not '" + seed + "'");
			}
		}

		private static String option(String[] args, String name) {
			for (int i = 0; i < args.length; i++) {
				if (args[i].equals(name)) {
					return i + 1 < args.length ? args[i + 1] : "";
				}
				if (args[i].startsWith(name + "=")) {
					return args[i].substring(name.length() + 1);
				}
			}
			return null;
		}
	}

	/**
	 * How many families each authority gets: in proportion n, n-1, ... 1, the remainder
	 * to the first.
	 */
	static int[] shares(int families, int authorities) {
		int weights = authorities * (authorities + 1) / 2;
		int[] shares = new int[authorities];
		int given = 0;
		for (int i = 0; i < authorities; i++) {
			shares[i] = (int) ((long) families * (authorities - i) / weights);
			given += shares[i];
		}
		shares[0] += families - given;
		return shares;
	}

	static String team(int index) {
		StringBuilder name = new StringBuilder();
		int n = index;
		do {
			name.insert(0, (char) ('a' + n % 26));
			n = n / 26 - 1;
		}
		while (n >= 0);
		return "team-" + name;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		if (args.getNonOptionArgs().isEmpty() || !args.getNonOptionArgs().get(0).equals(COMMAND)) {
			return;
		}
		int status = 0;
		try {
			generate(Request.parse(args.getSourceArgs()));
		}
		catch (Exception e) {
			System.err.println("generate failed: " + reason(e));
			status = 1;
		}
		// Exits here, before the service would start its sweeps and listeners on a ready
		// context.
		int code = status;
		System.exit(SpringApplication.exit(context, () -> code));
	}

	/**
	 * The database's own words, first line only: a failed batch's message quotes every
	 * row it held.
	 */
	private static String reason(Throwable e) {
		Throwable cause = e;
		while (cause instanceof SQLException sql && sql.getNextException() != null) {
			cause = sql.getNextException();
		}
		String message = String.valueOf(cause.getMessage());
		int end = message.indexOf('\n');
		return end < 0 ? message : message.substring(0, end);
	}

	/** What a run wrote. */
	public record Generated(long families, long children, long plans, long openPlans) {
	}

	/** Loads the families. */
	public Generated generate(Request request) throws SQLException, InterruptedException {
		long began = System.nanoTime();
		LocalDate today = LocalDate.now(clock);
		CaseloadSimulation simulation = new CaseloadSimulation(engine, today);
		List<PolicyPack> authorities = packs.all();
		int[] shares = shares(request.families(), authorities.size());
		Counts total = new Counts();
		// One thread makes the next chunk while this one writes the last: the database
		// and the policy engine share the machine's cores.
		ExecutorService maker = Executors.newSingleThreadExecutor(r -> {
			Thread thread = new Thread(r, "generate");
			thread.setDaemon(true);
			return thread;
		});
		try (BulkLoader loader = new BulkLoader(connect())) {
			// Nothing is removed first: the audit log cannot be, and a load tool must not
			// empty a database in use.
			out.println("Adding " + request.families() + " families to the configured database; what is there stays.");
			for (int a = 0; a < authorities.size(); a++) {
				PolicyPack pack = authorities.get(a);
				int families = shares[a];
				int teams = Math.max(2, (families + FAMILIES_PER_TEAM - 1) / FAMILIES_PER_TEAM);
				long authoritySeed = request.seed() * 1_000_003L + pack.code().hashCode();
				CompletableFuture<List<GeneratedFamily>> next = make(maker, simulation, pack, teams, authoritySeed, 0,
						Math.min(CHUNK, families));
				for (int from = 0; from < families; from += CHUNK) {
					List<GeneratedFamily> chunk = next.join();
					int nextFrom = from + CHUNK;
					next = nextFrom < families ? make(maker, simulation, pack, teams, authoritySeed, nextFrom,
							Math.min(nextFrom + CHUNK, families)) : null;
					loader.load(pack.code(), chunk);
					total.add(chunk);
					int done = Math.min(from + CHUNK, families);
					if (done == families || done % 1000 == 0) {
						out.printf("%-18s %,7d of %,7d families   total: %s   %ds%n", pack.code(), done, families,
								total, (System.nanoTime() - began) / 1_000_000_000);
					}
				}
			}
			out.println("Updating the planner's statistics");
			loader.analyze();
		}
		finally {
			maker.shutdownNow();
		}
		out.printf("Generated %s in %d s (%,d families asked for, seed %d; today is %s)%n", total,
				(System.nanoTime() - began) / 1_000_000_000, request.families(), request.seed(), today);
		return new Generated(total.families, total.children, total.plans, total.open);
	}

	private static CompletableFuture<List<GeneratedFamily>> make(ExecutorService maker, CaseloadSimulation simulation,
			PolicyPack pack, int teams, long seed, int from, int to) {
		return CompletableFuture.supplyAsync(() -> {
			List<GeneratedFamily> chunk = new ArrayList<>(to - from);
			for (int i = from; i < to; i++) {
				chunk.add(simulation.family(pack, team(i % teams), seed * 31 + i));
			}
			return chunk;
		}, maker);
	}

	private Connection connect() throws SQLException {
		// The migrations' connection (the schema owner's), as configured for the service.
		String url = environment.getRequiredProperty("spring.liquibase.url");
		Properties properties = new Properties();
		String user = environment.getProperty("spring.liquibase.user",
				environment.getProperty("spring.r2dbc.username"));
		String password = environment.getProperty("spring.liquibase.password",
				environment.getProperty("spring.r2dbc.password"));
		if (user != null) {
			properties.setProperty("user", user);
		}
		if (password != null) {
			properties.setProperty("password", password);
		}
		properties.setProperty("reWriteBatchedInserts", "true");
		return DriverManager.getConnection(url, properties);
	}

	/** Running totals, for progress. */
	private static final class Counts {

		long families;

		long children;

		long plans;

		long open;

		long meetings;

		long deadlines;

		void add(List<GeneratedFamily> chunk) {
			for (GeneratedFamily f : chunk) {
				families++;
				children += f.children().size();
				for (var p : f.plans()) {
					plans++;
					open += p.plan().status() == CinPlan.PlanStatus.OPEN ? 1 : 0;
					meetings += p.meetings().size();
					deadlines += p.deadlines().size();
				}
			}
		}

		@Override
		public String toString() {
			return String.format("%,d families, %,d children, %,d plans (%,d open), %,d meetings, %,d deadlines",
					families, children, plans, open, meetings, deadlines);
		}

	}

}
