package vigil.cf;

/** {@code POST /v3/spaces/:guid/actions/apply_manifest}: a manifest (YAML) applied to a space, job awaited. */
public final class Manifests {
    private final CfClient cf;

    Manifests(CfClient cf) {
        this.cf = cf;
    }

    public void apply(String spaceGuid, String manifestYaml) {
        cf.sendRawAndAwaitJob("POST", "/v3/spaces/" + spaceGuid + "/actions/apply_manifest", "application/x-yaml",
                manifestYaml);
    }
}
