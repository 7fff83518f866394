package uk.cin.family;

import java.util.UUID;
import uk.cin.api.GlobalId;
import uk.cin.security.Owned;

/** A family known to children's social care, in one authority. */
public record Family(UUID id, String authorityCode, String team, String name) implements Owned {

    @Override
    public GlobalId.NodeType nodeType() {
        return GlobalId.NodeType.Family;
    }

}
