package uk.cin.policy.pack;

/** What fills the slots of a repeating series. */
public enum Occurrence {
    /** PLANNING and REVIEW meetings: one series. */
    CIN_MEETING("cin-meeting"),
    /** NETWORK meetings: a series of their own (DER-01, DER-02). */
    NETWORK_MEETING("network-meeting"),
    /** Visits at which the child was seen (LAZ-05). */
    CHILD_SEEN_VISIT("child-seen-visit");

    private final String packName;

    Occurrence(String packName) {
        this.packName = packName;
    }

    public String packName() {
        return packName;
    }
}
