package ai.vidyut.console.ingest;

import ai.vidyut.console.store.QuarantineStore;
import ai.vidyut.console.store.ReadingStore;
import ai.vidyut.console.telemetry.Reading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one way telemetry gets into the store. Sources hand it raw messages; it parses and validates them on
 * the caller's thread, then its single writer thread batches, de-duplicates and commits them, quarantines bad
 * messages with their raw payload and reason, and notifies {@link PipelineListener}s after each commit.
 *
 * <p>The queue is bounded: when the store falls behind, {@code submit} blocks, which slows the source down
 * (TCP back-pressure) instead of dropping data. An MQTT message is acknowledged to the broker only after its
 * readings are committed (see {@link #submitMqtt}), so a crash never loses an acknowledged QoS 1 message.
 */
public final class Pipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    /**
     * Tuning of the pipeline.
     *
     * @param maxPayloadBytes largest accepted message; larger ones are quarantined as {@code too_large}
     * @param maxBatchReadings a commit holds at most about this many readings
     * @param maxBatchDelay   how long the writer waits to fill a batch before committing what it has
     * @param queueCapacity   messages buffered between sources and the writer before {@code submit} blocks
     */
    public record Options(int maxPayloadBytes, int maxBatchReadings, Duration maxBatchDelay, int queueCapacity) {
        public static Options defaults() {
            return new Options(256 * 1024, 10_000, Duration.ofMillis(100), 20_000);
        }

        public Options withMaxPayloadBytes(int bytes) {
            return new Options(bytes, maxBatchReadings, maxBatchDelay, queueCapacity);
        }
    }

    /** What one submitted message became, for sources that want to know. */
    public record Outcome(int readings, int rejected) {
    }

    private record Item(String source, List<Reading> readings, List<Rejection> rejections, long receivedAt,
                        Runnable onCommitted, CountDownLatch marker) {
    }

    private final ReadingStore readingStore;
    private final QuarantineStore quarantineStore;
    private final Options options;
    private final BlockingQueue<Item> queue;
    private final List<PipelineListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Counters> counters = new ConcurrentHashMap<>();
    private final AtomicLong readingsStored = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private final RateMeter totalMessages = new RateMeter();
    private final RateMeter totalReadings = new RateMeter();
    private final Thread writer;
    private volatile boolean closing;

    private static final class Counters {
        final AtomicLong messages = new AtomicLong();
        final AtomicLong readings = new AtomicLong();
        final AtomicLong quarantined = new AtomicLong();
        final Map<String, AtomicLong> byReason = new ConcurrentHashMap<>();
        final RateMeter messageRate = new RateMeter();
        final RateMeter readingRate = new RateMeter();
    }

    public Pipeline(ReadingStore readingStore, QuarantineStore quarantineStore) {
        this(readingStore, quarantineStore, Options.defaults());
    }

    public Pipeline(ReadingStore readingStore, QuarantineStore quarantineStore, Options options) {
        this.readingStore = readingStore;
        this.quarantineStore = quarantineStore;
        this.options = options;
        this.queue = new ArrayBlockingQueue<>(options.queueCapacity());
        this.writer = new Thread(this::writeLoop, "vidyut-pipeline-writer");
        writer.setDaemon(true);
        writer.start();
    }

    public Options options() {
        return options;
    }

    public void addListener(PipelineListener listener) {
        listeners.add(listener);
    }

    public void removeListener(PipelineListener listener) {
        listeners.remove(listener);
    }

    /** A WebSocket-form message: {@code siteId} and {@code assetId} inside each object. */
    public Outcome submit(String sourceName, String payload) {
        // A UTF-8 character takes at most 3 bytes per char, so only long strings need counting.
        if (tooLarge(sourceName, payload.length() > options.maxPayloadBytes() / 3 ? utf8Length(payload) : 0,
                payload, null, null)) {
            return new Outcome(0, 1);
        }
        return enqueue(sourceName, WireFormat.parseWebSocket(payload), null);
    }

    /**
     * An MQTT message (site and asset from the topic). {@code onCommitted}, if not null, runs on the writer
     * thread once the message's readings and rejections are committed (the MQTT source acknowledges there).
     */
    public Outcome submitMqtt(String sourceName, String topic, byte[] payload, Runnable onCommitted) {
        if (tooLarge(sourceName, payload.length, null, payload, onCommitted)) {
            return new Outcome(0, 1);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            String lossy = new String(payload, StandardCharsets.UTF_8);
            return enqueue(sourceName, new WireFormat.Parsed(List.of(),
                    List.of(new Rejection(Rejection.MALFORMED_JSON, "payload is not UTF-8", lossy))), onCommitted);
        }
        return enqueue(sourceName, WireFormat.parseMqtt(topic, text), onCommitted);
    }

    /** Readings that were parsed elsewhere (for example by an importer); stored like any other. */
    public void submitReadings(String sourceName, List<Reading> readings) {
        List<Reading> valid = new ArrayList<>(readings.size());
        List<Rejection> rejected = new ArrayList<>(0);
        for (Reading r : readings) {
            String problem = !WireFormat.isValidId(r.siteId()) || !WireFormat.isValidId(r.assetId())
                    || !WireFormat.isValidId(r.metric()) ? Rejection.INVALID_ID
                    : !Double.isFinite(r.value()) ? Rejection.NON_FINITE_VALUE
                    : r.timestampMillis() < WireFormat.MIN_TS || r.timestampMillis() >= WireFormat.MAX_TS
                    ? Rejection.BAD_TIMESTAMP : null;
            if (problem == null) {
                valid.add(r);
            } else {
                rejected.add(new Rejection(problem, "reading " + r.seriesKey() + " @" + r.timestampMillis()
                        + " = " + r.value(), encode(List.of(r))));
            }
        }
        enqueue(sourceName, new WireFormat.Parsed(valid, rejected), null);
    }

    private boolean tooLarge(String source, int bytes, String text, byte[] raw, Runnable onCommitted) {
        if (bytes <= options.maxPayloadBytes()) {
            return false;
        }
        String payload = text != null ? text : new String(raw, StandardCharsets.UTF_8);
        int keep = Math.min(payload.length(), 4 * 1024 * 1024);
        String detail = "payload of " + bytes + " bytes exceeds the limit of " + options.maxPayloadBytes() + " bytes"
                + (keep < payload.length() ? "; first " + keep + " characters kept" : "");
        enqueue(source, new WireFormat.Parsed(List.of(),
                List.of(new Rejection(Rejection.TOO_LARGE, detail, payload.substring(0, keep)))), onCommitted);
        return true;
    }

    private static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private Outcome enqueue(String source, WireFormat.Parsed parsed, Runnable onCommitted) {
        long now = System.currentTimeMillis();
        Counters c = counters(source);
        c.messages.incrementAndGet();
        c.messageRate.mark(1, now);
        totalMessages.mark(1, now);
        put(new Item(source, parsed.readings(), parsed.rejections(), now, onCommitted, null));
        return new Outcome(parsed.readings().size(), parsed.rejections().size());
    }

    private void put(Item item) {
        if (closing) {
            throw new IllegalStateException("pipeline is closed");
        }
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing a message", e);
        }
    }

    private Counters counters(String source) {
        return counters.computeIfAbsent(source, s -> new Counters());
    }

    /**
     * Waits until everything submitted before this call is committed. Returns false on timeout.
     */
    public boolean drain(Duration timeout) {
        CountDownLatch latch = new CountDownLatch(1);
        try {
            if (!queue.offer(new Item(null, List.of(), List.of(), 0, null, latch), timeout.toMillis(),
                    TimeUnit.MILLISECONDS)) {
                return false;
            }
            return latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public PipelineStats stats() {
        long now = System.currentTimeMillis();
        Map<String, PipelineStats.SourceStats> sources = new TreeMap<>();
        long messages = 0;
        long committed = 0;
        long quarantined = 0;
        for (Map.Entry<String, Counters> e : counters.entrySet()) {
            Counters c = e.getValue();
            Map<String, Long> byReason = new TreeMap<>();
            c.byReason.forEach((k, v) -> byReason.put(k, v.get()));
            PipelineStats.SourceStats s = new PipelineStats.SourceStats(e.getKey(), c.messages.get(),
                    c.readings.get(), c.quarantined.get(), byReason, c.messageRate.perSecond(now),
                    c.readingRate.perSecond(now));
            sources.put(e.getKey(), s);
            messages += s.messages();
            committed += s.readingsCommitted();
            quarantined += s.quarantined();
        }
        return new PipelineStats(sources, messages, committed, readingsStored.get(), duplicates.get(), quarantined,
                totalMessages.perSecond(now), totalReadings.perSecond(now), queue.size(), commits.get());
    }

    private void writeLoop() {
        List<Item> batch = new ArrayList<>();
        while (true) {
            Item first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (first == null) {
                if (closing && queue.isEmpty()) {
                    break;
                }
                continue;
            }
            batch.add(first);
            int readings = first.readings().size();
            long deadline = System.nanoTime() + options.maxBatchDelay().toNanos();
            boolean marker = first.marker() != null;
            boolean awaitingAck = first.onCommitted() != null;
            while (!marker && readings < options.maxBatchReadings()) {
                Item next = queue.poll();
                if (next == null) {
                    long wait = deadline - System.nanoTime();
                    // A broker sends only a small window of unacknowledged messages: waiting for more
                    // while holding their acknowledgements would stall the source, so commit now.
                    if (wait <= 0 || closing || awaitingAck) {
                        break;
                    }
                    try {
                        next = queue.poll(wait, TimeUnit.NANOSECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                    if (next == null) {
                        break;
                    }
                }
                batch.add(next);
                readings += next.readings().size();
                marker = next.marker() != null;
                awaitingAck |= next.onCommitted() != null;
            }
            commitWithRetry(batch, readings);
            batch.clear();
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
        }
    }

    private void commitWithRetry(List<Item> batch, int readingCount) {
        long backoff = 250;
        int failures = 0;
        while (true) {
            try {
                if (failures < 2) {
                    commit(batch, readingCount);
                } else {
                    // The batch keeps failing: commit message by message so that one message the store refuses
                    // is quarantined instead of blocking everything behind it.
                    while (!batch.isEmpty()) {
                        commitOrQuarantine(batch.get(0));
                        batch.remove(0);
                    }
                }
                return;
            } catch (RuntimeException e) {
                failures++;
                if (closing) {
                    LOG.error("giving up on a batch of {} readings while closing: {}", readingCount, e.getMessage(), e);
                    releaseMarkers(batch);
                    return;
                }
                LOG.error("cannot commit a batch of {} readings, retrying in {} ms: {}", readingCount, backoff,
                        e.getMessage(), e);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    releaseMarkers(batch);
                    return;
                }
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    /** Commits one message; if the store refuses its readings, quarantines them as {@code store_error}. */
    private void commitOrQuarantine(Item item) {
        try {
            commit(List.of(item), item.readings().size());
        } catch (RuntimeException e) {
            if (item.readings().isEmpty()) {
                throw e; // nothing to set aside: the quarantine itself cannot be written, retry later
            }
            List<Rejection> rejections = new ArrayList<>(item.rejections());
            rejections.add(new Rejection(Rejection.STORE_ERROR, "the store refused these readings: " + rootMessage(e),
                    encode(item.readings())));
            LOG.warn("quarantining {} readings from {} that the store refused: {}", item.readings().size(),
                    item.source(), rootMessage(e));
            commit(List.of(new Item(item.source(), List.of(), rejections, item.receivedAt(), item.onCommitted(),
                    item.marker())), 0);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return WireFormat.abbreviate(String.valueOf(t.getMessage()), 500);
    }

    private static String encode(List<Reading> readings) {
        List<WireFormat.Snapshot> snapshots = new ArrayList<>(readings.size());
        for (Reading r : readings) {
            snapshots.add(new WireFormat.Snapshot(r.timestampMillis(), r.siteId(), r.assetId(),
                    Map.of(r.metric(), r.value())));
        }
        return WireFormat.encodeBatch(snapshots, true);
    }

    private static void releaseMarkers(List<Item> batch) {
        for (Item item : batch) {
            if (item.marker() != null) {
                item.marker().countDown();
            }
        }
    }

    private record Key(String siteId, String assetId, String metric, long ts) {
    }

    private void commit(List<Item> batch, int readingCount) {
        List<Reading> unique = new ArrayList<>(readingCount);
        Set<Key> seen = new HashSet<>(readingCount * 2);
        List<QuarantineStore.Entry> entries = new ArrayList<>();
        for (Item item : batch) {
            for (Reading r : item.readings()) {
                if (seen.add(new Key(r.siteId(), r.assetId(), r.metric(), r.timestampMillis()))) {
                    unique.add(r);
                }
            }
            for (Rejection rej : item.rejections()) {
                entries.add(new QuarantineStore.Entry(0, item.receivedAt(), item.source(), rej.reason(), rej.detail(),
                        rej.rawPayload()));
            }
        }
        int added = unique.isEmpty() ? 0 : readingStore.append(unique);
        if (!entries.isEmpty()) {
            quarantineStore.add(entries);
        }
        readingsStored.addAndGet(added);
        duplicates.addAndGet(readingCount - added);
        commits.incrementAndGet();

        long now = System.currentTimeMillis();
        Map<String, List<Rejection>> rejectedBySource = new LinkedHashMap<>();
        for (Item item : batch) {
            if (item.source() != null) {
                Counters c = counters(item.source());
                int n = item.readings().size();
                if (n > 0) {
                    c.readings.addAndGet(n);
                    c.readingRate.mark(n, now);
                    totalReadings.mark(n, now);
                }
                for (Rejection rej : item.rejections()) {
                    c.quarantined.incrementAndGet();
                    c.byReason.computeIfAbsent(rej.reason(), k -> new AtomicLong()).incrementAndGet();
                    rejectedBySource.computeIfAbsent(item.source(), k -> new ArrayList<>()).add(rej);
                }
            }
            if (item.onCommitted() != null) {
                try {
                    item.onCommitted().run();
                } catch (RuntimeException e) {
                    LOG.warn("acknowledgement callback failed: {}", e.toString());
                }
            }
        }
        List<Reading> view = java.util.Collections.unmodifiableList(unique);
        for (PipelineListener l : listeners) {
            try {
                if (!unique.isEmpty()) {
                    l.onCommitted(view);
                }
                rejectedBySource.forEach(l::onQuarantined);
            } catch (RuntimeException e) {
                LOG.warn("pipeline listener {} failed: {}", l, e.toString(), e);
            }
        }
        releaseMarkers(batch);
    }

    /** Commits what is queued, then stops the writer thread. Sources should be closed first. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        drain(Duration.ofSeconds(30));
        closing = true;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
