package dev.logitparity.judge;

import dev.logitparity.compare.DivergenceReport;
import dev.logitparity.compare.Verdict;
import dev.logitparity.llama.LlamaContext;
import dev.logitparity.llama.LlamaModel;
import dev.logitparity.sources.TraceSources;
import dev.logitparity.tokenization.PromptDiagnosis;
import dev.logitparity.tokenization.PromptDiagnostician;
import dev.logitparity.trace.Trace;

import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * A pair's divergence report with its prompt judged first: when B's prompt ids differ from llama.cpp's the verdict
 * is {@link Verdict#TOKENIZATION} with the cause named; when B gave only a prompt-token count (our own tokenisation of
 * the prompt proves nothing about B's) a different count is a tokenization finding too, never a logit one.
 *
 * @param report       the comparison, the pair's notes added
 * @param tokenization why the prompts differ, or null when they do not (or cannot be told apart)
 */
public record PairComparison(DivergenceReport report, PromptDiagnosis tokenization) {

    /** @param otherModel B's GGUF when B is llama.cpp on another model file, else null */
    public static PairComparison of(FlooredJudgement judgement, LlamaContext context, TracePair pair,
                                    Path otherModel) {
        return of(judgement, context, pair, otherModel, PhaseListener.NONE);
    }

    /** {@link #of(FlooredJudgement, LlamaContext, TracePair, Path)}, telling {@code phases} where the judging's end. */
    public static PairComparison of(FlooredJudgement judgement, LlamaContext context, TracePair pair,
                                    Path otherModel, PhaseListener phases) {
        Trace a = pair.llama();
        Trace b = pair.other();
        LlamaModel model = context.model();
        DivergenceReport report = judgement.endOfGeneration(model.vocab()::isEndOfGeneration)
                .judge(context, pair, otherModel, phases);
        for (String note : pair.notes()) {
            report = report.withNote(note);
        }
        PromptDiagnostician diagnostician = new PromptDiagnostician(ModelTokenText.of(model));
        if (TraceSources.promptIdsFromText(b)) {
            OptionalInt count = TraceSources.promptTokenCount(b);
            if (count.isPresent() && count.getAsInt() != a.promptTokens().length) {
                PromptDiagnosis diagnosis = diagnostician.diagnoseCount(a.promptTokens().length, count.getAsInt());
                return new PairComparison(report.withTokenization(diagnosis.summary()), diagnosis);
            }
            return new PairComparison(report.withNote(count.isPresent()
                    ? "B gave only its prompt-token count, " + count.getAsInt() + ", the same as llama.cpp's; its "
                    + "prompt ids are not known, so the prompt check is of the count only"
                    : "B gave no prompt ids: the prompt was not checked (its ids here are llama.cpp's)"), null);
        }
        if (report.summary().verdict() != Verdict.TOKENIZATION) {
            return new PairComparison(report, null);
        }
        PromptDiagnosis diagnosis = diagnostician.diagnose(a.promptTokens(), b.promptTokens());
        return new PairComparison(report.withTokenization(report.summary().reason() + ": " + diagnosis.summary()),
                diagnosis);
    }
}
