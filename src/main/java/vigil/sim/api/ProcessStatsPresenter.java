package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import vigil.sim.cells.InstanceState;
import vigil.sim.cells.InstanceStatus;
import vigil.sim.http.JsonWriter;

/**
 * {@code GET /v3/processes/:guid/stats}: {@code {"resources": [...]}} without pagination, one entry per
 * index in CC's field order. A DOWN instance carries only type, index, state, routable, uptime,
 * isolation_segment and details; every desired index the cells do not report is DOWN, as CC fills them.
 */
final class ProcessStatsPresenter {

    private ProcessStatsPresenter() {
    }

    static ObjectNode present(AppProcess process, List<InstanceStatus> instances, Instant now) {
        ObjectNode document = JsonWriter.object();
        ArrayNode resources = document.putArray("resources");
        int count = Math.max(process.instances(), instances.stream().mapToInt(i -> i.index() + 1).max().orElse(0));
        for (int index = 0; index < count; index++) {
            final int wanted = index;
            InstanceStatus status = instances.stream().filter(i -> i.index() == wanted).findFirst().orElse(null);
            if (status == null || status.state() == InstanceState.DOWN) {
                down(resources.addObject(), process, index, status);
            } else {
                found(resources.addObject(), process, status, now);
            }
        }
        return document;
    }

    private static void down(ObjectNode node, AppProcess process, int index, InstanceStatus status) {
        node.put("type", process.type());
        node.put("index", index);
        node.put("state", "DOWN");
        node.put("routable", false);
        node.put("uptime", 0);
        node.putNull("isolation_segment");
        node.put("details", status == null ? null : status.details());
    }

    private static void found(ObjectNode node, AppProcess process, InstanceStatus status, Instant now) {
        node.put("type", process.type());
        node.put("index", status.index());
        node.put("instance_guid", status.instanceGuid());
        node.put("state", status.state().name());
        node.put("routable", status.routable());
        node.put("host", status.host());
        node.put("instance_internal_ip", status.host());
        long uptime = status.since() == null ? 0 : Math.max(0, Duration.between(status.since(), now).getSeconds());
        node.put("uptime", uptime);
        node.put("mem_quota", process.memoryMb() * 1024L * 1024L);
        node.put("disk_quota", process.diskMb() * 1024L * 1024L);
        node.put("log_rate_limit", process.logRateLimit());
        node.put("fds_quota", AppEnvironment.FILE_DESCRIPTORS);
        node.putNull("isolation_segment");
        node.put("details", status.details());
        // The sim's instances listen on their host port directly; there is no container port or TLS proxy.
        ObjectNode ports = node.putArray("instance_ports").addObject();
        ports.put("external", status.port());
        ports.put("internal", status.port());
        ports.putNull("external_tls_proxy_port");
        ports.putNull("internal_tls_proxy_port");
        ObjectNode usage = node.putObject("usage");
        usage.put("time", now.toString());
        usage.put("cpu", status.cpuFraction());
        usage.put("cpu_entitlement", 0);
        usage.put("mem", status.memoryBytes());
        usage.put("disk", 0);
        usage.put("log_rate", 0);
    }
}
