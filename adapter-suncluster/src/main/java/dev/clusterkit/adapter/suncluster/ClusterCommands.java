package dev.clusterkit.adapter.suncluster;

import dev.clusterkit.core.lint.Location;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.lint.shell.ShellCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Sun Cluster 3.2+ object commands of a script, read into what they do: types registered,
 * groups created and brought online, resources created or changed with their properties.
 */
final class ClusterCommands {
  /** The cl* commands and their short aliases, by canonical name. */
  private static final Map<String, String> COMMANDS = Map.ofEntries(
      Map.entry("clresource", "clresource"), Map.entry("clrs", "clresource"),
      Map.entry("clresourcegroup", "clresourcegroup"), Map.entry("clrg", "clresourcegroup"),
      Map.entry("clresourcetype", "clresourcetype"), Map.entry("clrt", "clresourcetype"),
      Map.entry("clreslogicalhostname", "clreslogicalhostname"), Map.entry("clrslh", "clreslogicalhostname"),
      Map.entry("clressharedaddress", "clressharedaddress"), Map.entry("clrssa", "clressharedaddress"));

  /** Options that take a value, across the commands read here. */
  private static final Set<String> WITH_VALUE =
      Set.of("-g", "-t", "-p", "-x", "-y", "-h", "-N", "-n", "-X", "-Z", "-o", "-i", "-u");

  /** A property as set: name as written, value, and where. */
  record Property(String name, String value, Location where) {}

  /** One cl* command: what it is and the parts the rules read. */
  record Op(
      String command,
      String subcommand,
      List<String> operands,
      Optional<String> group,
      List<Names.TypeName> types,
      Location typeWhere,
      Map<String, Property> properties,
      List<String> hosts,
      ShellCommand source) {

    int line() {
      return source.line();
    }

    Optional<Property> property(String name) {
      return Optional.ofNullable(properties.get(name.toLowerCase(Locale.ROOT)));
    }

    Location where(SourceFile file) {
      return ScriptWords.locate(file, source, command.equals("clresource") ? "create" : subcommand);
    }
  }

  private ClusterCommands() {}

  /** Whether any word of the command is a cl* command this reader knows. */
  static boolean mentions(String text) {
    return MENTION.matcher(text).find();
  }

  /** A cl* command name as a word: at the start, or after a blank, '/', ';', '|', '&' or '('. */
  private static final java.util.regex.Pattern MENTION = java.util.regex.Pattern.compile(
      "(^|[\\s/;|&(])(" + String.join("|", COMMANDS.keySet().stream().map(java.util.regex.Pattern::quote).toList())
          + ")(\\s|$)");

  static List<Op> read(SourceFile file, List<ShellCommand> commands) {
    List<Op> ops = new ArrayList<>();
    for (ShellCommand c : commands) {
      List<String> words = c.words();
      int at = -1;
      for (int i = 0; i < words.size(); i++) {
        if (COMMANDS.containsKey(ScriptWords.baseName(words.get(i)))) {
          at = i;
          break;
        }
      }
      if (at < 0 || at + 1 >= words.size()) {
        continue;
      }
      ops.add(op(file, c, COMMANDS.get(ScriptWords.baseName(words.get(at))), words.subList(at + 1, words.size())));
    }
    return ops;
  }

  private static Op op(SourceFile file, ShellCommand c, String command, List<String> args) {
    String sub = args.get(0);
    List<String> operands = new ArrayList<>();
    Optional<String> group = Optional.empty();
    List<Names.TypeName> types = new ArrayList<>();
    Location typeWhere = file.at(c.line(), c.column());
    Map<String, Property> properties = new LinkedHashMap<>();
    List<String> hosts = new ArrayList<>();
    for (int i = 1; i < args.size(); i++) {
      String a = args.get(i);
      String option = a;
      String value = null;
      if (a.matches("-[pxy].+")) {
        option = a.substring(0, 2);
        value = a.substring(2);
      } else if (WITH_VALUE.contains(a) && i + 1 < args.size()) {
        value = args.get(++i);
      } else if (a.startsWith("-")) {
        continue;
      } else {
        operands.add(a);
        continue;
      }
      if (value == null) {
        continue;
      }
      switch (option) {
        case "-g" -> group = Optional.of(value);
        case "-t" -> {
          types.add(Names.type(value));
          typeWhere = ScriptWords.locate(file, c, value);
        }
        case "-h" -> hosts.addAll(List.of(value.split(",")));
        case "-p", "-x", "-y" -> property(file, c, value).ifPresent(p -> properties.put(key(p.name()), p));
        default -> {
          // other options do not matter to the rules
        }
      }
    }
    if (command.equals("clresourcetype") && sub.equals("register")) {
      for (String operand : operands) {
        types.add(Names.type(operand));
      }
      if (!operands.isEmpty()) {
        typeWhere = ScriptWords.locate(file, c, operands.get(0));
      }
    }
    return new Op(command, sub, List.copyOf(operands), group, List.copyOf(types), typeWhere, properties,
        List.copyOf(hosts), c);
  }

  /** {@code Name=value}, {@code Name{node}=value}, {@code Name+=value}; the name without decorations. */
  private static Optional<Property> property(SourceFile file, ShellCommand c, String text) {
    int eq = text.indexOf('=');
    if (eq <= 0) {
      return Optional.empty();
    }
    String name = text.substring(0, eq);
    if (name.endsWith("+") || name.endsWith("-")) {
      name = name.substring(0, name.length() - 1);
    }
    int brace = name.indexOf('{');
    if (brace > 0) {
      name = name.substring(0, brace);
    }
    return Optional.of(new Property(name, text.substring(eq + 1), ScriptWords.locate(file, c, name)));
  }

  static String key(String propertyName) {
    return propertyName.toLowerCase(Locale.ROOT);
  }
}
