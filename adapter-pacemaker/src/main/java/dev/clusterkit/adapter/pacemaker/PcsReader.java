package dev.clusterkit.adapter.pacemaker;

import dev.clusterkit.core.lint.Location;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.lint.shell.ShellCommand;
import dev.clusterkit.core.lint.shell.ShellScript;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the pcs commands of a shell script: {@code resource create}, {@code resource group add},
 * {@code resource op add}, {@code resource op defaults} and {@code constraint colocation add}.
 */
final class PcsReader {
  private static final Pattern RESOURCE_CREATE = Pattern.compile("(?m)^[^#\\n]*\\bpcs\\b[^#\\n]*\\bresource\\s+create\\b");
  /** pcs options that take a value. */
  private static final Set<String> VALUED = Set.of("-f", "--corosync_conf", "--request-timeout");
  private static final Set<String> ROLES = Set.of("master", "slave", "promoted", "unpromoted", "started", "stopped");

  private PcsReader() {}

  static boolean recognizes(SourceFile file) {
    boolean shell = file.fileName().endsWith(".sh") || ShellScript.shebang(file).contains("sh");
    return shell && RESOURCE_CREATE.matcher(file.text()).find();
  }

  static ClusterConfig read(SourceFile file) {
    ClusterConfig.Builder b = new ClusterConfig.Builder(file.path());
    for (ShellCommand c : ShellScript.parse(file).commands()) {
      if (!c.baseName().equals("pcs")) {
        continue;
      }
      List<String> w = withoutOptions(c.args());
      Location at = file.at(c.line(), c.column());
      if (starts(w, "resource", "create") && w.size() >= 4) {
        create(b, w.subList(2, w.size()), at);
      } else if (starts(w, "resource", "group", "add") && w.size() >= 5) {
        for (String member : w.subList(4, w.size())) {
          if (!member.startsWith("--")) {
            b.addToGroup(w.get(3), member, at);
          }
        }
      } else if (starts(w, "resource", "op", "defaults")) {
        for (String word : w.subList(3, w.size())) {
          if (word.startsWith("timeout=")) {
            b.defaultTimeout = Optional.of(word.substring("timeout=".length()));
          }
        }
      } else if (starts(w, "resource", "op", "add") && w.size() >= 5) {
        if (!b.addOp(w.get(3), op(w.get(4), w.subList(5, w.size()), at))) {
          b.problems.add(new ClusterConfig.Problem(at, "'pcs resource op add' names resource '" + w.get(3)
              + "', which no earlier 'pcs resource create' in this file defines"));
        }
      } else if (starts(w, "constraint", "colocation", "add")) {
        colocation(b, w.subList(3, w.size()), at);
      }
    }
    return b.build();
  }

  private static void create(ClusterConfig.Builder b, List<String> w, Location at) {
    String id = w.get(0);
    String agent = w.get(1);
    Map<String, String> params = new LinkedHashMap<>();
    List<ClusterConfig.Op> ops = new ArrayList<>();
    Optional<String> group = Optional.empty();
    String section = "params";
    String opName = null;
    List<String> opWords = new ArrayList<>();
    for (int i = 2; i < w.size(); i++) {
      String word = w.get(i);
      if (word.equals("op") || word.equals("meta") || word.startsWith("--")) {
        if (opName != null) {
          ops.add(op(opName, opWords, at));
          opName = null;
          opWords = new ArrayList<>();
        }
        if (word.equals("--group") && i + 1 < w.size()) {
          group = Optional.of(w.get(++i));
        } else if ((word.equals("--before") || word.equals("--after")) && i + 1 < w.size()) {
          i++;
        }
        section = word;
        continue;
      }
      switch (section) {
        case "params" -> {
          int eq = word.indexOf('=');
          if (eq > 0) {
            params.put(word.substring(0, eq), word.substring(eq + 1));
          }
        }
        case "op" -> {
          if (!word.contains("=")) {
            if (opName != null) {
              ops.add(op(opName, opWords, at));
              opWords = new ArrayList<>();
            }
            opName = word;
          } else {
            opWords.add(word);
          }
        }
        default -> {
          // meta attributes and flags do not matter to the rules
        }
      }
    }
    if (opName != null) {
      ops.add(op(opName, opWords, at));
    }
    b.primitives.add(new ClusterConfig.Primitive(id, agent, params, ops, at));
    group.ifPresent(g -> b.addToGroup(g, id, at));
  }

  static ClusterConfig.Op op(String name, List<String> words, Location at) {
    Optional<String> interval = Optional.empty();
    Optional<String> timeout = Optional.empty();
    for (String word : words) {
      if (word.startsWith("interval=")) {
        interval = Optional.of(word.substring("interval=".length()));
      } else if (word.startsWith("timeout=")) {
        timeout = Optional.of(word.substring("timeout=".length()));
      }
    }
    return new ClusterConfig.Op(name, interval, timeout, at);
  }

  /** {@code [role] A with [role] B [score] [options]}. */
  private static void colocation(ClusterConfig.Builder b, List<String> w, Location at) {
    List<String> words = new ArrayList<>(w.stream().filter(x -> !ROLES.contains(x.toLowerCase(java.util.Locale.ROOT))).toList());
    int with = words.indexOf("with");
    if (with != 1 || words.size() < 3) {
      b.problems.add(new ClusterConfig.Problem(at, "'pcs constraint colocation add " + String.join(" ", w)
          + "' is not 'pcs constraint colocation add A with B [score]'"));
      return;
    }
    String score = words.size() > 3 && !words.get(3).contains("=") ? words.get(3) : "INFINITY";
    b.colocations.add(new ClusterConfig.Colocation(List.of(words.get(0), words.get(2)), score, at));
  }

  private static boolean starts(List<String> words, String... prefix) {
    if (words.size() < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (!words.get(i).equals(prefix[i])) {
        return false;
      }
    }
    return true;
  }

  /** The words without pcs's global options ({@code -f FILE}, {@code --force}, ...) before the command. */
  private static List<String> withoutOptions(List<String> args) {
    int i = 0;
    while (i < args.size() && args.get(i).startsWith("-")) {
      i += VALUED.contains(args.get(i)) ? 2 : 1;
    }
    return args.subList(Math.min(i, args.size()), args.size());
  }
}
