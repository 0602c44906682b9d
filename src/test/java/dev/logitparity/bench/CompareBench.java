package dev.logitparity.bench;

import dev.logitparity.compare.Band;
import dev.logitparity.compare.DivergenceReport;
import dev.logitparity.compare.TraceComparator;
import dev.logitparity.logits.LogProbs;
import dev.logitparity.trace.CaptureMode;
import dev.logitparity.trace.NpyLogits;
import dev.logitparity.trace.NpyWriter;
import dev.logitparity.trace.RunInfo;
import dev.logitparity.trace.Trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Comparator throughput: two 256-step x 151,936-vocab float32 NPY files (Qwen2's vocabulary; ~156 MB each) compared
 * through {@link NpyLogits}, after a warm-up, on one thread (the per-core figure) and on every core, in interleaved
 * rounds. Prints GB/s of logits compared ({@code 2 * steps * vocab * 4} bytes per comparison / seconds), whether the
 * all-cores report equals the one-thread one, and the heap a comparison holds.
 * <p>
 * Then the same per-step work in numpy on the same files ({@code src/test/python/compare_bench.py}, one process, then
 * one per core), when python3 has numpy, each beside our figure for as many cores, and the ratio.
 * Usage: {@code CompareBench [folder] [steps] [vocab] [rounds] [sd]} (default
 * {@code /tmp/logit-parity-bench 256 151936 5 1e-3}), {@code sd} being how far B's logits lie from A's. The files are
 * written once and reused while their shape matches.
 */
public final class CompareBench {
    private static final int WARM_UP_ROUNDS = 3;

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "/tmp/logit-parity-bench");
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        int vocab = args.length > 2 ? Integer.parseInt(args[2]) : 151_936;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        double sd = args.length > 4 ? Double.parseDouble(args[4]) : 1e-3;
        Files.createDirectories(folder);
        Path fileA = folder.resolve("a-" + steps + "x" + vocab + ".npy");
        Path fileB = folder.resolve("b-" + steps + "x" + vocab + "-sd" + sd + ".npy");
        int[] tokens = ensureFiles(fileA, fileB, steps, vocab, sd);

        try (Trace a = trace("llama.cpp", tokens, NpyLogits.open(fileA));
             Trace b = trace("other", tokens, NpyLogits.open(fileB))) {
            int cores = Runtime.getRuntime().availableProcessors();
            TraceComparator oneThread = TraceComparator.within(Band.defaults()).threads(1);
            TraceComparator allCores = oneThread.threads(cores);
            double bytes = 2.0 * steps * vocab * Float.BYTES;
            System.out.printf(Locale.ROOT, "%d steps x %d vocab, B = A + noise of sd %g, %.1f MB of logits per "
                    + "comparison, java %s, %s, %d cores, passes: %s%n", steps, vocab, sd, bytes / 1e6,
                    Runtime.version(), System.getProperty("os.arch"), cores,
                    System.getProperty("logitparity.compare.kernel", "chosen by size (scalar under 2^27 values)"));
            DivergenceReport report = null;
            for (int r = 0; r < WARM_UP_ROUNDS; r++) {
                report = oneThread.compare(a, b);
            }
            System.out.printf(Locale.ROOT, "verdict %s, max |dlogprob| %.3g (warm-up: %d rounds); %d-thread report "
                            + "equals the one-thread report: %s%n", report.summary().verdict(),
                    report.summary().minimalPassingBand().logprob(), WARM_UP_ROUNDS, cores,
                    report.equals(allCores.compare(a, b)));

            long[] peak = new long[1];
            List<Rates> rates = interleavedRounds(List.of(oneThread, allCores), a, b, bytes, rounds, peak);
            double single = rates.get(0).summary("one thread", a.steps(), bytes);
            System.out.printf(Locale.ROOT, "one thread: median %.2f GB/s per CPU-second of the comparing thread%n",
                    rates.get(0).medianPerCpuSecond());
            double parallel = rates.get(1).summary(cores + " threads", a.steps(), bytes);
            printBeside(single, numpy(fileA, fileB, 1), "numpy, same files, same per-step work, one process");
            printBeside(parallel, numpy(fileA, fileB, cores),
                    "numpy, same files, same per-step work, " + cores + " processes");
            System.gc();
            long retained = usedHeap();
            System.out.printf(Locale.ROOT, "heap: %.1f MB used after GC with the report alive (%d steps), "
                            + "peak during a round %.1f MB (uncollected garbage included), -Xmx %.0f MB%n",
                    retained / 1e6, report.steps().size(), peak[0] / 1e6,
                    Runtime.getRuntime().maxMemory() / 1e6);
        }
    }

    /**
     * {@code rounds} comparisons by each comparator, interleaved round by round so that all see the machine in the
     * same state (other processes on a shared machine come and go); prints each round and keeps the heap's peak in
     * {@code peak}.
     */
    private static List<Rates> interleavedRounds(List<TraceComparator> comparators, Trace a, Trace b, double bytes,
                                                 int rounds, long[] peak) {
        List<Rates> rates = comparators.stream().map(c -> new Rates(new double[rounds], new double[rounds])).toList();
        ThreadMXBean thread = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            for (int c = 0; c < comparators.size(); c++) {
                System.gc();
                resetPeaks();
                long start = System.nanoTime();
                long cpuStart = thread.getCurrentThreadCpuTime();
                comparators.get(c).compare(a, b);
                double seconds = (System.nanoTime() - start) / 1e9;
                // with one thread the comparing thread is this one: its CPU time leaves out other processes' turns
                double cpuSeconds = (thread.getCurrentThreadCpuTime() - cpuStart) / 1e9;
                peak[0] = Math.max(peak[0], peakHeap());
                rates.get(c).wall()[r] = bytes / seconds / 1e9;
                rates.get(c).perCpuSecond()[r] = bytes / cpuSeconds / 1e9;
                System.out.printf(Locale.ROOT, "round %d, %d thread(s): %.3f s, %.2f GB/s%n", r,
                        comparators.get(c).threads(), seconds, rates.get(c).wall()[r]);
            }
        }
        return rates;
    }

    /** GB/s of each round, by the wall clock and per CPU-second of the calling thread. */
    private record Rates(double[] wall, double[] perCpuSecond) {

        /** Prints the median GB/s, the range and ms per step; returns the median. */
        double summary(String label, int steps, double bytes) {
            double[] sorted = wall.clone();
            Arrays.sort(sorted);
            double median = sorted[sorted.length / 2];
            System.out.printf(Locale.ROOT, "%s: median %.2f GB/s (min %.2f, max %.2f), %.2f ms/step%n", label,
                    median, sorted[0], sorted[sorted.length - 1], bytes / median / 1e6 / steps);
            return median;
        }

        double medianPerCpuSecond() {
            double[] sorted = perCpuSecond.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }
    }

    private static void printBeside(double ours, OptionalDouble numpy, String what) {
        numpy.ifPresentOrElse(rate -> System.out.printf(Locale.ROOT, "%s: %.2f GB/s; ours / numpy = %.2f%n", what,
                        rate, ours / rate),
                () -> System.out.println("numpy: not run (python3 with numpy not found)"));
    }

    /**
     * {@code src/test/python/compare_bench.py}'s median GB/s on the same files in {@code processes} processes, when
     * python3 has numpy.
     */
    private static OptionalDouble numpy(Path fileA, Path fileB, int processes) {
        Path script = Path.of("src/test/python/compare_bench.py");
        try {
            Process process = new ProcessBuilder("python3", script.toString(), fileA.toString(), fileB.toString(), "3",
                    String.valueOf(processes)).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.waitFor() != 0 || !out.startsWith("GB/s ")) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(Double.parseDouble(out.substring("GB/s ".length())));
        } catch (IOException e) {
            return OptionalDouble.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalDouble.empty();
        }
    }

    private static Trace trace(String source, int[] tokens, NpyLogits logits) {
        RunInfo info = new RunInfo(source, null, null, null, CaptureMode.TEACHER_FORCED, "bench", Map.of(),
                "CompareBench");
        return Trace.of(info, new int[]{1}, tokens, logits);
    }

    /**
     * Writes A (Gaussian logits, sd 2.5, one token ahead by 12 as a trained model's winner is) and B (A plus Gaussian
     * noise of {@code sd}: 1e-3 is what a differently rounding runtime gives, a few tenths what a quantisation gives)
     * unless both exist with this shape; returns the tokens, A's argmaxes. A is the same whatever {@code sd}.
     */
    private static int[] ensureFiles(Path fileA, Path fileB, int steps, int vocab, double sd) throws IOException {
        float[] rowA = new float[vocab];
        float[] rowB = new float[vocab];
        int[] tokens = new int[steps];
        if (Files.exists(fileA) && Files.exists(fileB)) {
            try (NpyLogits a = NpyLogits.open(fileA); NpyLogits b = NpyLogits.open(fileB)) {
                if (a.steps() == steps && a.vocab() == vocab && b.steps() == steps && b.vocab() == vocab) {
                    for (int step = 0; step < steps; step++) {
                        a.copyRow(step, rowA);
                        tokens[step] = LogProbs.argmax(rowA, vocab);
                    }
                    return tokens;
                }
            }
        }
        System.out.printf(Locale.ROOT, "writing %s and %s ...%n", fileA, fileB);
        SplittableRandom random = new SplittableRandom(42);
        try (NpyWriter a = NpyWriter.create(fileA, vocab); NpyWriter b = NpyWriter.create(fileB, vocab)) {
            for (int step = 0; step < steps; step++) {
                for (int token = 0; token < vocab; token++) {
                    rowA[token] = (float) (random.nextGaussian() * 2.5);
                    rowB[token] = (float) (rowA[token] + random.nextGaussian() * sd);
                }
                int winner = random.nextInt(vocab);
                rowA[winner] += 12;
                rowB[winner] += 12;
                tokens[step] = LogProbs.argmax(rowA, vocab);
                a.appendRow(rowA);
                b.appendRow(rowB);
            }
            a.finish();
            b.finish();
        }
        return tokens;
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
