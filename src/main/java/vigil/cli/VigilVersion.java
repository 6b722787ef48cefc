package vigil.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest ("dev" when run from classes). */
final class VigilVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VigilVersion.class.getPackage().getImplementationVersion();
        return new String[] {"vigil " + (version == null ? "dev" : version)};
    }
}
