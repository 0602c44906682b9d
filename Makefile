# logit-parity build. Every target finds a JDK >= 25 itself (bin/find-jdk); the machine's default java is not used.
SHELL := /bin/bash
JAVA_HOME := $(shell bin/find-jdk)
export JAVA_HOME
# Maven 3.8 itself touches sun.misc.Unsafe; on JDK 25 that only prints warnings.
export MAVEN_OPTS ?= --sun-misc-unsafe-memory-access=allow
MVN := mvn -B -q -Dstyle.color=never
# A build step whose output is kept out of the job's log: Maven's, to a log file shown (without colour codes) only
# when the step fails. Debian's Maven 3.8 writes ANSI resets even in batch mode with -q and style.color=never.
BUILD_LOG := target/build.log
quietly = @mkdir -p target; $(1) >$(BUILD_LOG) 2>&1 || { sed 's/\x1b\[[0-9;]*m//g' $(BUILD_LOG) >&2; exit 1; }
JAVA := $(JAVA_HOME)/bin/java --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector
JAR := target/logit-parity.jar
CP := $(JAR):target/lib/*
PROMPT ?= The capital of France is
STEPS ?= 32

.PHONY: all native native-from-source bindings build models bench-models test demo bench bench-compare \
	bench-reference bench-jmh bench-sensitivity bench-settings clean

all: build

## Pinned prebuilt libllama (npm) + matching llama.cpp source, sha256-checked. Idempotent.
native:
	@native/fetch.sh

## Build libllama from the pinned source with cmake instead (e.g. for a CUDA build: CMAKE_ARGS=-DGGML_CUDA=ON).
## Use it with LOGIT_PARITY_LIB=native/build/bin.
native-from-source: native
	cmake -S native/llama.cpp -B native/build -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=ON \
	  -DGGML_BACKEND_DL=ON -DGGML_CPU_ALL_VARIANTS=ON -DGGML_NATIVE=OFF -DLLAMA_BUILD_TESTS=OFF \
	  -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_SERVER=OFF -DLLAMA_CURL=OFF $(CMAKE_ARGS)
	cmake --build native/build --config Release -j $$(nproc) --target llama
	@echo "built: native/build/bin (run with LOGIT_PARITY_LIB=$$PWD/native/build/bin)"

## Regenerate bindings/ with jextract (not obtainable from this machine's registries; the committed sources are
## written in its shape and checked by LayoutProbeTest).
bindings: native
	@command -v jextract >/dev/null || { echo "jextract is not on PATH; bindings/ stays as committed" >&2; exit 1; }
	jextract --output bindings --target-package dev.logitparity.llama.ffi --header-class-name llama_h \
	  -I native/llama.cpp/include -I native/llama.cpp/ggml/include @bindings/includes.txt \
	  native/llama.cpp/include/llama.h

# The core module alone (core.pom.xml: the library and the command line); its jar and dependencies land in target/.
CORE := $(MVN) -f core.pom.xml

build: native
	$(call quietly,$(CORE) package -DskipTests)
	$(call quietly,$(CORE) dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/lib)
	@echo "built $(JAR) (dependencies in target/lib)"

## Small generated GGUFs (gpt2, llama, qwen2 x F32, F16, Q8_0) with the real tokenizers, and the F16 and Q8_0
## twins of the committed trained model (models/README.md). Deterministic.
models: build
	@echo "generating the test models in models/:"
	@$(JAVA) -cp '$(CP)' dev.logitparity.cli.Main make-models --vocab-dir native/llama.cpp/models --out models \
	  --twins-of models/kjv-llama-f32.gguf

## Realistic-shape models for benchmarks (Qwen2-0.5B shape is ~530 MB; its F32 twin, for divergence-locate's
## end-to-end case, ~2 GB).
bench-models: build
	@echo "generating the test models in models/:"
	@$(JAVA) -cp '$(CP)' dev.logitparity.cli.Main make-models --vocab-dir native/llama.cpp/models --out models --shapes bench

# Not quiet: Surefire's per-class and closing "Tests run:" lines are the record of what ran. One reactor build: the
# core, the JUnit artifact (junit/), and the README's example of a user's project (junit/example/), which runs on this
# checkout's library, generated models (made by the core's tests) and oracle/generated cases.
test: native
	mvn -B install -Dlogitparity.home=$(CURDIR)

## The main job on built-in defaults: the trained model's Q8_0 twin judged against the noise floor, then where a
## random-weight model's Q8_0 twin parts from its F32 original, and why.
## (exit 1 = a divergence was found, which is the point of the demo)
demo: models
	@echo "== 1. A trained model against its Q8_0 twin: is the quantisation noise or a bug? =="
	bin/divergence-locate models/kjv-llama-f32.gguf "$(PROMPT)" --against models/kjv-llama-q8_0.gguf \
	  --steps $(STEPS) || [ $$? -eq 1 ]
	@echo "== 2. A random-weight model against its Q8_0 twin: where do they part, and why? =="
	bin/divergence-locate models/qwen2-f32.gguf "$(PROMPT)" --against models/qwen2-q8_0.gguf --steps $(STEPS) \
	  --arbiter --csv target/demo/steps.csv --npy target/demo/logits --chart target/demo/chart.png \
	  --html target/demo/report.html || [ $$? -eq 1 ]

## Throughput of greedy decode with full-vocabulary capture vs without, on the Qwen2-0.5B-shaped Q8_0 model, then
## interleaved with llama.cpp's own greedy loop in C (src/test/c/greedy-loop.c, built here against native/lib).
bench: bench-models target/bench/greedy-loop
	$(call quietly,$(CORE) test-compile)
	$(JAVA) -Xmx6g -cp '$(CP):target/test-classes' dev.logitparity.bench.CaptureBench \
	  models/qwen2-0.5b-shape-q8_0.gguf 64 5 target/bench/greedy-loop

target/bench/greedy-loop: src/test/c/greedy-loop.c | native
	@mkdir -p target/bench
	$(CC) -O2 -std=c11 -Wall -Wextra -Inative/llama.cpp/include -Inative/llama.cpp/ggml/include $< -o $@ \
	  native/lib/libllama.v0.4.0.so native/lib/libggml.v0.4.0.so native/lib/libggml-base.so \
	  -Wl,-rpath,'$$ORIGIN/../../native/lib'

target/bench/q8-dot: src/test/c/q8-dot.c
	@mkdir -p target/bench
	$(CC) -O3 -std=c11 -Wall -Wextra -mavx2 -mf16c -ffp-contract=off $< -o $@

## Comparator throughput on two 256-step x 151,936-vocab traces (GB/s of logits compared, heap used), warm, on the
## Vector API passes (COMPARE_KERNEL=scalar times the scalar ones; by default a comparison this size takes those).
## B is A plus Gaussian noise of sd COMPARE_SD (1e-3: two runtimes rounding differently; 0.3: a quantisation).
COMPARE_KERNEL ?= vector
COMPARE_SD ?= 1e-3
bench-compare: build
	$(call quietly,$(CORE) test-compile)
	$(JAVA) -Xmx64m -Dlogitparity.compare.kernel=$(COMPARE_KERNEL) -cp '$(CP):target/test-classes' \
	  dev.logitparity.bench.CompareBench target/compare-bench 256 151936 5 $(COMPARE_SD)

## The reference's projection kernel, vector against scalar, and its Q8_0 loop in C (src/test/c/q8-dot.c, the JIT's
## anchor); then the reference engine beside llama.cpp (same model, prompt, threads; interleaved rounds): 16 steps x 3
## rounds on the SmolLM-135M, GPT-2-124M and Qwen2-0.5B shapes.
bench-reference: bench-models target/bench/q8-dot
	$(call quietly,$(CORE) test-compile)
	$(JAVA) -cp '$(CP):target/test-classes' dev.logitparity.reference.MatVecBench
	target/bench/q8-dot
	$(JAVA) -Xmx4g -cp '$(CP):target/test-classes' dev.logitparity.bench.ReferenceBench 16 3

## JMH micro-benchmarks of the kernels (bench/): exp (Math, FastExp, VectorExp), the reference's dot product (vector
## vs scalar; F32, F16, Q8_0; 896 and 4,864 columns in cache) and F16/Q8_0 row decode; about 3 minutes. JMH's own
## arguments go in JMH, e.g. make bench-jmh JMH='-f 1 -wi 3 -i 3 DotBench -p type=Q8_0' (-h lists them).
JMH ?= -f 1 -wi 3 -w 1s -i 5 -r 1s
bench-jmh:
	$(call quietly,$(MVN) -pl bench -am package -DskipTests)
	$(JAVA) --sun-misc-unsafe-memory-access=allow -jar bench/target/benchmarks.jar $(JMH)

## The README's settings table: how far each llama.cpp setting moves log-probabilities from its defaults.
bench-settings: models
	$(call quietly,$(CORE) test-compile)
	$(JAVA) -cp '$(CP):target/test-classes' dev.logitparity.judge.SettingEffects

## The README's sensitivity table: the smallest single-tensor scaling the noise-floor verdict still calls a bug.
bench-sensitivity: models
	$(call quietly,$(CORE) test-compile)
	$(JAVA) -Xmx2g -cp '$(CP):target/test-classes' dev.logitparity.bench.SensitivitySweep

clean:
	rm -rf target
