package dev.logitparity.peers;

import dev.logitparity.BadInputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** What {@code --against} names: the other side of the comparison. */
public sealed interface AgainstSpec {

    /** Another GGUF, captured by the same bridge with the same prompt and settings (e.g. the Q8_0 twin). */
    record Model(Path gguf) implements AgainstSpec {
    }

    /** A file or folder another runtime wrote (trace folder, JSON-lines dump, apr JSON, oracle JSON, .bin). */
    record Dump(Path path) implements AgainstSpec {
    }

    /** The real {@code apr} (on PATH, or the one {@code --apr} names), run on the same model and prompt. */
    record Apr(AprRunner runner) implements AgainstSpec {
    }

    /** The same libllama under other settings, in a child JVM because some settings are process-wide. */
    record LlamaCpp(Map<String, String> settings) implements AgainstSpec {
    }

    /** Reserved for the pure-Java reference engine. */
    record Reference() implements AgainstSpec {
    }

    String LLAMA_CPP_PREFIX = "llama.cpp:";

    static AgainstSpec parse(String text) {
        if (text.equals("apr")) {
            return new Apr(AprRunner.onPath());
        }
        if (text.equals("reference")) {
            return new Reference();
        }
        if (text.equals("llama.cpp") || text.startsWith(LLAMA_CPP_PREFIX)) {
            return new LlamaCpp(settings(text.equals("llama.cpp") ? "" : text.substring(LLAMA_CPP_PREFIX.length())));
        }
        Path path = Path.of(text);
        if (!Files.exists(path)) {
            throw new BadInputException("--against " + text + ": no such file or folder (or: apr, reference, "
                    + "llama.cpp:KEY=VALUE,...)");
        }
        return isGguf(path) ? new Model(path) : new Dump(path);
    }

    private static Map<String, String> settings(String list) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String item : list.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            String[] kv = item.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                throw new BadInputException("--against llama.cpp:" + list + ": '" + item + "' is not KEY=VALUE");
            }
            String key = kv[0].strip();
            if (!LlamaCppSetting.KEYS.contains(key)) {
                throw new BadInputException("--against llama.cpp:" + list + ": unknown setting '" + key
                        + "' (known: " + String.join(", ", LlamaCppSetting.KEYS) + ")");
            }
            out.put(key, kv[1].strip());
        }
        return out;
    }

    /** By content: a GGUF starts with the bytes "GGUF", whatever its name. */
    private static boolean isGguf(Path path) {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(path)) {
            return Arrays.equals(in.readNBytes(4), "GGUF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new BadInputException("--against " + path + ": cannot read: " + e.getMessage());
        }
    }
}
