package dev.clusterkit.core.lint.shell;

import dev.clusterkit.core.lint.SourceFile;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A light structural reading of a POSIX shell script: its simple commands with their nesting, and
 * the structural mistakes a shell would refuse to parse (a branch with no command in it, an
 * unclosed if or case). It is not a full shell parser: it reads the subset that cluster scripts
 * are written in (if/elif/else, case, loops, functions, {@code &&}, {@code ||}, {@code ;}), which is
 * enough for rules that must not depend on a shell being installed.
 */
public final class ShellScript {
  private static final Set<String> OPENERS = Set.of("if", "case", "while", "until", "for", "{");
  /** {@code <<WORD}, {@code <<-WORD}, {@code <<'WORD'}, {@code << "WORD"}. */
  private static final Pattern HEREDOC = Pattern.compile("<<(-)?[ \\t]*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\\2");

  /** A structural error at a line. */
  public record Problem(int line, int column, String message) {}

  /**
   * A function definition ({@code name() {}} or ksh's {@code function name {}}), from the line of its
   * name to the line of its closing brace.
   */
  public record Function(String name, int line, int endLine) {
    /** Whether a command lies in this function's body. */
    public boolean contains(ShellCommand command) {
      return command.depth() > 0 && command.line() >= line && command.line() <= endLine;
    }
  }

  private final List<ShellCommand> commands;
  private final List<Problem> problems;
  private final List<Function> functions;

  private ShellScript(List<ShellCommand> commands, List<Problem> problems, List<Function> functions) {
    this.commands = List.copyOf(commands);
    this.problems = List.copyOf(problems);
    this.functions = List.copyOf(functions);
  }

  public List<ShellCommand> commands() {
    return commands;
  }

  /** The functions the script defines, in the order their bodies close. */
  public List<Function> functions() {
    return functions;
  }

  /** The commands in the body of the first function of that name (empty when there is none). */
  public List<ShellCommand> commandsOf(String functionName) {
    return functions.stream()
        .filter(f -> f.name().equals(functionName))
        .findFirst()
        .map(f -> commands.stream().filter(f::contains).toList())
        .orElse(List.of());
  }

  public List<Problem> problems() {
    return problems;
  }

