package dev.logitparity.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.logitparity.engine.GreedyRecorder;
import dev.logitparity.files.AtomicFile;
import dev.logitparity.llama.LlamaLibrary;
import dev.logitparity.llama.LlamaModel;
import dev.logitparity.oracle.OracleCase;
import dev.logitparity.oracle.OracleCatalog;
import dev.logitparity.reference.ReferenceEngine;
import dev.logitparity.reference.ReferenceModel;
import dev.logitparity.trace.Trace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code divergence-locate make-oracle}: oracle cases for models no Hugging Face run exists for (the generated ones),
 * in the HF oracle schema, with the pure-Java f64 reference engine as the oracle.
 */
@Command(name = "make-oracle", mixinStandardHelpOptions = true,
        description = "Writes --out DIR/<slug>/<prompt>.json oracle cases (--out required) for GGUF models, the expected tokens being the "
                + "f64 reference engine's greedy run, for the prompts of the cases in --prompts-from. The first "
                + "example regenerates the shipped cases of the generated models.")
final class MakeOracleCommand implements Callable<Integer>, Examples.Shown {

    @Parameters(paramLabel = "MODEL", arity = "1..*", description = "GGUF models; the slug is the file name "
            + "without .gguf.")
    List<Path> models;

    @Option(names = "--prompts-from", defaultValue = "oracle", paramLabel = "DIR",
            description = "Oracle folder whose cases' prompts to use (default: oracle).")
    Path promptsFrom;

    @Mixin
    OutOption out;

    @Mixin
    StepsOption steps;

    @Mixin
    LlamaOptions llama;

    @Spec
    CommandSpec spec;

    @Override
    public List<String> examples() {
        return List.of("divergence-locate make-oracle models/gpt2-f32.gguf models/llama-f32.gguf "
                + "models/qwen2-f32.gguf models/kjv-llama-f32.gguf --prompts-from oracle --out oracle/generated");
    }

    @Override
    public Integer call() throws IOException {
        Map<String, String> prompts = new LinkedHashMap<>();
        for (OracleCase c : OracleCatalog.cases(promptsFrom)) {
            prompts.putIfAbsent(c.name(), c.prompt());
        }
        int steps = this.steps.steps();
        Path folder = out.required(spec);
        LlamaLibrary library = llama.library();
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        for (Path gguf : models) {
            String slug = gguf.getFileName().toString().replaceFirst("\\.gguf$", "");
            try (LlamaModel model = library.loadModel(gguf, llama.modelSettings());
                 ReferenceModel reference = ReferenceModel.open(gguf)) {
                for (var prompt : prompts.entrySet()) {
                    Path file = folder.resolve(slug).resolve(prompt.getKey() + ".json");
                    try (Trace trace = new GreedyRecorder(new ReferenceEngine(reference))
                            .freeRun(prompt.getValue(), model.vocab().tokenize(prompt.getValue()), steps, false)) {
                        Map<String, Object> oracleCase = new LinkedHashMap<>();
                        oracleCase.put("model", gguf.getFileName().toString());
                        oracleCase.put("model_slug", slug);
                        oracleCase.put("prompt", prompt.getValue());
                        oracleCase.put("runtime", "logit-parity reference engine");
                        oracleCase.put("format", "f64");
                        oracleCase.put("tokens", trace.tokens());
                        oracleCase.put("text", model.vocab().detokenize(trace.tokens()));
                        oracleCase.put("token_count", trace.steps());
                        oracleCase.put("max_new_tokens", steps);
                        oracleCase.put("do_sample", false);
                        String text = json.writeValueAsString(oracleCase) + "\n";
                        AtomicFile.write(file, temp -> Files.writeString(temp, text));
                    }
                    spec.commandLine().getOut().println(file);
                }
            }
        }
        return 0;
    }
}
