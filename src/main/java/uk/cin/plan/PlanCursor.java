package uk.cin.plan;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import uk.cin.api.ApiException;
import uk.cin.plan.PlanRepository.Keyset;
import uk.cin.plan.PlanRepository.OrderField;

/**
 * A keyset cursor of a plans list: the order it belongs to, the plan's sort key (a date,
 * where the order has one) and its id. Names are never carried: a cursor of the
 * CHILD_NAME order holds the id only, and the page looks the names up. The id order keeps
 * the form it had before lists were ordered ({@code plan:<id>}), so cursors held by
 * clients stay good.
 */
final class PlanCursor {

	private static final String ID_PREFIX = "plan:";

	private static final String PREFIX = "plans|";

	private PlanCursor() {
	}

	static String of(OrderField order, @Nullable LocalDate key, UUID id) {
		String text = order == OrderField.ID ? ID_PREFIX + id
				: PREFIX + order.name() + "|" + (key == null ? "" : key.toString()) + "|" + id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	static Keyset read(String cursor, OrderField order) {
		String text;
		try {
			text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException e) {
			throw invalid();
		}
		try {
			if (text.startsWith(ID_PREFIX)) {
				if (order != OrderField.ID) {
					throw otherOrder();
				}
				return new Keyset(UUID.fromString(text.substring(ID_PREFIX.length())), null);
			}
			String[] parts = text.split("\\|", -1);
			if (parts.length != 4 || !(parts[0] + "|").equals(PREFIX)) {
				throw invalid();
			}
			if (!parts[1].equals(order.name())) {
				throw otherOrder();
			}
			LocalDate key = parts[2].isEmpty() ? null : LocalDate.parse(parts[2]);
			return new Keyset(UUID.fromString(parts[3]), key);
		}
		catch (IllegalArgumentException | DateTimeParseException e) {
			throw invalid();
		}
	}

	private static ApiException invalid() {
		return new ApiException("INVALID_CURSOR", "not a cursor from this list");
	}

	private static ApiException otherOrder() {
		return new ApiException("INVALID_CURSOR", "the cursor belongs to a list in another order");
	}

}
