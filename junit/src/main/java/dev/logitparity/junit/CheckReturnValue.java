package dev.logitparity.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The result must be used: on the calls that start or configure an assertion and check nothing yet, so a statement
 * such as {@code assertThat(mine).within(band);} is flagged. Error Prone (an error) and IntelliJ IDEA's ignored-result
 * inspection recognise any annotation of this simple name, as AssertJ relies on for its own {@code assertThat}: no
 * dependency is needed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CheckReturnValue {
}
