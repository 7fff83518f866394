package uk.cin.plan;

import graphql.GraphQLContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plan rows a read request's list has read, kept for the rest of that request: the
 * plans' derived fields then evaluate them without reading the same rows again by id.
 * Only read requests use them (a write reads afresh).
 */
final class PageRows {

	private static final String KEY = "cin.pageRows";

	private PageRows() {
	}

	static Map<UUID, CinPlan> of(GraphQLContext context) {
		return context.computeIfAbsent(KEY, key -> new ConcurrentHashMap<UUID, CinPlan>());
	}

	static void remember(GraphQLContext context, List<CinPlan> rows) {
		Map<UUID, CinPlan> known = of(context);
		rows.forEach(row -> known.put(row.id(), row));
	}

}
