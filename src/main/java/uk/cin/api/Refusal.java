package uk.cin.api;

import java.util.List;

/** Bad input found inside a mutation's transaction: the transaction rolls back and the errors go to userErrors. */
public class Refusal extends RuntimeException {

    private final List<UserError> errors;

    public Refusal(List<UserError> errors) {
        super("refused", null, false, false);
        this.errors = List.copyOf(errors);
    }

    public Refusal(UserError error) {
        this(List.of(error));
    }

    public List<UserError> errors() {
        return errors;
    }
}
