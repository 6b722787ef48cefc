package vigil.availability;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Streams samples to one CSV file per probe ({@link SampleCsv}) from a single writer thread, so that probe
 * callbacks never wait for the disk. Files are buffered and flushed about once a second, so a killed run
 * loses at most the last second; the queue is bounded, so a stalled disk costs samples in the CSV (counted in
 * {@link #lost()}), never memory.
 */
final class SampleWriter implements AutoCloseable {
    static final Duration FLUSH_INTERVAL = Duration.ofSeconds(1);
    static final int QUEUE_CAPACITY = 1 << 15;

    private record Entry(int file, Sample sample, boolean inconclusive) {
    }

    private static final Entry END = new Entry(-1, null, false);

    private final Path dir;
    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final List<Writer> files = new CopyOnWriteArrayList<>();
    private final List<Path> paths = new CopyOnWriteArrayList<>();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Thread thread;
    private volatile IOException failure;
    private boolean closed;

    SampleWriter(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        this.thread = new Thread(this::drain, "vigil-sample-writer");
        thread.setDaemon(true);
    }

    /** Creates {@code <dir>/<name>.csv} with its header and returns the number to submit its samples under. */
    synchronized int open(String name) throws IOException {
        if (closed) {
            throw new IllegalStateException("sample writer is closed");
        }
        Path path = dir.resolve(name + ".csv");
        Writer writer = new BufferedWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8), 1 << 16);
        writer.write(SampleCsv.HEADER);
        writer.write('\n');
        files.add(writer);
        paths.add(path);
        if (!thread.isAlive()) {
            thread.start();
        }
        return files.size() - 1;
    }

    Path path(int file) {
        return paths.get(file);
    }

    /** Queues one sample; never blocks. */
    void submit(int file, Sample sample) {
        submit(file, sample, false);
    }

    /** Queues one sample with the control probe's verdict on it; never blocks. */
    void submit(int file, Sample sample, boolean inconclusive) {
        if (!queue.offer(new Entry(file, sample, inconclusive))) {
            lost.incrementAndGet();
        }
    }

    /** Samples that could not be queued (the disk did not keep up) and so are missing from the CSV. */
    long lost() {
        return lost.get();
    }

    long written() {
        return written.get();
    }

    /** The first write error, or {@code null}; after one, the writer keeps counting but stops writing. */
    IOException failure() {
        return failure;
    }

    /** Writes everything queued, flushes and closes the files. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (thread.isAlive()) {
            try {
                queue.put(END);
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Writer file : files) {
            try {
                file.close();
            } catch (IOException e) {
                fail(e);
            }
        }
    }

    private void drain() {
        StringBuilder line = new StringBuilder(128);
        List<Entry> batch = new ArrayList<>(1024);
        long lastFlush = System.nanoTime();
        try {
            while (true) {
                Entry first = queue.poll(FLUSH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, 4095);
                }
                for (Entry entry : batch) {
                    if (entry == END) {
                        flushAll();
                        return;
                    }
                    write(entry, line);
                }
                batch.clear();
                if (System.nanoTime() - lastFlush >= FLUSH_INTERVAL.toNanos()) {
                    flushAll();
                    lastFlush = System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            flushAll();
        }
    }

    private void write(Entry entry, StringBuilder line) {
        line.setLength(0);
        SampleCsv.append(line, entry.sample(), entry.inconclusive());
        if (failure != null) {
            return;
        }
        try {
            files.get(entry.file()).append(line);
            written.incrementAndGet();
        } catch (IOException e) {
            fail(e);
        }
    }

    private void flushAll() {
        for (Writer file : files) {
            try {
                file.flush();
            } catch (IOException e) {
                fail(e);
            }
        }
    }

    private void fail(IOException e) {
        if (failure == null) {
            failure = e;
        }
    }
}
