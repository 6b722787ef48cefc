package vigil.cf;

/** A service plan, by the offering it belongs to; {@code visibilityType} is public, admin, organization or space. */
public record ServicePlan(String guid, String name, String offeringGuid, String offeringName, String visibilityType) {
}
