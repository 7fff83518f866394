package uk.cin.api;

/**
 * A refusal the client can act on: a code, and a message that names no personal data and
 * echoes no input.
 */
public class ApiException extends RuntimeException {

	public static final String INVALID_ID = "INVALID_ID";

	public static final String WRONG_ID_TYPE = "WRONG_ID_TYPE";

	public static final String NOT_FOUND = "NOT_FOUND";

	public static final String INVALID = "INVALID";

	private final String code;

	public ApiException(String code, String message) {
		super(message, null, false, false);
		this.code = code;
	}

	public String code() {
		return code;
	}

}
