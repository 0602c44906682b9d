package dev.logitparity.oracle;

import dev.logitparity.BadInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The cases of an oracle folder: {@code <dir>/<model>/<prompt>.json}, in path order. */
public final class OracleCatalog {

    private OracleCatalog() {
    }

    /** @throws BadInputException naming the folder when it has no case, or the file when one is malformed */
    public static List<OracleCase> cases(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir + ": no such oracle folder");
        }
        try (Stream<Path> files = Files.find(dir, 2, (p, a) -> a.isRegularFile()
                && p.getFileName().toString().endsWith(".json") && !p.getParent().equals(dir))) {
            List<OracleCase> cases = files.sorted().map(OracleCase::read).toList();
            if (cases.isEmpty()) {
                throw new BadInputException(dir + ": no <model>/<prompt>.json oracle case");
            }
            return cases;
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot list: " + e.getMessage());
        }
    }
}