  /** The terminators of the here-documents a line opens, in order ({@code <<} inside quotes is text). */
  static List<Heredoc> heredocs(String line) {
    List<Heredoc> found = new ArrayList<>();
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"') {
          i++;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '\\') {
        i++;
      } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        break;
      } else if (c == '<' && line.startsWith("<<", i) && !line.startsWith("<<<", i)) {
        Matcher m = HEREDOC.matcher(line).region(i, line.length());
        if (m.lookingAt()) {
          found.add(new Heredoc(m.group(3), m.group(1) != null));
          i = m.end() - 1;
        }
      }
    }
    return found;
  }

  /** A here-document: the word that ends it, and whether leading tabs are stripped ({@code <<-}). */
  record Heredoc(String terminator, boolean stripTabs) {}

  /** The first line, if it is a {@code #!} line. */
  public static String shebang(SourceFile file) {
    String text = file.text();
    if (!text.startsWith("#!")) {
      return "";
    }
    // Only the first line: splitting the whole file here made recognising large folders slow.
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  public static ShellScript parse(SourceFile file) {
    return new Reader(file.lines()).read();
  }

  /** An open compound command and whether its current body holds a command yet. */
  private static final class Block {
    final String keyword;
    final int line;
    String functionName = "";
    String part;
    int partLine;
    boolean bodyHasCommand;

    Block(String keyword, int line) {
      this.keyword = keyword;
      this.line = line;
      this.part = keyword;
      this.partLine = line;
    }
  }

  private static final class Reader {
    private final List<String> lines;
    private final List<ShellCommand> commands = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Deque<Block> blocks = new ArrayDeque<>();
    private final List<Function> functions = new ArrayList<>();
    private int functionDepth;
    /** A function name whose '{' is still to come (on a later line). */
    private String pendingFunction;
    private int pendingLine;

    Reader(List<String> lines) {
      this.lines = lines;
    }

    ShellScript read() {
      for (int i = 0; i < lines.size(); i++) {
        int lineNo = i + 1;
        StringBuilder logical = new StringBuilder(lines.get(i));
        // Backslash-newline joins lines.
        while (logical.length() > 0 && logical.charAt(logical.length() - 1) == '\\' && i + 1 < lines.size()) {
          logical.setLength(logical.length() - 1);
          logical.append(' ').append(lines.get(++i));
        }
        for (Tokens.Segment segment : Tokens.split(logical.toString())) {
          command(lineNo, segment);
        }
        // A here-document's body is data, not commands: skip to its terminator line.
        for (Heredoc heredoc : heredocs(logical.toString())) {
          while (i + 1 < lines.size()) {
            String body = lines.get(++i);
            if ((heredoc.stripTabs() ? body.replaceFirst("^\\t+", "") : body).equals(heredoc.terminator())) {
              break;
            }
          }
        }
      }
      for (Block open : blocks) {
        problems.add(new Problem(open.line, 1, "'" + open.keyword + "' is never closed"));
      }
      problems.sort(java.util.Comparator.comparingInt(Problem::line));
      return new ShellScript(commands, problems, functions);
    }

    private void command(int lineNo, Tokens.Segment segment) {
      List<String> words = new ArrayList<>(segment.words());
      int column = segment.column();
      while (!words.isEmpty()) {
        String first = words.get(0);
        Block top = blocks.peek();
        if (top != null && top.keyword.equals("case") && top.part.equals("in")) {
          // Inside case: "pattern)" opens an arm; ";;" closes it.
          if (first.equals("esac")) {
            blocks.pop();
            words.remove(0);
            continue;
          }
          int paren = patternEnd(words);
          if (paren >= 0) {
            top.part = "arm";
            top.partLine = lineNo;
            top.bodyHasCommand = false;
            words.subList(0, paren + 1).clear();
            continue;
          }
        }
        if (top != null && top.keyword.equals("case") && top.part.equals("arm") && first.equals("esac")) {
          blocks.pop();
          words.remove(0);
          continue;
        }
        switch (first) {
          case "if", "while", "until" -> {
            markCommand();
            blocks.push(new Block(first, lineNo));
            words.remove(0);
            continue;
          }
          case "for" -> {
            markCommand();
            blocks.push(new Block(first, lineNo));
            words.clear();
            continue;
          }
          case "case" -> {
            markCommand();
            Block b = new Block("case", lineNo);
            b.part = words.contains("in") ? "in" : "case";
            blocks.push(b);
            words.clear();
            continue;
          }
          case "then", "do" -> {
            if (top == null) {
              problems.add(new Problem(lineNo, column, "'" + first + "' without an opening if or loop"));
            } else {
              top.part = first;
              top.partLine = lineNo;
              top.bodyHasCommand = false;
            }
            words.remove(0);
            continue;
          }
          case "elif", "else" -> {
            if (top == null || !top.keyword.equals("if")) {
              problems.add(new Problem(lineNo, column, "'" + first + "' without an opening if"));
            } else {
              emptyBodyCheck(top, first);
              top.part = first;
              top.partLine = lineNo;
              top.bodyHasCommand = false;
            }
            words.remove(0);
            continue;
          }
          case "fi", "done", "}" -> {
            if (top == null) {
              problems.add(new Problem(lineNo, column, "'" + first + "' closes nothing"));
            } else {
              emptyBodyCheck(top, first);
              blocks.pop();
              if (top.keyword.equals("function")) {
                functionDepth--;
                functions.add(new Function(top.functionName, top.line, lineNo));
              }
            }
            words.remove(0);
            continue;
          }
          case "in" -> {
            if (top != null && top.keyword.equals("case")) {
              top.part = "in";
            }
            words.remove(0);
            continue;
          }
          case "{" -> {
            markCommand();
            if (pendingFunction != null) {
              openFunction(pendingFunction, pendingLine, lineNo);
            } else {
              blocks.push(new Block("{", lineNo));
              blocks.peek().part = "{";
            }
            words.remove(0);
            continue;
          }
          case "function" -> {
            // ksh: "function name {" or "function name" with "{" on a later line.
            if (words.size() > 1) {
              markCommand();
              defineFunction(words.get(1), lineNo);
              words.subList(0, 2).clear();
              continue;
            }
          }
          case "!" -> {
            words.remove(0);
            continue;
          }
          default -> {
            // fall through to function detection and plain commands
          }
        }
        if (first.endsWith("()") || (words.size() > 1 && words.get(1).equals("()"))) {
          // name() { ... }: the body is a "{" block, here or on a later line.
          markCommand();
          boolean joined = first.endsWith("()");
          defineFunction(joined ? first.substring(0, first.length() - 2) : first, lineNo);
          words.subList(0, joined ? 1 : 2).clear();
          continue;
        }
        if (first.equals(";;")) {
          if (top != null && top.keyword.equals("case")) {
            top.part = "in";
          }
          words.remove(0);
          continue;
        }
        // Leading assignments (VAR=value cmd) are not the command name.
        while (!words.isEmpty() && words.get(0).matches("[A-Za-z_][A-Za-z0-9_]*=.*") && words.size() > 1) {
          words.remove(0);
        }
        markCommand();
        int depth = blocks.size();
        commands.add(new ShellCommand(lineNo, column, words, segment.background(), depth, segment.raw()));
        return;
      }
    }

    /** A function's name is read; its body opens with the next "{", on this line or a later one. */
    private void defineFunction(String name, int lineNo) {
      pendingFunction = name;
      pendingLine = lineNo;
    }

    /** The function's block starts at its name; its body, which must hold a command, at its brace. */
    private void openFunction(String name, int nameLine, int braceLine) {
      pendingFunction = null;
      functionDepth++;
      Block f = new Block("function", nameLine);
      f.functionName = name;
      f.part = "{";
      f.partLine = braceLine;
      blocks.push(f);
    }

    private void markCommand() {
      Block top = blocks.peek();
      if (top != null) {
        top.bodyHasCommand = true;
      }
    }

    private void emptyBodyCheck(Block block, String closer) {
      boolean isBody = Set.of("then", "else", "do", "{").contains(block.part);
      if (isBody && !block.bodyHasCommand) {
        problems.add(new Problem(block.partLine, 1,
            "the '" + block.part + "' branch opened here holds no command before '" + closer
                + "' (a comment is not a command): the shell refuses the whole script; put ':' or a real command in it"));
      }
    }

    /** Index of the word that ends a case pattern ("START|FAILOVER)"), or -1. */
    private static int patternEnd(List<String> words) {
      for (int i = 0; i < words.size(); i++) {
        String w = words.get(i);
        if (w.endsWith(")") && !w.startsWith("$(")) {
          return i;
        }
        if (!(w.equals("(") || w.equals("|") || w.matches("[^ ]*"))) {
          return -1;
        }
      }
      return -1;
    }
  }
}
