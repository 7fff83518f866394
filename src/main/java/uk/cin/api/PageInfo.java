package uk.cin.api;

/** Relay's page information, for every connection. */
public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
}
