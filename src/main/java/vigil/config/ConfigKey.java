package vigil.config;

/**
 * One key Vigil reads: its name in the file (the CATS name where CATS has one), the type of its value,
 * and the environment variable and flag that may override it ({@code null} when there is none).
 */
record ConfigKey(String name, Kind kind, String envVar, String flag) {

    enum Kind { STRING, SECRET, BOOLEAN, NUMBER }

    static ConfigKey fileOnly(String name, Kind kind) {
        return new ConfigKey(name, kind, null, null);
    }

    /** Tells the user every place the value can come from, e.g. "the config file, CF_API or --api". */
    String places() {
        if (envVar == null && flag == null) {
            return "the config file";
        }
        if (flag == null) {
            return "the config file or " + envVar;
        }
        if (envVar == null) {
            return "the config file or " + flag;
        }
        return "the config file, " + envVar + " or " + flag;
    }
}
