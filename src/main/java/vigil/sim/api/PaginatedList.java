package vigil.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vigil.sim.http.JsonWriter;

/**
 * CC's paginated list document: {@code pagination} (total_results, total_pages, first, last,
 * next, previous) and {@code resources}. An empty list still has one page; next and previous are
 * null at the ends; the links repeat per_page and the filters, with keys sorted, as CC's do.
 */
final class PaginatedList {

    private PaginatedList() {
    }

    /**
     * @param all every matching resource, already in order; this method picks the page
     */
    static ObjectNode of(ApiUrlBuilder urls, String path, ListQuery query, List<? extends JsonNode> all) {
        int total = all.size();
        int perPage = query.perPage();
        long lastPage = Math.max(1, (total + perPage - 1) / perPage);
        long page = query.page();

        ObjectNode document = JsonWriter.object();
        ObjectNode pagination = document.putObject("pagination");
        pagination.put("total_results", total);
        pagination.put("total_pages", lastPage);
        pagination.putObject("first").put("href", pageUrl(urls, path, query, 1));
        pagination.putObject("last").put("href", pageUrl(urls, path, query, lastPage));
        if (page + 1 <= lastPage) {
            pagination.putObject("next").put("href", pageUrl(urls, path, query, page + 1));
        } else {
            pagination.putNull("next");
        }
        if (page - 1 > 0) {
            pagination.putObject("previous").put("href", pageUrl(urls, path, query, page - 1));
        } else {
            pagination.putNull("previous");
        }
        // Past the last page there is nothing; comparing before multiplying keeps huge pages from overflowing.
        long from = page - 1 >= (total + perPage - 1) / perPage ? total : (page - 1) * perPage;
        long to = Math.min(from + perPage, total);
        document.putArray("resources").addAll(all.subList((int) from, (int) to));
        return document;
    }

    private static String pageUrl(ApiUrlBuilder urls, String path, ListQuery query, long page) {
        Map<String, String> params = new LinkedHashMap<>(query.filters());
        params.put("per_page", Integer.toString(query.perPage()));
        params.put("page", Long.toString(page));
        return urls.url(path, params);
    }
}
