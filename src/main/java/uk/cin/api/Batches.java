package uk.cin.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What every @BatchMapping does: one query for all the parents, its rows handed back to
 * each parent by key.
 */
public final class Batches {

	private Batches() {
	}

	/**
	 * Each parent with the one row whose key matches its own; parents without one are
	 * left out (null).
	 */
	public static <P, K, V> Mono<Map<P, V>> one(List<P> parents, Function<P, K> parentKey, Flux<V> rows,
			Function<V, K> rowKey) {
		return rows.collectMap(rowKey, Function.identity()).map(byKey -> {
			Map<P, V> result = new LinkedHashMap<>();
			for (P parent : parents) {
				V row = byKey.get(parentKey.apply(parent));
				if (row != null) {
					result.put(parent, row);
				}
			}
			return result;
		});
	}

	/**
	 * Each parent with every row whose key matches its own, in the order the rows came.
	 */
	public static <P, K, V> Mono<Map<P, List<V>>> many(List<P> parents, Function<P, K> parentKey, Flux<V> rows,
			Function<V, K> rowKey) {
		return rows.collectList().map(all -> {
			Map<K, List<V>> byKey = new HashMap<>();
			for (V row : all) {
				byKey.computeIfAbsent(rowKey.apply(row), k -> new ArrayList<>()).add(row);
			}
			Map<P, List<V>> result = new LinkedHashMap<>();
			for (P parent : parents) {
				result.put(parent, byKey.getOrDefault(parentKey.apply(parent), List.of()));
			}
			return result;
		});
	}

}
