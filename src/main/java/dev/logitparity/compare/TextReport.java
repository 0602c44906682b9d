package dev.logitparity.compare;

import dev.logitparity.compare.DivergenceReport.NonFinite;
import dev.logitparity.compare.DivergenceReport.PromptCheck;
import dev.logitparity.compare.DivergenceReport.Summary;

import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import static dev.logitparity.compare.Numbers.sci;
import static dev.logitparity.compare.Numbers.short3;

/**
 * Renders a {@link DivergenceReport} as plain text for a terminal, at most 100 columns wide: the summary, then a
 * compact per-step table around the first divergence (or the first step outside the band) with that step marked.
 * Token ids are shown with their text as the given piece renderer spells them (the CLI plugs in the model's vocab):
 * whole in sentences (control characters escaped), cut with "…" only in the table's fixed-width cells.
 */
public final class TextReport {
    public static final int WIDTH = 100;
    public static final int DEFAULT_CONTEXT_STEPS = 3;
    private static final int TOKEN_CELL = 18;
    private static final String LEGEND =
            "flags: ≠ choices differ, ! outside the band, N non-finite logits, ~ other context, = bitwise equal";

    private final IntFunction<String> pieces;
    private final int contextSteps;

    private TextReport(IntFunction<String> pieces, int contextSteps) {
        this.pieces = pieces;
        this.contextSteps = contextSteps;
    }

    public static String render(DivergenceReport report, IntFunction<String> pieces) {
        return render(report, pieces, DEFAULT_CONTEXT_STEPS);
    }

    /** As {@link #render(DivergenceReport, IntFunction)}, with {@code contextSteps} steps either side of the focus. */
    public static String render(DivergenceReport report, IntFunction<String> pieces, int contextSteps) {
        StringBuilder out = new StringBuilder();
        TextReport renderer = new TextReport(pieces, contextSteps);
        renderer.summary(report.summary(), out);
        renderer.table(report, out);
        return out.toString();
    }

    private void summary(Summary s, StringBuilder out) {
        wrapped(out, "", String.format(Locale.ROOT, "A: %s | B: %s | %s, top-%d overlap", s.sourceA(), s.sourceB(),
                s.mode().name().toLowerCase(Locale.ROOT).replace('_', '-'), s.topK()));
        line(out, "verdict: %s", s.verdict());
        wrapped(out, "  ", s.reason());
        line(out, "steps: %d compared (A %d, B %d)", s.lengths().compared(), s.lengths().stepsA(),
                s.lengths().stepsB());
        wrapped(out, "prompt: ", promptText(s.prompt()));
        if (s.divergence() != null) {
            wrapped(out, "divergence: ", divergenceText(s.divergence()));
        } else {
            line(out, "divergence: none within the same context");
        }
        if (s.floor() != null) {
            wrapped(out, "noise floor: ", floorText(s.floor()));
        }
        wrapped(out, "band: ", bandText(s.band()) + (s.floor() == null ? ""
                : s.floor().derives(s.band()) ? " (derived from the floor: " + derivation(s.floor())
                + "; it grows with the floor measured along the run, from max |Δlogprob| <= "
                + short3(s.floor().bandAt(0).logprob()) + " at step 0)"
                : " (given; the floor's would be " + bandText(s.floor().band()) + ")"));
        line(out, "minimal passing band: %s",
                s.minimalPassingBand() == null ? noMinimalBand(s) : bandText(s.minimalPassingBand()));
        NonFinite nf = s.nonFinite();
        line(out, "non-finite logits: %s", nf.steps() == 0 ? "none"
                : nf.steps() + " step(s), first " + nf.firstStep() + "; A " + nf.valuesA() + " value(s), B "
                + nf.valuesB());
        for (String note : s.notes()) {
            wrapped(out, "note: ", note);
        }
    }

