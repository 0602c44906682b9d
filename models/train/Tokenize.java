import dev.logitparity.llama.LlamaLibrary;
import dev.logitparity.llama.LlamaModel;
import dev.logitparity.llama.ModelSettings;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Tokenises text with llama.cpp itself, through the project's bridge, so the training data is split exactly as
 * llama.cpp splits a prompt (BOS first). One document per input line; one line of space-separated ids per document.
 * Run from the repository root after {@code make build}:
 * {@code java --enable-native-access=ALL-UNNAMED -cp 'target/logit-parity.jar:target/lib/*'
 * models/train/Tokenize.java MODEL.gguf IN.txt OUT.txt}
 */
public final class Tokenize {
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: Tokenize MODEL.gguf IN.txt OUT.txt");
            System.exit(2);
        }
        try (LlamaModel model = LlamaLibrary.load().loadModel(Path.of(args[0]), ModelSettings.defaults());
             BufferedWriter out = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) {
            for (String line : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
                int[] ids = model.vocab().tokenize(line);
                out.write(IntStream.of(ids).mapToObj(Integer::toString).collect(Collectors.joining(" ")));
                out.newLine();
            }
        }
    }
}
