package dev.logitparity.engine;

import dev.logitparity.trace.Intermediates;

/** Drives an engine to one step and collects that step's named intermediates. */
public final class IntermediateRecorder {
    private IntermediateRecorder() {
    }

    /**
     * Teacher-forces {@code engine} through {@code promptTokens} and the first {@code step} of {@code tokens}, and
     * collects the intermediates of the feed whose logits are step {@code step}'s.
     */
    public static Intermediates atStep(Engine engine, int[] promptTokens, int[] tokens, int step) {
        if (step < 0 || step > tokens.length) {
            throw new IllegalArgumentException("step " + step + " is outside 0.." + tokens.length);
        }
        Intermediates collected = new Intermediates();
        engine.reset(promptTokens.length + step);
        try {
            if (step == 0) {
                engine.tap(collected);
            }
            engine.feed(promptTokens);
            for (int i = 0; i < step; i++) {
                if (i == step - 1) {
                    engine.tap(collected);
                }
                engine.feed(new int[] {tokens[i]});
            }
        } finally {
            engine.tap(null);
        }
        return collected;
    }
}
