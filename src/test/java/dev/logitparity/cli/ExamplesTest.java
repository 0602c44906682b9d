package dev.logitparity.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Help;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every example a user can copy works: each command's {@code --help} shows its examples whole at any width (broken
 * only between arguments, with a shell continuation), every one of them and every command line in README.md parses,
 * and those that are cheap on the generated models (no apr, no real model, no files written into the checkout) run
 * with the exit status written here.
 */
class ExamplesTest {

    /**
     * The examples that run here, and the exit status each gives: 0 no divergence, 1 a divergence (the twin's and the
     * gpt2 Q8_0 model's are near-tie flips), never 2 (usage) or 3 (a crash).
     */
    private static final Map<String, Integer> EXPECTED_STATUS = Map.of(
            "divergence-locate models/qwen2-f32.gguf \"The capital of France is\" --against models/qwen2-q8_0.gguf", 1,
            "divergence-locate models/gpt2-q8_0.gguf \"Hello\" --against reference --steps 8", 1,
            // the Q8_0 weights flip step 5 by 0.34 nats, far beyond any CPU kernel's difference
            "divergence-locate models/llama-q8_0.gguf \"Hello\" --against models/llama-f32.gguf --steps 8 --layers", 1,
            "divergence-locate capture models/qwen2-f32.gguf \"The capital of France is\" --steps 16", 0,
            "divergence-locate models/kjv-llama-f32.gguf PROMPT --against models/kjv-llama-q8_0.gguf", 0,
            "bin/divergence-locate models/qwen2-f32.gguf \"The capital of France is\" --against models/qwen2-q8_0.gguf "
                    + "--chart target/chart.png --html target/report.html", 1);

    private static final Set<String> WRITING_OPTIONS = Set.of("--out", "--csv", "--npy", "--chart", "--html");

    @ParameterizedTest
    @ValueSource(ints = {55, 80, 160})
    void everyCommandShowsItsExamplesWholeWithinTheWidth(int width) {
        CommandLine root = commandLine();
        root.setUsageHelpAutoWidth(false);
        root.setUsageHelpWidth(width);
        for (CommandLine command : tree(root)) {
            String help = command.getUsageMessage(Help.Ansi.OFF);
            List<String> section = help.lines().dropWhile(line -> !line.equals("Examples:")).skip(1).toList();
            assertFalse(section.isEmpty(), command.getCommandName() + " has no examples:\n" + help);
            section.forEach(line -> assertTrue(line.length() <= width, "wider than " + width + ": " + line));
            assertEquals(((Examples.Shown) command.getCommand()).examples(), joined(section),
                    command.getCommandName() + " at width " + width);
        }
    }

    @Test
    void anExampleLongerThanTheWidthBreaksBetweenArgumentsKeepingOptionAndValueTogether() {
        assertEquals("""
                  divergence-locate m.gguf "a b c" \\
                      --against llama.cpp:threads=1 \\
                      --json
                """, Examples.wrap("divergence-locate m.gguf \"a b c\" --against llama.cpp:threads=1 --json", 40));
    }

    @Test
    void everyHelpExampleParsesAsTheCommandItIsShownUnder() {
        for (CommandLine command : tree(commandLine())) {
            for (String example : ((Examples.Shown) command.getCommand()).examples()) {
                CommandLine.ParseResult parsed = parse(example);
                while (parsed.hasSubcommand()) {
                    parsed = parsed.subcommand();
                }
                assertEquals(command.getCommandName(), parsed.commandSpec().name(), example);
            }
        }
    }

    @Test
    void everyReadmeCommandLineParses() throws IOException {
        List<String> lines = readmeCommandLines();
        assertTrue(lines.size() >= 10, "found only " + lines);
        lines.forEach(ExamplesTest::parse);
    }