    private void table(DivergenceReport report, StringBuilder out) {
        List<StepComparison> steps = report.steps();
        if (steps.isEmpty()) {
            return;
        }
        Summary s = report.summary();
        int focus = s.divergence() != null ? s.divergence().step()
                : s.firstOutOfBand() != null ? s.firstOutOfBand() : 0;
        int from = Math.max(0, focus - contextSteps);
        int to = Math.min(steps.size(), focus + contextSteps + 1);
        out.append('\n');
        boolean twoSided = steps.getFirst() instanceof StepMetrics;
        if (twoSided) {
            line(out, "  %6s  %-18s %-18s %9s %9s %6s %13s %s", "step", "A argmax", "B argmax", "max|Δlp|",
                    "KL", "top" + s.topK(), "ranks", "flags");
        } else {
            line(out, "  %6s  %-18s %-18s %9s %10s %7s %s", "step", "A argmax", "B token", "margin", "logprob B",
                    "rank B", "flags");
        }
        if (from > 0) {
            line(out, "  %6s", "...");
        }
        for (int i = from; i < to; i++) {
            StepComparison step = steps.get(i);
            boolean marked = step.step() == focus && (s.divergence() != null || s.firstOutOfBand() != null);
            String marker = marked ? "> " : "  ";
            String flags = flags(step, NoiseFloor.stepBands(s.band(), s.floor()));
            switch (step) {
                case StepMetrics m -> line(out, "%s%6d  %s %s %9s %9s %6.2f %13s %s", marker, m.step(),
                        tokenCell(m.argmaxA()), tokenCell(m.argmaxB()), sci(m.maxAbsDelta()), sci(m.kl()),
                        m.topKOverlap(), m.rankAInB() + "/" + m.rankBInA(), flags);
                case OneSidedStep o -> line(out, "%s%6d  %s %s %9s %10s %7d %s", marker, o.step(),
                        tokenCell(o.argmaxA()), tokenCell(o.tokenB()), sci(o.margin()), short3(o.logprobTokenB()),
                        o.rankTokenBInA(), flags);
            }
        }
        if (to < steps.size()) {
            line(out, "  %6s", "...");
        }
        if (twoSided) {
            line(out, "ranks: of A's choice in B / of B's choice in A (0 = top)");
        }
        line(out, "%s", LEGEND);
    }

    private static String flags(StepComparison step, IntFunction<Band> band) {
        StringBuilder flags = new StringBuilder();
        flags.append(step.agrees() ? "" : "≠");
        flags.append(VerdictRules.outOfBand(step, band) ? "!" : "");
        flags.append(step.nonFinite() > 0 ? "N" : "");
        flags.append(step.contextsDiffer() ? "~" : "");
        flags.append(step instanceof StepMetrics m && m.bitwiseEqual() ? "=" : "");
        return flags.toString();
    }

    private String divergenceText(StepComparison step) {
        return switch (step) {
            case StepMetrics m -> "step " + m.step() + ": A " + token(m.argmaxA()) + " ahead by " + short3(m.marginA())
                    + ", B " + token(m.argmaxB()) + " ahead by " + short3(m.marginB()) + "; flip epsilon "
                    + short3(m.flipEpsilon()) + "; max |Δlogprob| " + short3(m.maxAbsDelta()) + ", KL "
                    + short3(m.kl()) + ", NMSE " + short3(m.nmse()) + ", top-k overlap " + short3(m.topKOverlap())
                    + ", rank of A's choice in B " + m.rankAInB() + ", of B's in A " + m.rankBInA();
            case OneSidedStep o -> "step " + o.step() + ": A picks " + token(o.argmaxA()) + " (logprob "
                    + short3(o.logprobArgmaxA()) + "); B's token " + token(o.tokenB()) + " is rank "
                    + o.rankTokenBInA() + " in A (logprob " + short3(o.logprobTokenB()) + "); A's margin "
                    + short3(o.margin());
        };
    }

    private String promptText(PromptCheck prompt) {
        if (prompt.matches()) {
            return "both sides fed the same " + prompt.lengthA() + (prompt.lengthA() == 1 ? " id" : " ids");
        }
        return "ids differ at position " + prompt.firstDifference() + ": A " + promptId(prompt.idA()) + ", B "
                + promptId(prompt.idB()) + " (A " + prompt.lengthA() + " ids, B " + prompt.lengthB() + ")";
    }

    private String promptId(Integer id) {
        return id == null ? "(prompt ended)" : token(id);
    }

    private static String noMinimalBand(Summary s) {
        if (s.mode() == DivergenceReport.Mode.ONE_SIDED) {
            return "none (one-sided: B gave no logits)";
        }
        return s.prompt().matches() && s.lengths().compared() > 0
                ? "none (non-finite logits)" : "none (no step compares the same context)";
    }

