package vigil.cf;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import vigil.config.Secret;

/** Users as {@code cf create-user} and {@code cf set-space-role} make them: a UAA (SCIM) user, a CC user, roles. */
public final class Users {
    private final CfClient cf;
    private final CfHttp uaa;

    Users(CfClient cf, CfHttp uaa) {
        this.cf = cf;
        this.uaa = uaa;
    }

    /** Creates the user in UAA and in CC; returns the user's GUID. */
    public String create(String userName, Secret password) {
        String header = cf.authorizationHeader();
        String body = CfJson.write(Map.of("userName", userName, "password", password.reveal(), "origin", "uaa",
                "emails", List.of(Map.of("value", userName + "@vigil.invalid", "primary", true)),
                "name", Map.of("givenName", "Vigil", "familyName", userName)));
        Response response = uaa.send("POST", "/Users", request -> request.header("Authorization", header)
                .accept(ContentType.JSON).contentType(ContentType.JSON).body(body));
        JsonNode created = CfJson.readOrNull(response.asByteArray());
        if (response.statusCode() != 201 || created == null || !created.hasNonNull("id")) {
            throw new IllegalStateException("UAA did not create user " + userName + ": " + response.statusCode() + " "
                    + Redactor.text(response.asString()));
        }
        String guid = created.get("id").asText();
        cf.post("/v3/users", Map.of("guid", guid), JsonNode.class);
        return guid;
    }

    /** Deletes the user from CC and UAA. */
    public void delete(String userGuid) {
        cf.sendAndAwaitJob("DELETE", "/v3/users/" + userGuid, null);
        String header = cf.authorizationHeader();
        uaa.send("DELETE", "/Users/" + userGuid, request -> request.header("Authorization", header)
                .accept(ContentType.JSON));
    }

    /** Gives the user a role (e.g. {@code space_developer}) in a space; returns the role's GUID. */
    public String grantSpaceRole(String userGuid, String type, String spaceGuid) {
        return grant(userGuid, type, "space", spaceGuid);
    }

    /** Gives the user a role (e.g. {@code organization_user}) in an org; returns the role's GUID. */
    public String grantOrganizationRole(String userGuid, String type, String organizationGuid) {
        return grant(userGuid, type, "organization", organizationGuid);
    }

    public void revoke(String roleGuid) {
        cf.sendAndAwaitJob("DELETE", "/v3/roles/" + roleGuid, null);
    }

    private String grant(String userGuid, String type, String scope, String guid) {
        return cf.post("/v3/roles", Map.of("type", type, "relationships", Map.of(
                "user", Relationship.to(userGuid), scope, Relationship.to(guid))), JsonNode.class).path("guid").asText();
    }
}
