package uk.cin.meeting;

import java.util.UUID;

/** Someone invited to, or at, a meeting. */
public record Attendee(UUID meetingId, int position, String name, String role, boolean invited, boolean attended) {
}
