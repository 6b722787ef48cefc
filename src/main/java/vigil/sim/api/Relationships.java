package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** CC's to-one relationship shape, {@code "name": {"data": {"guid": ...}}}, with null data when unset. */
final class Relationships {

    private Relationships() {
    }

    static void toOne(ObjectNode relationships, String name, String guid) {
        ObjectNode relationship = relationships.putObject(name);
        if (guid == null) {
            relationship.putNull("data");
        } else {
            relationship.putObject("data").put("guid", guid);
        }
    }
}
