package uk.cin.api;

import java.util.List;

/**
 * A problem with a mutation's input: where (the path of the input field), what, and a
 * code.
 */
public record UserError(List<String> field, String message, String code) {

	public static UserError of(String code, String message, String... path) {
		return new UserError(List.of(path), message, code);
	}
}
