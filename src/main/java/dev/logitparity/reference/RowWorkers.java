package dev.logitparity.reference;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads a projection's rows are split across: the calling thread and {@code helpers} daemon threads that, after
 * each job, spin for {@link #SPIN_NANOS} before they park, as ggml's own threads do. A decode step of Qwen2-0.5B runs
 * about 170 projections, most under a millisecond apart; waking a parked fork-join worker for each one cost a quarter
 * of the reference's free-run time on 2 cores. Rows go out in chunks from a shared counter, so a core that is busy
 * elsewhere delays only the chunk it holds; and since one thread computes each row in {@link MatVec}'s one order,
 * which thread that is never changes a sum.
 *
 * <p>One job at a time: a caller that finds the helpers busy (a second session on another thread, or a range that
 * splits again) runs its rows alone rather than wait.
 */
final class RowWorkers implements AutoCloseable {

    /** One row range: rows {@code [from, to)}. */
    interface Rows {
        void apply(int from, int to);
    }

    /** The process's helpers: one fewer than the available processors, the caller being the last. */
    static final RowWorkers SHARED = new RowWorkers(Runtime.getRuntime().availableProcessors() - 1);

    /**
     * How long an idle helper spins before it parks: longer than the gaps between one step's projections, short
     * enough that a helper gives its core back soon after the reference stops (llama.cpp's spinning threads may run
     * next, and two spinning pools on one core slow each other many times over).
     */
    private static final long SPIN_NANOS = 1_000_000;

    private final Thread[] helpers;
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile Job job;
    private volatile boolean closed;

    RowWorkers(int helpers) {
        this.helpers = new Thread[helpers];
        for (int i = 0; i < helpers; i++) {
            Thread helper = new Thread(this::help, "reference-rows-" + i);
            helper.setDaemon(true);
            this.helpers[i] = helper;
            helper.start();
        }
    }

    /**
     * Calls {@code rows} on {@code chunks} consecutive ranges covering {@code [0, total)}, on this thread and the
     * helpers, and returns when all have returned; an exception thrown by any range is thrown here once they have.
     */
    void split(int total, int chunks, Rows rows) {
        if (helpers.length == 0 || chunks < 2 || closed || !busy.compareAndSet(false, true)) {
            rows.apply(0, total);
            return;
        }
        try {
            Job current = new Job(total, chunks, rows);
            job = current;
            for (Thread helper : helpers) {
                LockSupport.unpark(helper);
            }
            current.work();
            current.awaitAll();
            job = null;
            current.rethrow();
        } finally {
            busy.set(false);
        }
    }

    /** Stops the helpers once they finish what they hold; {@link #split} then runs on the caller alone. */
    @Override
    public void close() {
        closed = true;
        for (Thread helper : helpers) {
            LockSupport.unpark(helper);
        }
    }

    private void help() {
        Job done = null;
        while (!closed) {
            Job current = job;
            if (current != null && current != done) {
                current.work();
                done = current;
                continue;
            }
            long deadline = System.nanoTime() + SPIN_NANOS;
            while (job == current && !closed && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            if (job == current && !closed) {
                // split() unparks every helper after it publishes a job: a permit given before this park ends it
                LockSupport.park(this);
            }
        }
    }

    /** One split: chunks claimed from a counter by whoever comes first, counted when they return. */
    private static final class Job {

        private final int total;
        private final int chunks;
        private final Rows rows;
        private final AtomicInteger claimed = new AtomicInteger();
        private final AtomicInteger finished = new AtomicInteger();
        private volatile Throwable failure;

        Job(int total, int chunks, Rows rows) {
            this.total = total;
            this.chunks = chunks;
            this.rows = rows;
        }

        void work() {
            for (int chunk = claimed.getAndIncrement(); chunk < chunks; chunk = claimed.getAndIncrement()) {
                try {
                    rows.apply(start(chunk), start(chunk + 1));
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    finished.incrementAndGet();
                }
            }
        }

        /** The chunks still running on helpers are a few microseconds from done: waiting on them spins. */
        void awaitAll() {
            while (finished.get() < chunks) {
                Thread.onSpinWait();
            }
        }

        void rethrow() {
            Throwable t = failure;
            if (t instanceof RuntimeException e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
        }

        private int start(int chunk) {
            return (int) ((long) total * chunk / chunks);
        }
    }
}
