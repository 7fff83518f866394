package uk.cin.family;

import java.time.LocalDate;
import java.util.UUID;

/** A child of a family. */
public record Child(UUID id, UUID familyId, String givenName, String familyName, LocalDate dateOfBirth,
        boolean disabled) {
}
