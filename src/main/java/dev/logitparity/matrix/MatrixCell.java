package dev.logitparity.matrix;

/**
 * One model×prompt cell of the parity matrix.
 *
 * @param model     the case's model slug
 * @param prompt    the prompt's short name (e.g. completion)
 * @param gguf      the local GGUF the slug mapped to
 * @param skipped   why the cell did not run (the missing model path), or null when it ran
 * @param failed    why the cell's run ended without a result (e.g. llama.cpp aborted: the model and the assertion),
 *                  or null
 * @param textA     llama.cpp's greedy text, 80 characters: the first, or around the first difference ({@link TextPreview})
 * @param textB     the other side's text, the same window
 * @param match     both sides had the same prompt ids and chose the same tokens at every step
 * @param firstDivergentStep the first step where the greedy choices differ, or null
 * @param margin    at that step: the smaller winning margin (two-sided) or llama.cpp's margin for its choice over
 *                  the other's token (one-sided), nats
 * @param epsilon   the flip epsilon at that step (two-sided only), nats
 * @param verdict   the comparison's verdict
 * @param cause     why: for a tokenization finding its causes (e.g. "B: chat template + BOS"), else the verdict's
 *                  reason
 * @param chart     the chart file, relative to the matrix output folder, or null
 * @param details   the cell's HTML report (verdict, charts, step table), relative to the output folder, or null
 */
public record MatrixCell(String model, String prompt, String gguf, String skipped, String failed, String textA,
                         String textB, boolean match, Integer firstDivergentStep, Double margin, Double epsilon, String verdict,
                         String cause, String chart, String details) {

    static MatrixCell skipped(String model, String prompt, String gguf, String reason) {
        return new MatrixCell(model, prompt, gguf, reason, null, null, null, false, null, null, null, null, null,
                null, null);
    }

    static MatrixCell failed(String model, String prompt, String gguf, String reason) {
        return new MatrixCell(model, prompt, gguf, null, reason, null, null, false, null, null, null, null, null,
                null, null);
    }

    /** Whether the cell ran to a comparison (it was neither skipped nor failed). */
    public boolean ran() {
        return skipped == null && failed == null;
    }
}
