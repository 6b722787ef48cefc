package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vigil.sim.http.JsonWriter;

/** A user in CC's field order. */
final class UserPresenter {

    private final ApiUrlBuilder urls;

    UserPresenter(ApiUrlBuilder urls) {
        this.urls = urls;
    }

    ObjectNode present(User user) {
        ObjectNode node = JsonWriter.object();
        node.put("guid", user.guid());
        node.put("created_at", CcTimestamp.format(user.createdAt()));
        node.put("updated_at", CcTimestamp.format(user.updatedAt()));
        node.put("username", user.userName());
        node.put("presentation_name", user.presentationName());
        node.put("origin", user.origin());
        node.set("metadata", user.metadata().present());
        Links.of(node, urls).add("self", "/v3/users/" + user.guid());
        return node;
    }
}
