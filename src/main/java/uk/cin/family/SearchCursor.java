package uk.cin.family;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import uk.cin.api.ApiException;
import uk.cin.family.FamilyRepository.SearchKey;

/**
 * A cursor of a family or child search: the list, the row's score and its id, no name.
 */
final class SearchCursor {

	private SearchCursor() {
	}

	static String of(String list, double score, UUID id) {
		String text = list + "|" + Double.toString(score) + "|" + id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	static SearchKey read(String list, String cursor) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
			if (parts.length == 3 && parts[0].equals(list)) {
				return new SearchKey(Double.parseDouble(parts[1]), UUID.fromString(parts[2]));
			}
		}
		catch (IllegalArgumentException e) {
			// reported below
		}
		throw new ApiException("INVALID_CURSOR", "not a cursor from this list");
	}

}
