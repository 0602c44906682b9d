package dev.logitparity.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.logitparity.compare.DivergenceReport;
import dev.logitparity.compare.LayerLocalisation;
import dev.logitparity.judge.Arbitration;
import dev.logitparity.tokenization.PromptDiagnosis;

/**
 * The document {@code divergence-locate --json} prints: a public format, so it names itself and its version. A field
 * renamed, removed or retyped is a new {@link #VERSION}; {@code JsonReportFieldsTest} lists every field path and fails
 * on any change, and README's "The --json report" documents each.
 *
 * @param tokenization why the prompt ids differ, present only on a {@code TOKENIZATION} verdict from the ids
 * @param arbitration  the reference engine's word on the divergence, present only with {@code --arbiter}
 * @param layers       the layer-level localisation, present only with {@code --layers}
 */
// the unwrapped report's summary and steps follow these (Jackson writes unwrapped properties last)
@JsonPropertyOrder({"format", "formatVersion"})
@JsonInclude(JsonInclude.Include.NON_NULL)
record JsonReport(String format, int formatVersion, @JsonUnwrapped DivergenceReport report,
                  PromptDiagnosis tokenization, Arbitration arbitration, LayerLocalisation layers) {

    static final String FORMAT = "logit-parity-report";
    static final int VERSION = 1;

    static JsonReport of(DivergenceReport report, PromptDiagnosis tokenization, Arbitration arbitration,
                         LayerLocalisation layers) {
        return new JsonReport(FORMAT, VERSION, report, tokenization, arbitration, layers);
    }
}
