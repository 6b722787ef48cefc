package vigil.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import vigil.sim.http.MultipartForm;
import vigil.sim.http.Request;
import vigil.sim.http.Response;

/**
 * {@code /v3/packages} of type bits: create (AWAITING_UPLOAD), upload ({@code multipart/form-data} with a
 * {@code bits} zip and a {@code resources} JSON list), then PROCESSING_UPLOAD and, once the bits are
 * stored and checked on the background executor, READY with a sha256 checksum (or FAILED).
 */
final class PackagesEndpoint {

    private static final String PATH = "/v3/packages";
    private static final List<String> FILTERS = List.of("states", "types", "app_guids", "space_guids",
            "organization_guids", "label_selector");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiUrlBuilder urls;
    private final CcRepositories store;
    private final PackagePresenter presenter;
    private final ExecutorService executor;
    private final Path packagesDir;
    private final JobRunner jobs;
    private final ResourceDeleter deleter;

    PackagesEndpoint(ApiUrlBuilder urls, CcRepositories store, ExecutorService executor, Path workDir, JobRunner jobs,
                     ResourceDeleter deleter) {
        this.urls = urls;
        this.store = store;
        this.presenter = new PackagePresenter(urls);
        this.executor = executor;
        this.packagesDir = workDir.resolve("packages");
        this.jobs = jobs;
        this.deleter = deleter;
    }

    Response list(Request request, SecurityContext security) {
        security.requireReader();
        ListQuery query = ListQuery.parse(request.query(), FILTERS, List.of());
        return V3Json.ok(PaginatedList.of(urls, PATH, query, packages(query, store.packages.all())));
    }

    Response listForApp(Request request, SecurityContext security) {
        security.requireReader();
        String appGuid = store.app(request.pathParam("guid").orElseThrow()).guid();
        ListQuery query = ListQuery.parse(request.query(), List.of("states", "types", "label_selector"), List.of());
        return V3Json.ok(PaginatedList.of(urls, "/v3/apps/" + appGuid + "/packages", query,
                packages(query, store.packages.where(pkg -> pkg.appGuid().equals(appGuid)))));
    }

    private List<ObjectNode> packages(ListQuery query, List<BitsPackage> packages) {
        return new Listing<BitsPackage>(query)
                .filter("states", BitsPackage::state)
                .filter("types", pkg -> "bits")
                .filter("app_guids", BitsPackage::appGuid)
                .filter("space_guids", pkg -> store.spaceGuidOfApp(pkg.appGuid()))
                .filter("organization_guids", pkg -> store.organizationGuidOfSpace(store.spaceGuidOfApp(pkg.appGuid())))
                .apply(packages).stream().map(presenter::present).toList();
    }

    Response get(Request request, SecurityContext security) {
        security.requireReader();
        return V3Json.ok(presenter.present(store.bitsPackage(request.pathParam("guid").orElseThrow())));
    }

    Response create(Request request, SecurityContext security) {
        security.requireWriter();
        RequestMessage message = RequestMessage.of(request, "type", "relationships", "data", "metadata");
        String type = message.requiredString("type", "Type");
        if ("docker".equals(type)) {
            throw CcError.unprocessable("Cannot create Docker package for a buildpack app.");
        }
        if (type != null && !type.equals("bits")) {
            message.problem("Type must be one of 'bits, docker'");
        }
        String appGuid = message.relationshipGuid("app", "App");
        Metadata metadata = Metadata.EMPTY.updatedBy(message);
        message.validate();
        if (!store.apps.contains(appGuid)) {
            throw CcError.unprocessable("App is invalid. Ensure it exists and you have access to it.");
        }
        BitsPackage pkg = new BitsPackage(CcRepositories.newGuid(), appGuid, BitsPackage.AWAITING_UPLOAD, null, null, null,
                store.now(), store.now(), metadata);
        store.packages.add(pkg);
        return V3Json.created(presenter.present(pkg));
    }

    Response upload(Request request, SecurityContext security) {
        security.requireWriter();
        MultipartForm form;
        try {
            form = MultipartForm.parse(request.header("Content-Type").orElse(null), request.body());
        } catch (MultipartForm.MalformedException e) {
            throw CcError.MESSAGE_PARSE_ERROR.raise("invalid request body");
        }
        boolean hasResources = form.part("resources").map(part -> !part.text().isBlank()).orElse(false);
        if (hasResources) {
            JsonNode resources;
            try {
                resources = JSON.readTree(form.part("resources").orElseThrow().text());
            } catch (IOException e) {
                throw CcError.unprocessable("Resources must be valid JSON.");
            }
            if (resources == null || !resources.isArray()) {
                throw CcError.unprocessable("Resources must be valid JSON.");
            }
            // resource_matches never reports a match, so a client only lists files here by mistake.
            if (!resources.isEmpty()) {
                throw CcError.unprocessable("The sim keeps no resource cache (resource_matches matches nothing): "
                        + "upload every file in bits and send resources as [].");
            }
        }
        byte[] bits = form.part("bits").map(MultipartForm.Part::content).orElse(null);
        if (bits == null && !hasResources) {
            throw CcError.unprocessable("Upload must include either resources or bits");
        }
        String guid = request.pathParam("guid").orElseThrow();
        BitsPackage updated = store.packages.update(guid, pkg -> {
            if (!BitsPackage.AWAITING_UPLOAD.equals(pkg.state())) {
                throw CcError.PACKAGE_BITS_ALREADY_UPLOADED.raise();
            }
            return pkg.withState(BitsPackage.PROCESSING_UPLOAD, null, null, null, store.now());
        }).orElseThrow(() -> CcError.notFound("Package"));
        byte[] stored = bits == null ? emptyZip() : bits;
        executor.execute(() -> process(guid, stored));
        return V3Json.ok(presenter.present(updated));
    }

    /** Stores and checks the bits, as CC's packer job does after an upload. */
    private void process(String guid, byte[] bits) {
        try {
            if (!isZip(bits)) {
                store.packages.update(guid, pkg -> pkg.withState(BitsPackage.FAILED, null,
                        "Invalid zip file: the uploaded bits are not a zip archive", null, store.now()));
                return;
            }
            Path dir = Files.createDirectories(packagesDir.resolve(guid));
            Path file = Files.write(dir.resolve("package.zip"), bits);
            String sha256 = Stager.sha256(file);
            store.packages.update(guid, pkg -> pkg.withState(BitsPackage.READY, sha256, null, file, store.now()));
        } catch (IOException | UncheckedIOException e) {
            store.packages.update(guid, pkg -> pkg.withState(BitsPackage.FAILED, null, "Failed to store the package bits",
                    null, store.now()));
        }
    }

    private static boolean isZip(byte[] bits) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bits))) {
            ZipEntry first = zip.getNextEntry();
            while (zip.getNextEntry() != null) {
                // Reading every entry finds a truncated archive.
            }
            return first != null || bits.length == 22;
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] emptyZip() {
        // The end-of-central-directory record of an archive without entries.
        byte[] empty = new byte[22];
        empty[0] = 'P';
        empty[1] = 'K';
        empty[2] = 5;
        empty[3] = 6;
        return empty;
    }

    Response delete(Request request, SecurityContext security) {
        security.requireWriter();
        String guid = store.bitsPackage(request.pathParam("guid").orElseThrow()).guid();
        return V3Json.acceptedJob(jobs.enqueue("package.delete", "package", guid, () -> deleter.deletePackage(guid)));
    }
}
