package vigil.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Gathers the files of merged runs that need no joining into the merged reports folder: the Allure
 * results (one file per test, named by UUID, so they simply add up), the availability samples and
 * timelines, and the {@code --during} log. A name two parts share gets the second part's run id.
 */
public final class MergedArtifacts {
    private final ReportLayout out;

    public MergedArtifacts(Path reportsDir) {
        this.out = new ReportLayout(reportsDir);
    }

    /** Copies every part's files in; returns whether any Allure results came along. */
    public boolean copy(List<ShardRun> parts) throws IOException {
        for (ShardRun part : parts) {
            ReportLayout in = new ReportLayout(part.dir());
            copyFiles(in.allureResults(), out.allureResults(), part);
            copyFiles(in.availabilityDir(), out.availabilityDir(), part);
            if (Files.isRegularFile(in.duringLog())) {
                copy(in.duringLog(), out.duringLog(), part);
            }
        }
        try (Stream<Path> results = Files.isDirectory(out.allureResults())
                ? Files.list(out.allureResults()) : Stream.empty()) {
            return results.findAny().isPresent();
        }
    }

    private static void copyFiles(Path from, Path to, ShardRun part) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        Files.createDirectories(to);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(from)) {
            list.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        for (Path file : files) {
            copy(file, to.resolve(file.getFileName().toString()), part);
        }
    }

    private static void copy(Path file, Path target, ShardRun part) throws IOException {
        Path free = target;
        if (Files.exists(free)) {
            String name = target.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String suffixed = dot <= 0 ? name + "-" + part.summary().runId()
                    : name.substring(0, dot) + "-" + part.summary().runId() + name.substring(dot);
            free = target.resolveSibling(suffixed);
        }
        Files.copy(file, free);
    }
}
