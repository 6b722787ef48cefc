package vigil.sim.api;

import vigil.sim.http.Request;
import vigil.sim.http.Response;

/** {@code GET /v3/jobs/:guid}, which clients poll after an async request. */
final class JobsEndpoint {

    private final CcRepositories store;
    private final JobPresenter presenter;

    JobsEndpoint(ApiUrlBuilder urls, CcRepositories store) {
        this.store = store;
        this.presenter = new JobPresenter(urls, store);
    }

    Response get(Request request, SecurityContext security) {
        security.requireReader();
        return V3Json.ok(presenter.present(store.job(request.pathParam("guid").orElseThrow())));
    }
}
