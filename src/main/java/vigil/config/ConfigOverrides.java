package vigil.config;

/**
 * Values given as command-line flags; they win over environment variables and the config file.
 * {@code null} means "flag not given". There is deliberately no password flag: a flag value is visible
 * to every user of the machine through {@code ps}, so passwords come from the file or the environment.
 */
public record ConfigOverrides(String api, String appsDomain, String adminUser, String routerAddress,
                              Boolean skipSslValidation, Double timeoutScale, String namePrefix) {
    private static final ConfigOverrides NONE = new ConfigOverrides(null, null, null, null, null, null, null);

    /** No flag given. */
    public static ConfigOverrides none() {
        return NONE;
    }
}
