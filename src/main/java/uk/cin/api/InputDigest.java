package uk.cin.api;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * What makes two mutation inputs "the same" for a replayed clientMutationId: the input as
 * GraphQL coerced it (so a literal and a variable, key order, and the whitespace of the
 * JSON make no difference), as JSON with its objects' keys sorted, a field sent as null
 * the same as one left out, and the clientMutationId itself left out; then SHA-256 of
 * that text. Values are compared exactly: "Ada" and "Ada " differ, and so do false and a
 * flag left out.
 */
public final class InputDigest {

	private static final String CLIENT_MUTATION_ID = "clientMutationId";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private InputDigest() {
	}

	/**
	 * The canonical form of a mutation's input (a record, or the map GraphQL coerced), as
	 * JSON text.
	 */
	public static String canonical(Object input) {
		@SuppressWarnings("unchecked")
		Map<String, Object> fields = (Map<String, Object>) canonicalValue(input);
		fields.remove(CLIENT_MUTATION_ID);
		return JSON.writeValueAsString(fields);
	}

	/** The input's clientMutationId, or null. */
	public static String clientMutationId(Object input) {
		@SuppressWarnings("unchecked")
		Object id = ((Map<String, Object>) canonicalValue(input)).get(CLIENT_MUTATION_ID);
		return id instanceof String text ? text : null;
	}

	/** SHA-256 of the canonical form, lower-case hex. */
	public static String of(Object input) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(canonical(input).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is not available", e);
		}
	}

	private static Object canonicalValue(Object value) {
		if (value instanceof Record record) {
			Map<String, Object> sorted = new TreeMap<>();
			for (RecordComponent component : record.getClass().getRecordComponents()) {
				try {
					Object inner = component.getAccessor().invoke(record);
					if (inner != null) {
						sorted.put(component.getName(), canonicalValue(inner));
					}
				}
				catch (ReflectiveOperationException e) {
					throw new IllegalStateException("cannot read an input's field", e);
				}
			}
			return sorted;
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> sorted = new TreeMap<>();
			map.forEach((key, inner) -> {
				if (inner != null) {
					sorted.put(String.valueOf(key), canonicalValue(inner));
				}
			});
			return sorted;
		}
		if (value instanceof List<?> list) {
			List<Object> items = new ArrayList<>(list.size());
			list.forEach(item -> items.add(canonicalValue(item)));
			return items;
		}
		if (value instanceof LocalDate date) {
			return date.toString();
		}
		if (value instanceof Enum<?> constant) {
			return constant.name();
		}
		return value;
	}

}
