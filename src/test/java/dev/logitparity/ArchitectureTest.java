package dev.logitparity;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering the package names promise: GGUF and row maths at the bottom, then traces, the engines that make them,
 * the readers of other runtimes, the comparison, the judgement that runs engines to settle it, the outputs, and the
 * command line on top. Each layer names the layers it may use; an edge upwards (a reader reaching into the
 * comparison, the reference into llama.cpp) fails here.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.logitparity");

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Base").definedBy("dev.logitparity", "dev.logitparity.files..", "dev.logitparity.logits..",
                        "dev.logitparity.tokenization..")
                .layer("Gguf").definedBy("dev.logitparity.gguf..")
                .layer("Bindings").definedBy("dev.logitparity.llama.ffi..")
                .layer("Trace").definedBy("dev.logitparity.trace..")
                .layer("Engine").definedBy("dev.logitparity.engine..")
                .layer("Llama").definedBy("dev.logitparity.llama")
                .layer("Reference").definedBy("dev.logitparity.reference..")
                .layer("Synthetic").definedBy("dev.logitparity.synthetic..")
                .layer("Sources").definedBy("dev.logitparity.sources..")
                .layer("Peers").definedBy("dev.logitparity.peers..")
                .layer("Oracle").definedBy("dev.logitparity.oracle..")
                .layer("Compare").definedBy("dev.logitparity.compare..")
                .layer("Judge").definedBy("dev.logitparity.judge..")
                .layer("Export").definedBy("dev.logitparity.export..")
                .layer("Report").definedBy("dev.logitparity.report..")
                .layer("Matrix").definedBy("dev.logitparity.matrix..")
                .layer("Cli").definedBy("dev.logitparity.cli..")
                .whereLayer("Base").mayNotAccessAnyLayer()
                .whereLayer("Gguf").mayOnlyAccessLayers("Base")
                .whereLayer("Bindings").mayNotAccessAnyLayer()
                .whereLayer("Trace").mayOnlyAccessLayers("Base")
                .whereLayer("Engine").mayOnlyAccessLayers("Trace", "Base")
                .whereLayer("Llama").mayOnlyAccessLayers("Engine", "Bindings", "Gguf", "Trace", "Base")
                .whereLayer("Reference").mayOnlyAccessLayers("Engine", "Gguf", "Trace", "Base")
                .whereLayer("Synthetic").mayOnlyAccessLayers("Gguf", "Base")
                .whereLayer("Sources").mayOnlyAccessLayers("Trace", "Base")
                .whereLayer("Peers").mayOnlyAccessLayers("Trace", "Base")
                .whereLayer("Oracle").mayOnlyAccessLayers("Sources", "Trace", "Base")
                .whereLayer("Compare").mayOnlyAccessLayers("Trace", "Base")
                .whereLayer("Judge").mayOnlyAccessLayers("Compare", "Engine", "Llama", "Reference", "Sources", "Peers",
                        "Gguf", "Trace", "Base")
                .whereLayer("Export").mayOnlyAccessLayers("Trace", "Base")
                .whereLayer("Report").mayOnlyAccessLayers("Compare", "Trace", "Base")
                .whereLayer("Matrix").mayOnlyAccessLayers("Judge", "Compare", "Report", "Oracle", "Peers", "Llama",
                        "Engine", "Trace", "Base")
                .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
                .check(MAIN);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.logitparity.(**)").should().beFreeOfCycles().check(MAIN);
    }
}
