package dev.logitparity.reference;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link RowWorkers} calls every row exactly once, on more than one thread, and reports what a range throws. */
class RowWorkersTest {

    @Test
    void everyRowIsAppliedExactlyOnceWhateverTheChunksAndHelpers() {
        for (int helpers : new int[] {0, 1, 3}) {
            try (RowWorkers workers = new RowWorkers(helpers)) {
                for (int total : new int[] {1, 7, 1000}) {
                    for (int chunks : new int[] {1, 2, 7, 64}) {
                        AtomicIntegerArray calls = new AtomicIntegerArray(total);
                        // split over and over, so that helpers are met spinning, parking and waking
                        for (int round = 0; round < 50; round++) {
                            workers.split(total, Math.min(chunks, total), (from, to) -> {
                                for (int r = from; r < to; r++) {
                                    calls.incrementAndGet(r);
                                }
                            });
                        }
                        for (int r = 0; r < total; r++) {
                            assertEquals(50, calls.get(r), helpers + " helpers, " + total + " rows in " + chunks
                                    + " chunks, row " + r);
                        }
                    }
                }
            }
        }
    }

    @Test
    void twoChunksRunAtOnceOnTwoThreads() {
        try (RowWorkers workers = new RowWorkers(2)) {
            for (int round = 0; round < 20; round++) {
                ConcurrentHashMap<Thread, Boolean> threads = new ConcurrentHashMap<>();
                CountDownLatch started = new CountDownLatch(2);
                workers.split(2, 2, (from, to) -> {
                    threads.put(Thread.currentThread(), true);
                    started.countDown();
                    // a thread holding one chunk cannot claim the other: both start only if a second thread helps
                    assertTrue(await(started), "the other chunk did not start within 10 s");
                });
                assertEquals(2, threads.size(), "threads " + threads.keySet());
            }
        }
    }

    @Test
    void aRangeThatThrowsFailsTheSplitOnceEveryRangeHasReturned() {
        try (RowWorkers workers = new RowWorkers(1)) {
            IllegalStateException boom = new IllegalStateException("row 5");
            AtomicIntegerArray calls = new AtomicIntegerArray(10);
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () ->
                    workers.split(10, 10, (from, to) -> {
                        calls.incrementAndGet(from);
                        if (from == 5) {
                            throw boom;
                        }
                    }));
            assertSame(boom, thrown);
            for (int r = 0; r < 10; r++) {
                assertEquals(1, calls.get(r), "row " + r);
            }
        }
    }

    @Test
    void callersOnSeveralThreadsAllGetTheirRows() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try (RowWorkers workers = new RowWorkers(1)) {
            Future<?>[] futures = new Future<?>[4];
            for (int c = 0; c < futures.length; c++) {
                futures[c] = callers.submit(() -> {
                    for (int round = 0; round < 200; round++) {
                        long[] sums = new long[1];
                        workers.split(100, 8, (from, to) -> {
                            long sum = 0;
                            for (int r = from; r < to; r++) {
                                sum += r;
                            }
                            synchronized (sums) {
                                sums[0] += sum;
                            }
                        });
                        assertEquals(4950, sums[0]);
                    }
                    return null;
                });
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            callers.shutdown();
        }
    }

    @Test
    void closedWorkersRunEverythingOnTheCaller() {
        RowWorkers workers = new RowWorkers(2);
        workers.close();
        workers.close();
        ConcurrentHashMap<Thread, Boolean> threads = new ConcurrentHashMap<>();
        workers.split(100, 10, (from, to) -> threads.put(Thread.currentThread(), true));
        assertEquals(Set.of(Thread.currentThread()), threads.keySet());
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
