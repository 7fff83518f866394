package uk.cin.api;

import java.util.List;
import java.util.UUID;

/**
 * Bad input found inside a mutation's transaction: the transaction rolls back and the
 * errors go to userErrors. It may name what the refused write was about (the record whose
 * id the input gave, and its child where known), for the audit log's note of the refusal:
 * never for the client, who gets exactly what an unknown id gets.
 */
public class Refusal extends RuntimeException {

	private final List<UserError> errors;

	private final GlobalId.NodeType objectType;

	private final UUID objectId;

	private final UUID childId;

	public Refusal(List<UserError> errors) {
		this(errors, null, null, null);
	}

	public Refusal(UserError error) {
		this(List.of(error));
	}

	private Refusal(List<UserError> errors, GlobalId.NodeType objectType, UUID objectId, UUID childId) {
		super("refused", null, false, false);
		this.errors = List.copyOf(errors);
		this.objectType = objectType;
		this.objectId = objectId;
		this.childId = childId;
	}

	/**
	 * The same refusal, about this record (its type, and its id as the input gave it;
	 * null where the input gave none that could be read) and this child (null where
	 * unknown).
	 */
	public Refusal about(GlobalId.NodeType objectType, UUID objectId, UUID childId) {
		return objectId == null ? new Refusal(errors, null, null, childId)
				: new Refusal(errors, objectType, objectId, childId);
	}

	public List<UserError> errors() {
		return errors;
	}

	/** The type of the record the refused write was about, or null. */
	public GlobalId.NodeType objectType() {
		return objectType;
	}

	/** The record the refused write was about, or null. */
	public UUID objectId() {
		return objectId;
	}

	/** The child whose record the refused write was about, or null. */
	public UUID childId() {
		return childId;
	}

}
