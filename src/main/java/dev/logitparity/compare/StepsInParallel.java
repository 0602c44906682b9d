package dev.logitparity.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Maps steps {@code [0, count)} to their results on up to a given number of threads. Each thread takes the next step
 * not yet taken and gets its own step function (its own row buffers), and every result lands at its step's index, so
 * the list is the same as one thread's whatever the number of threads or the order they finish in.
 */
final class StepsInParallel {

    private StepsInParallel() {
    }

    /**
     * @param perThread makes one thread's step function; called once on each thread that runs
     * @throws RuntimeException what a step threw, once every thread has stopped
     */
    static <T> List<T> map(int count, int threads, Supplier<IntFunction<T>> perThread) {
        int workers = Math.min(threads, count);
        if (workers <= 1) {
            IntFunction<T> step = perThread.get();
            List<T> results = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                results.add(step.apply(i));
            }
            return results;
        }
        Object[] results = new Object[count];
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>(workers);
        try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
            for (int w = 0; w < workers; w++) {
                running.add(pool.submit(() -> {
                    IntFunction<T> step = perThread.get();
                    try {
                        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                            results[i] = step.apply(i);
                        }
                    } catch (RuntimeException | Error e) {
                        // the others stop at their next step: the comparison fails as a whole
                        next.set(count);
                        throw e;
                    }
                }));
            }
            for (Future<?> worker : running) {
                await(worker);
            }
        }
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) Arrays.asList(results);
        return list;
    }

    private static void await(Future<?> worker) {
        try {
            worker.get();
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while comparing steps", e);
        }
    }
}
