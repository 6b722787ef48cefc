package vigil.availability;

import java.time.Instant;

/**
 * One scheduled check as measured.
 *
 * @param seq           its number in the probe's schedule, from 0
 * @param scheduled     when it was due; an outage starts and ends at scheduled times
 * @param start         when it was actually started (later than scheduled when the instrument lagged)
 * @param latencyMicros from the scheduled time to the answer, so that a late start shows as latency
 *                      instead of disappearing (no coordinated omission)
 */
record Sample(long seq, Instant scheduled, Instant start, long latencyMicros, ProbeOutcome outcome) {

    /** How late the check started, in microseconds. */
    long lagMicros() {
        return Math.max(0, (start.getEpochSecond() - scheduled.getEpochSecond()) * 1_000_000
                + (start.getNano() - scheduled.getNano()) / 1000);
    }
}
