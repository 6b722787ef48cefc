package vigil.cf;

/** An app's package: its bits, AWAITING_UPLOAD until uploaded, READY once processed. */
public record AppPackage(String guid, String type, String state) {
}
