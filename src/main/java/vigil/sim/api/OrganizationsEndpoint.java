package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * {@code GET /v3/organizations}. The sim has no organizations yet, so the list is empty, but the
 * authentication, query validation and pagination are CC's, which lets clients check a token.
 */
final class OrganizationsEndpoint {

    private static final String PATH = "/v3/organizations";
    private static final List<String> FILTERS = List.of("names", "isolation_segment_guid", "label_selector");
    private static final List<String> ORDER_FIELDS = List.of("name");

    private final ApiUrlBuilder urls;

    OrganizationsEndpoint(ApiUrlBuilder urls) {
        this.urls = urls;
    }

    Response list(Request request, SecurityContext security) {
        security.requireReader();
        ListQuery query = ListQuery.parse(request.query(), FILTERS, ORDER_FIELDS);
        List<ObjectNode> organizations = List.of();
        return Response.json(200, CcErrorResponse.V3_JSON, PaginatedList.of(urls, PATH, query, organizations));
    }
}
