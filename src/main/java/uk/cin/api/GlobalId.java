package uk.cin.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Opaque, typed global ids: base64url of "Type:uuid". Clients pass them back as they are;
 * the type in the id means an id of one kind of object is never taken for another's.
 */
public record GlobalId(NodeType type, UUID uuid) {

	/** The GraphQL types that have global ids. */
	public enum NodeType {

		Family, Child, CinPlan, Meeting

	}

	public static String of(NodeType type, UUID uuid) {
		return new GlobalId(type, uuid).encode();
	}

	public String encode() {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((type.name() + ":" + uuid).getBytes(StandardCharsets.UTF_8));
	}

	/** The id, or empty when it is not one of ours. */
	public static Optional<GlobalId> decode(String id) {
		if (id == null || id.length() > 100) {
			return Optional.empty();
		}
		try {
			String text = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
			int colon = text.indexOf(':');
			if (colon < 0) {
				return Optional.empty();
			}
			NodeType type = NodeType.valueOf(text.substring(0, colon));
			return Optional.of(new GlobalId(type, UUID.fromString(text.substring(colon + 1))));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	/**
	 * The uuid of an id that must be of this type.
	 * @throws ApiException INVALID_ID for a malformed id, WRONG_ID_TYPE for an id of
	 * another type
	 */
	public static UUID require(String id, NodeType expected) {
		GlobalId decoded = decode(id).orElseThrow(() -> new ApiException(ApiException.INVALID_ID, "not a valid id"));
		if (decoded.type() != expected) {
			throw new ApiException(ApiException.WRONG_ID_TYPE, "the id is not the id of a " + expected);
		}
		return decoded.uuid();
	}
}
