package dev.logitparity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** This build's version, as Maven wrote it into the jar: the one place traces, reports and --version read it. */
public final class Version {
    private static final String CURRENT = load();

    private Version() {
    }

    /** e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String current() {
        return CURRENT;
    }

    /** What a trace or report records as its writer, e.g. {@code logit-parity 0.1.0-SNAPSHOT}. */
    public static String tool() {
        return "logit-parity " + CURRENT;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("dev/logitparity/version.properties is missing from the build");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
