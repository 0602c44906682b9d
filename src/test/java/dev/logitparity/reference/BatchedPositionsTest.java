package dev.logitparity.reference;

import dev.logitparity.TestModels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Tokens known in advance run {@link ReferenceSession#BATCH} positions at once; the logits must be those of feeding
 * the same tokens one at a time, to the bit, on every architecture, weight type and rounding, across batch edges.
 */
class BatchedPositionsTest {

    /** More than one batch, and a last batch that is not full. */
    private static final int TOKENS = ReferenceSession.BATCH + 9;
    /** Logits (the costly LM head) only around the first batch's end: earlier positions count through the KV cache. */
    private static final int FIRST_WITH_LOGITS = ReferenceSession.BATCH - 3;

    static Stream<Arguments> models() {
        return Stream.of("gpt2", "llama", "qwen2").flatMap(arch -> Stream.of("f32", "f16", "q8_0")
                .flatMap(type -> Stream.of(Ops.Rounding.values()).map(r -> Arguments.of(arch, type, r))));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("models")
    void feedingTokensTogetherGivesTheLogitsOfFeedingThemOneByOne(String arch, String type, Ops.Rounding rounding) {
        try (ReferenceModel model = ReferenceModel.open(TestModels.path(arch, type),
                ops -> ops.withRounding(rounding))) {
            int[] tokens = new SplittableRandom(TOKENS).ints(TOKENS, 0, model.vocabSize()).toArray();
            double[][] oneByOne = new double[TOKENS][];
            ReferenceSession alone = model.newSession(TOKENS);
            for (int i = 0; i < TOKENS; i++) {
                int at = i;
                // a first index past the only token asks no logits
                int first = i < FIRST_WITH_LOGITS ? 1 : 0;
                alone.feed(new int[] {tokens[i]}, first, (index, logits) -> oneByOne[at] = logits);
            }
            double[][] together = new double[TOKENS][];
            ReferenceSession batched = model.newSession(TOKENS);
            batched.feed(tokens, FIRST_WITH_LOGITS, (index, logits) -> together[index] = logits);
            assertEquals(TOKENS, batched.position());
            for (int i = 0; i < TOKENS; i++) {
                if (i < FIRST_WITH_LOGITS) {
                    assertNull(together[i], "position " + i + " asked no logits");
                } else {
                    assertArrayEquals(bits(oneByOne[i]), bits(together[i]), "position " + i);
                }
            }
        }
    }

    private static long[] bits(double[] values) {
        return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