    @Test
    void theCheapExamplesRunWithTheirExpectedExitStatus() throws IOException {
        List<String> all = new ArrayList<>();
        tree(commandLine()).forEach(c -> all.addAll(((Examples.Shown) c.getCommand()).examples()));
        all.addAll(readmeCommandLines());
        Set<String> cheap = new LinkedHashSet<>(all.stream().filter(ExamplesTest::cheap).toList());
        assertEquals(EXPECTED_STATUS.keySet(), cheap, "every cheap example needs an expected status here");
        for (String example : cheap) {
            List<String> words = ShellWords.arguments(example);
            CliRun run = CliRun.of(words.subList(1, words.size()).toArray(String[]::new));
            assertEquals(EXPECTED_STATUS.get(example), run.status(), example + "\n" + run.err());
        }
    }

    /**
     * Runs on the small generated models alone (not the real-model shapes of {@code make bench-models}: seconds to
     * minutes each), writes nothing into the checkout but target/, needs no other runtime.
     */
    private static boolean cheap(String example) {
        List<String> words = ShellWords.arguments(example);
        List<String> models = words.stream().filter(w -> w.endsWith(".gguf")).toList();
        boolean modelsPresent = !models.isEmpty() && models.stream().allMatch(w -> Files.isRegularFile(Path.of(w)))
                && models.stream().noneMatch(w -> w.contains("-shape-"));
        boolean writesOutsideTarget = false;
        for (int i = 0; i < words.size() - 1; i++) {
            if (WRITING_OPTIONS.contains(words.get(i))
                    && !words.get(i + 1).startsWith("target/")) {
                writesOutsideTarget = true;
            }
        }
        return modelsPresent && !writesOutsideTarget && !words.contains("apr")
                && !List.of("matrix", "make-models", "make-oracle").contains(words.get(1));
    }

    private static CommandLine.ParseResult parse(String example) {
        List<String> words = ShellWords.arguments(example);
        assertTrue(words.getFirst().endsWith("divergence-locate"), example);
        try {
            return commandLine().parseArgs(words.subList(1, words.size()).toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            return fail(example + ": " + e.getMessage());
        }
    }

    /**
     * Command lines in README.md: in code blocks, lines starting with {@code bin/divergence-locate} (or after a
     * {@code $} prompt), continued by a trailing backslash; in running text, code spans naming the command. Synopses
     * ({@code [--opt]}, {@code A|B}, {@code ...}) describe the syntax and are not command lines.
     */
    static List<String> readmeCommandLines() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        List<String> found = new ArrayList<>();
        boolean inBlock = false;
        StringBuilder prose = new StringBuilder();
        List<String> lines = readme.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().startsWith("```")) {
                inBlock = !inBlock;
                continue;
            }
            if (!inBlock) {
                prose.append(line).append(' ');
                continue;
            }
            String command = line.strip().replaceFirst("^\\$ ", "");
            if (command.startsWith("bin/divergence-locate")) {
                while (command.endsWith("\\")) {
                    command = command.substring(0, command.length() - 1).strip() + " " + lines.get(++i).strip();
                }
                found.add(command);
            }
        }
        Matcher spans = Pattern.compile("`((?:bin/)?divergence-locate [^`]+)`").matcher(prose.toString().replaceAll("\\s+", " "));
        while (spans.find()) {
            found.add(spans.group(1).strip());
        }
        return found.stream().filter(c -> !c.matches(".*(\\[|\\||\\.\\.\\.).*")).distinct().toList();
    }

    private static List<String> joined(List<String> section) {
        List<String> examples = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : section) {
            String text = line.strip();
            boolean continues = text.endsWith(" \\");
            current.append(current.isEmpty() ? "" : " ").append(continues ? text.substring(0, text.length() - 2) : text);
            if (!continues) {
                examples.add(current.toString());
                current.setLength(0);
            }
        }
        return examples;
    }

    private static List<CommandLine> tree(CommandLine root) {
        List<CommandLine> all = new ArrayList<>(List.of(root));
        root.getSubcommands().values().forEach(sub -> all.addAll(tree(sub)));
        return all;
    }

    private static CommandLine commandLine() {
        return Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false);
    }
}
