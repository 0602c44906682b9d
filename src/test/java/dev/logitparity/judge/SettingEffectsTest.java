package dev.logitparity.judge;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's table of how far each llama.cpp setting moves log-probabilities from its defaults, re-measured: every
 * documented figure must hold within a factor of {@link #FACTOR} (kernel variants of other CPUs round differently);
 * the F32 cache alone must move nothing (with flash attention on, llama.cpp casts an F32 KV cache to F16); batching
 * must stay below a tenth of what flash attention moves on that model (its figure is not held closer: other CPUs'
 * batched kernels round differently, down to bitwise equal or up to ~1e-3).
 */
class SettingEffectsTest {

    private static final double FACTOR = 4;

    /** One row of each architecture and weight type: the whole table costs 45 captures, these 15. */
    private static final List<String> CHECKED = List.of("gpt2 q8_0", "llama f16", "qwen2 f32");

    @Test
    void theReadmesSettingsTableStillHolds() throws IOException {
        List<String[]> rows = documentedRows();
        assertEquals(9, rows.size(), "one row per generated model and type");
        List<String> stale = new ArrayList<>();
        List<String[]> checked = rows.stream().filter(r -> CHECKED.contains(r[0])).toList();
        assertEquals(CHECKED.size(), checked.size(), "rows checked");
        for (String[] row : checked) {
            String[] model = row[0].split(" ");
            Map<String, Double> measured = SettingEffects.measure(model[0], model[1]);
            int column = 1;
            double flashAttention = measured.values().iterator().next();
            for (Map.Entry<String, Double> setting : measured.entrySet()) {
                double documented = Double.parseDouble(row[column++]);
                double value = setting.getValue();
                boolean holds = switch (setting.getKey()) {
                    case "F32 KV cache" -> value == 0;
                    case "prompt token by token" -> value < flashAttention / 10;
                    default -> value <= documented * FACTOR && value >= documented / FACTOR;
                };
                if (!holds) {
                    stale.add(row[0] + " / " + setting.getKey() + ": README " + documented + ", measured " + value);
                }
            }
        }
        assertTrue(stale.isEmpty(), "stale README figures: " + stale);
    }

    /** The table under "Comparing with an fp32 runtime", each row split into its cells. */
    private static List<String[]> documentedRows() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("| model | flash attention off"))
                .findFirst().orElseThrow());
        List<String[]> rows = new ArrayList<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] cells = lines.get(i).substring(1).split("\\|");
            for (int c = 0; c < cells.length; c++) {
                cells[c] = cells[c].strip();
            }
            rows.add(cells);
        }
        assertFalse(rows.isEmpty());
        return rows;
    }
}
