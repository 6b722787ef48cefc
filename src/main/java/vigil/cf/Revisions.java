package vigil.cf;

import java.util.List;

/** {@code /v3/apps/:guid/revisions}: what an app ran over time, and what it runs now. */
public final class Revisions {
    private final CfClient cf;

    Revisions(CfClient cf) {
        this.cf = cf;
    }

    /** Every revision of the app, as CC lists them. */
    public List<Revision> of(String appGuid) {
        return cf.list("/v3/apps/" + appGuid + "/revisions", Revision.class);
    }

    /** The revisions the app's processes run now. */
    public List<Revision> deployed(String appGuid) {
        return cf.list("/v3/apps/" + appGuid + "/revisions/deployed", Revision.class);
    }
}