    private static String floorText(NoiseFloor f) {
        StringBuilder text = new StringBuilder(short3(f.floor().logprob())).append(" nats, KL ")
                .append(short3(f.floor().kl())).append(" (").append(f.source());
        if (f.toReference() != null) {
            text.append("; llama.cpp to the f64 reference ").append(short3(f.toReference().logprob()));
        }
        f.kernelChoices().forEach((choice, d) -> text.append("; ").append(choice).append(" moves it ")
                .append(short3(d.logprob())));
        if (f.roundingEffect() != null) {
            text.append("; ggml's activation rounding explains ").append(short3(f.roundingEffect().logprob()));
        }
        if (!f.trusted()) {
            text.append("; llama.cpp is further from exact arithmetic than its rounding explains, so the floor is what "
                    + "the rounding explains");
        }
        if (f.weights() != null) {
            text.append("; the weights alone move it ").append(short3(f.weights().logprob()))
                    .append(f.weightsFinding() == null ? " (B's weights are a quantisation of A's)" : "");
        }
        if (f.otherFloor() != null) {
            text.append("; B's own floor ").append(short3(f.otherFloor().logprob()));
        }
        return text.append(") over steps ").append(stepsText(f.steps())).append(", measured in ")
                .append(String.format(Locale.ROOT, "%.2f s", f.millis() / 1000.0)).toString();
    }

    private static String derivation(NoiseFloor f) {
        return short3(NoiseFloor.HEADROOM) + " x (A's floor + " + (f.otherFloor() == null ? "B's, taken as A's" : "B's")
                + (f.weights() != null && f.weightsFinding() == null ? " + weights" : "") + "), near tie 2 x band";
    }

    /** The probed steps, which run from 0 without gaps. */
    private static String stepsText(List<Integer> steps) {
        return steps.size() == 1 ? "0" : "0-" + steps.getLast();
    }

    private static String bandText(Band band) {
        return "max |Δlogprob| <= " + short3(band.logprob()) + ", KL <= " + short3(band.kl()) + ", near tie <= "
                + short3(band.nearTie());
    }

    /** {@code id "piece"}, the whole piece, control characters escaped: what the report's sentences name. */
    private String token(int id) {
        String piece = pieces.apply(id);
        return id + " \"" + escape(piece == null ? "" : piece) + "\"";
    }

    /** As {@link #token}, cut to at most {@link #TOKEN_CELL} terminal columns for the table's fixed columns. */
    private String tokenCut(int id) {
        String piece = pieces.apply(id);
        String idText = Integer.toString(id);
        int room = TOKEN_CELL - idText.length() - 3;
        String escaped = escape(piece == null ? "" : piece);
        if (columns(escaped) > room) {
            StringBuilder cut = new StringBuilder();
            escaped.codePoints().takeWhile(c -> columns(cut) + columns(c) < room).forEach(cut::appendCodePoint);
            escaped = cut + "…";
        }
        return idText + " \"" + escaped + "\"";
    }

    /** The token cell padded to its column. */
    private String tokenCell(int id) {
        String cell = tokenCut(id);
        return cell + " ".repeat(Math.max(0, TOKEN_CELL - columns(cell)));
    }

    private static int columns(CharSequence text) {
        return text.codePoints().map(TextReport::columns).sum();
    }

    /** Terminal columns of a code point: 2 for the East Asian wide blocks a vocabulary is likely to hold. */
    private static int columns(int c) {
        boolean wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F)
                || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F)
                || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6);
        return wide ? 2 : 1;
    }

    private static String escape(String piece) {
        StringBuilder out = new StringBuilder(piece.length());
        piece.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                            || Character.charCount(c) > 1) {
                        out.append(c <= 0xFFFF ? String.format(Locale.ROOT, "\\u%04x", c)
                                : String.format(Locale.ROOT, "\\U%08x", c));
                    } else {
                        out.append((char) c);
                    }
                }
            }
        });
        return out.toString();
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args).stripTrailing()).append('\n');
    }

    /**
     * Appends {@code text} after {@code lead}, wrapped to the report width at spaces outside quoted pieces (so a
     * piece's own spaces are never lost to a line break), continuation lines indented under the text.
     */
    private static void wrapped(StringBuilder out, String lead, String text) {
        int room = WIDTH - lead.length();
        String prefix = lead;
        int start = 0;
        while (columns(text.substring(start)) > room) {
            int cut = -1;
            boolean quoted = false;
            for (int i = start; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = !quoted;
                } else if (c == ' ' && !quoted) {
                    if (cut >= 0 && columns(text.substring(start, i)) > room) {
                        break;
                    }
                    cut = i;
                }
            }
            if (cut < 0) {
                break;
            }
            out.append(prefix).append(text, start, cut).append('\n');
            prefix = " ".repeat(lead.length());
            start = cut + 1;
        }
        out.append(prefix).append(text.substring(start)).append('\n');
    }
}
