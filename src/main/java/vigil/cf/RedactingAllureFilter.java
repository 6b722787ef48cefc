package vigil.cf;

import io.qameta.allure.Allure;
import io.qameta.allure.attachment.DefaultAttachmentProcessor;
import io.qameta.allure.attachment.FreemarkerAttachmentRenderer;
import io.qameta.allure.attachment.http.HttpRequestAttachment;
import io.qameta.allure.attachment.http.HttpResponseAttachment;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.http.Header;
import io.restassured.http.Headers;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import vigil.report.AllureStepLayout;

/**
 * Attaches every CF request and response to the running Allure test, with secrets redacted, each call in a step
 * of its own.
 * (allure-rest-assured's own filter attaches form parameters and bodies as they are, which would put
 * the admin password of a password grant and every issued token into the report.)
 */
final class RedactingAllureFilter implements OrderedFilter {
    // One renderer per template for the whole run: each renderer owns a FreeMarker configuration whose template
    // cache would otherwise be thrown away, and parsing the template again for every CF call cost about a fifth
    // of a scenario's CPU time. A FreeMarker configuration is safe to share between threads once set up.
    private static final FreemarkerAttachmentRenderer REQUEST_RENDERER =
            new FreemarkerAttachmentRenderer("http-request.ftl");
    private static final FreemarkerAttachmentRenderer RESPONSE_RENDERER =
            new FreemarkerAttachmentRenderer("http-response.ftl");

    private static final String CALLS = "CF API calls";

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        Response response = context.next(request, responseSpec);
        if (Allure.getLifecycle().getCurrentTestCase().isPresent()) {
            attach(request, response);
        }
        return response;
    }

    private static void attach(FilterableRequestSpecification request, Response response) {
        String name = request.getMethod() + " " + Redactor.text(request.getURI());
        HttpRequestAttachment.Builder requestAttachment = HttpRequestAttachment.Builder
                .create("Request: " + name, Redactor.text(request.getURI()))
                .setMethod(request.getMethod())
                .setHeaders(Redactor.headers(toMap(request.getHeaders())));
        if (request.getBody() != null) {
            requestAttachment.setBody(Redactor.body(request.getBody().toString()));
        }
        if (request.getFormParams() != null && !request.getFormParams().isEmpty()) {
            Map<String, String> form = new LinkedHashMap<>();
            request.getFormParams().forEach((key, value) -> form.put(key, String.valueOf(value)));
            requestAttachment.setFormParams(Redactor.formParams(form));
        }
        HttpResponseAttachment responseAttachment = HttpResponseAttachment.Builder
                .create("Response: " + response.getStatusCode() + " " + name)
                .setResponseCode(response.getStatusCode())
                .setHeaders(Redactor.headers(toMap(response.getHeaders())))
                .setBody(Redactor.body(response.getBody().asString()))
                .build();
        // A step per call, gathered under one "CF API calls (N)" step: a step that pushes an app makes dozens.
        AllureStepLayout.groupedStep(CALLS, name + ": " + response.getStatusCode(), () -> {
            DefaultAttachmentProcessor processor = new DefaultAttachmentProcessor();
            processor.addAttachment(requestAttachment.build(), REQUEST_RENDERER);
            processor.addAttachment(responseAttachment, RESPONSE_RENDERER);
        });
    }

    private static Map<String, String> toMap(Headers headers) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Header header : headers) {
            map.merge(header.getName(), header.getValue(), (a, b) -> a + ", " + b);
        }
        return map;
    }

    @Override
    public int getOrder() {
        // Run last, so the attachment shows the request as it is sent.
        return Integer.MAX_VALUE;
    }
}
