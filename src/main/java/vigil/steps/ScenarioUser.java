package vigil.steps;

import java.util.UUID;
import vigil.cf.CfClient;
import vigil.config.Secret;

/**
 * A user the scenario makes, with one role in the scenario's space (and {@code organization_user} in its org),
 * logged in through the cf client; removed with the scenario.
 *
 * @param roleGuid the space role's GUID, to revoke it
 * @param cf       a client of the same CF speaking for this user
 */
record ScenarioUser(String guid, String roleGuid, CfClient cf) {

    /** E.g. {@code spaceRole = "space_developer"}. */
    static ScenarioUser withSpaceRole(ScenarioContext context, String spaceRole) {
        String name = context.run().workspace().names().next("user");
        Secret password = new Secret("Vigil-" + UUID.randomUUID());
        String guid = context.cf().users().create(name, password);
        context.workspace().removeAtEnd("user " + name, () -> context.cf().users().delete(guid));
        String space = context.workspace().space().guid();
        context.cf().users().grantOrganizationRole(guid, "organization_user", context.run().workspace().organization().guid());
        String role = context.cf().users().grantSpaceRole(guid, spaceRole, space);
        return new ScenarioUser(guid, role, context.cf().as(name, password));
    }
}
