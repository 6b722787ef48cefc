package vigil.cf;

/** A process of an app (the web process has the app's GUID). */
public record AppProcess(String guid, String type, int instances, int memoryInMb) {
}
