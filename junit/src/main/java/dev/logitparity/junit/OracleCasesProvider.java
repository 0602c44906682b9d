package dev.logitparity.junit;

import dev.logitparity.oracle.ModelMap;
import dev.logitparity.oracle.OracleCatalog;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.AnnotationBasedArgumentsProvider;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.support.ParameterDeclarations;

/** Reads the cases of {@link OracleCasesSource}; malformed input fails with the core's one-line message. */
public final class OracleCasesProvider extends AnnotationBasedArgumentsProvider<OracleCasesSource> {
    public static final String ORACLE_PARAMETER = "logitparity.oracle";
    public static final String MODELS_PARAMETER = "logitparity.models";
    public static final String MODELS_ENV = "LOGIT_PARITY_MODELS";
    /** {@code true}: a case whose GGUF is absent fails instead of being skipped (CI, where every model is set up). */
    public static final String MODELS_REQUIRED_PARAMETER = "logitparity.models.required";

    @Override
    protected Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context,
                                                           OracleCasesSource source) {
        Path oracle = Path.of(firstSet(source.oracle(), context.getConfigurationParameter(ORACLE_PARAMETER)
                .orElse(null), null, "oracle"));
        Path models = Path.of(firstSet(source.models(), context.getConfigurationParameter(MODELS_PARAMETER)
                .orElse(null), System.getenv(MODELS_ENV), "models"));
        ModelMap map = ModelMap.of(models);
        boolean required = context.getConfigurationParameter(MODELS_REQUIRED_PARAMETER, Boolean::parseBoolean)
                .orElse(false);
        return OracleCatalog.cases(oracle).stream().map(c -> {
            OracleTestCase testCase = new OracleTestCase(c, map.locate(c.modelSlug()), models, required);
            return Arguments.argumentSet(testCase.displayName(), testCase);
        });
    }

    private static String firstSet(String attribute, String parameter, String environment, String fallback) {
        return Stream.of(attribute, parameter, environment)
                .filter(value -> value != null && !value.isBlank())
                .findFirst().orElse(fallback);
    }
}
