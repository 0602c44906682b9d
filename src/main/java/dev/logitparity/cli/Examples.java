package dev.logitparity.cli;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.UsageMessageSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The example command lines a command shows at the end of its {@code --help}, each one whole so that it can be copied
 * into a shell: picocli's wrapping would split an example mid-argument at the usage width, so this section is
 * rendered here instead. An example longer than the width is broken between two arguments with a shell line
 * continuation ({@code \}), never inside an argument or a quoted string.
 */
final class Examples implements IHelpSectionRenderer {

    static final String SECTION_KEY = "examples";
    private static final String INDENT = "  ";
    private static final String CONTINUATION_INDENT = "      ";

    /** Implemented by a command that has examples. */
    interface Shown {
        List<String> examples();
    }

    private final List<String> examples;

    private Examples(List<String> examples) {
        this.examples = List.copyOf(examples);
    }

    /** Adds the examples section to every command in {@code root}'s tree whose command object has examples. */
    static void install(CommandLine root) {
        if (root.getCommand() instanceof Shown shown) {
            // on this command's own usage spec: CommandLine's setters would pass the section on to the subcommands
            UsageMessageSpec usage = root.getCommandSpec().usageMessage();
            Map<String, IHelpSectionRenderer> sections = new LinkedHashMap<>(usage.sectionMap());
            sections.put(SECTION_KEY, new Examples(shown.examples()));
            List<String> keys = new ArrayList<>(usage.sectionKeys());
            keys.add(SECTION_KEY);
            usage.sectionMap(sections).sectionKeys(keys);
        }
        root.getSubcommands().values().forEach(Examples::install);
    }

    @Override
    public String render(Help help) {
        StringBuilder out = new StringBuilder(System.lineSeparator()).append("Examples:").append(System.lineSeparator());
        int width = help.commandSpec().usageMessage().width();
        for (String example : examples) {
            out.append(wrap(example, width));
        }
        return out.toString();
    }

    /**
     * {@code example} as lines no wider than {@code width} where it can be, broken only between arguments, and never
     * between an option and its value.
     */
    static String wrap(String example, int width) {
        StringBuilder out = new StringBuilder(INDENT);
        int column = INDENT.length();
        boolean first = true;
        for (String word : units(ShellWords.rawWords(example))) {
            // room for " word \" on this line, else continue on the next
            if (!first && column + 1 + word.length() + 2 > width) {
                out.append(" \\").append(System.lineSeparator()).append(CONTINUATION_INDENT);
                column = CONTINUATION_INDENT.length();
            } else if (!first) {
                out.append(' ');
                column++;
            }
            out.append(word);
            column += word.length();
            first = false;
        }
        return out.append(System.lineSeparator()).toString();
    }

    private static List<String> units(List<String> words) {
        List<String> units = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.startsWith("-") && i + 1 < words.size() && !words.get(i + 1).startsWith("-")) {
                word += " " + words.get(++i);
            }
            units.add(word);
        }
        return units;
    }
}
