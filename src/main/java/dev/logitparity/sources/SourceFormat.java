package dev.logitparity.sources;

import dev.logitparity.trace.Trace;

import java.nio.file.Path;

/** The formats {@link TraceSources} reads, each with how a user would recognise it. */
public enum SourceFormat {
    NATIVE("logit-parity trace folder (trace.json + logits.npy)", NativeTraceSource::read),
    HF_ORACLE("Hugging Face oracle JSON (model_slug, prompt, tokens)", HfOracleReader::read),
    APR_JSON("apr run --json output (text and/or tokens)", AprJsonReader::read),
    LOGIT_JSONL("logit-parity JSON lines (optional header, then {\"step\",\"token\",\"logits\"|\"top\"} per line)",
            LogitJsonlReader::read),
    LLAMA_CPP_BIN("llama.cpp llama-debug --save-logits files (NAME.bin float32 logits + NAME-tokens.bin int32 ids)",
            LlamaCppBinReader::read);

    private final String description;
    private final SourceReader reader;

    SourceFormat(String description, SourceReader reader) {
        this.description = description;
        this.reader = reader;
    }

    public String description() {
        return description;
    }

    /** Reads {@code path} as this format, whatever its content looks like. */
    public Trace read(Path path, SourceContext ctx) {
        return reader.read(path, ctx);
    }
}
