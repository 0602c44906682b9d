package dev.logitparity.junit;

import org.junit.jupiter.params.provider.ArgumentsSource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Feeds a {@code @ParameterizedTest} one {@link OracleTestCase} per oracle case, {@code <oracle>/<model>/<prompt>.json}
 * (the Hugging Face oracle schema: {@code model, model_slug, prompt, tokens, text, max_new_tokens, do_sample}), in
 * path order, each with the local GGUF its {@code model_slug} maps to:
 * <pre>{@code
 * @ParameterizedTest
 * @OracleCasesSource
 * void followsTheOracle(OracleTestCase c) { ... c.model() ... }
 * }</pre>
 * A case whose model file is absent is skipped with the missing path ({@link OracleTestCase#model()}); a malformed case
 * file fails the whole test with a one-line message naming it. An empty attribute falls back, in order, to the JUnit
 * configuration parameter (a {@code -D} system property, or {@code junit-platform.properties}), an environment
 * variable (models only), then a folder relative to the working directory. Needs JUnit 5.13 or later.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ArgumentsSource(OracleCasesProvider.class)
public @interface OracleCasesSource {

    /** The oracle folder; default: configuration parameter {@code logitparity.oracle}, else {@code oracle}. */
    String oracle() default "";

    /**
     * Where the GGUFs are: a folder of {@code <slug>.gguf} files or a {@code slug=path} properties file (relative
     * paths from the file's folder); {@code LOGIT_PARITY_MODEL_<SLUG>} overrides either for one slug. Default:
     * configuration parameter {@code logitparity.models}, else environment variable {@code LOGIT_PARITY_MODELS}, else
     * {@code models}. It must exist: a mistyped location would otherwise skip every case quietly.
     */
    String models() default "";
}
