import dev.logitparity.llama.ContextSettings;
import dev.logitparity.llama.LlamaContext;
import dev.logitparity.llama.LlamaEngine;
import dev.logitparity.llama.LlamaLibrary;
import dev.logitparity.llama.LlamaModel;
import dev.logitparity.llama.ModelSettings;
import dev.logitparity.trace.Trace;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * llama.cpp's greedy tokens with the F32 KV cache and flash attention off (its settings nearest an fp32 runtime),
 * one line of space-separated ids per prompt line: what models/train/hf_check.py compares Hugging Face with.
 * {@code java --enable-native-access=ALL-UNNAMED -cp 'target/logit-parity.jar:target/lib/*'
 * models/train/LlamaGreedy.java MODEL.gguf PROMPTS.txt STEPS}
 */
public final class LlamaGreedy {
    public static void main(String[] args) throws Exception {
        ContextSettings d = ContextSettings.defaults();
        ContextSettings f32Kv = new ContextSettings(d.contextLength(), d.batch(), d.microBatch(), d.threads(),
                d.threadsBatch(), false, ContextSettings.KvType.F32);
        int steps = Integer.parseInt(args[2]);
        try (LlamaModel model = LlamaLibrary.load().loadModel(Path.of(args[0]), ModelSettings.defaults())) {
            for (String prompt : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
                try (LlamaContext context = model.newContext(f32Kv);
                     Trace trace = new LlamaEngine(context).freeRun(prompt, steps, false)) {
                    System.out.println(IntStream.of(trace.tokens()).mapToObj(Integer::toString)
                            .collect(Collectors.joining(" ")));
                }
            }
        }
    }
}
