package com.example;

import static dev.logitparity.junit.LogitAssertions.assertThat;

import dev.logitparity.compare.Band;
import dev.logitparity.compare.Verdict;
import dev.logitparity.junit.OracleCasesSource;
import dev.logitparity.junit.OracleTestCase;
import dev.logitparity.junit.Traces;
import dev.logitparity.trace.Trace;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

class MyRuntimeTest {
    static final Path MODEL = Path.of(System.getProperty("logitparity.models"), "llama-f32.gguf");
    static final String PROMPT = "The capital of France is";

    @Test
    void myRuntimeHasNoBugAgainstLlamaCpp(@TempDir Path dir) {
        Path dump = MyRuntime.generate(MODEL, PROMPT, 16, dir.resolve("myrt.jsonl"));
        Trace mine = Traces.read(dump, MODEL);
        Trace llama = Traces.llamaCppOn(MODEL, mine);  // llama.cpp fed my runtime's prompt and tokens
        assertThat(mine).as("myrt on llama-f32").within(Band.defaults()).hasNoBugAgainst(llama);
    }

    @Test
    void aWeightsBugIsCaughtAtStepZero(@TempDir Path dir) {
        Path dump = MyRuntime.generateBroken(MODEL, PROMPT, 16, dir.resolve("broken.jsonl"));
        Trace broken = Traces.read(dump, MODEL);
        Trace llama = Traces.llamaCppOn(MODEL, broken);
        assertThat(broken).divergesFrom(llama).hasVerdict(Verdict.LOGIT_MISMATCH);
    }

    @ParameterizedTest
    @OracleCasesSource
    void myRuntimeHasNoBugOnEveryOracleCase(OracleTestCase c, @TempDir Path dir) {
        Path dump = MyRuntime.generate(c.model(), c.oracle().prompt(), c.oracle().tokens().length,
                dir.resolve("myrt.jsonl"));
        Trace mine = Traces.read(dump, c.model());
        Trace llama = Traces.llamaCppOn(c.model(), mine);
        assertThat(mine).as(c.displayName()).hasNoBugAgainst(llama);
    }
}
