package uk.cin.policy.pack;

/**
 * A policy pack that cannot be used. The message names the file, the rule and the
 * problem.
 */
public class PolicyPackException extends RuntimeException {

	public PolicyPackException(String message) {
		super(message);
	}

	public PolicyPackException(String message, Throwable cause) {
		super(message, cause);
	}

}
