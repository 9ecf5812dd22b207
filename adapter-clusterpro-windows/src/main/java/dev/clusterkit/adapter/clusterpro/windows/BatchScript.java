package dev.clusterkit.adapter.clusterpro.windows;

import dev.clusterkit.core.lint.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A light structural reading of a cmd.exe batch file: labels, comments, simple commands with their
 * words, IF (with ELSE and parenthesised blocks), FOR, and the {@code &}, {@code &&}, {@code ||}
 * chains, with the lines each came from. It follows cmd's second parsing phase closely enough for
 * rules about control flow and command lines: quotes, {@code ^} escapes and line continuations,
 * redirections. It does not expand variables; percent references are only recorded.
 */
final class BatchScript {
  private static final Pattern VARIABLE = Pattern.compile("%([A-Za-z_][A-Za-z0-9_]*)%");

  /** A statement of the file. */
  sealed interface Stmt permits Label, Comment, Command, Block, If, Loop, Chain {
    int line();
  }

  /** {@code :name}. */
  record Label(int line, String name) implements Stmt {}

  /** {@code rem ...} or {@code :: ...}. */
  record Comment(int line) implements Stmt {}

  /**
   * A simple command.
   *
   * @param raw the words as written (quotes kept)
   * @param words the words as the program receives them (quotes and escapes removed)
   * @param lastLine the last physical line the command takes (more than {@code line} after a {@code ^}
   *     continuation)
   */
  record Command(int line, int column, int lastLine, List<String> raw, List<String> words) implements Stmt {
    Command {
      raw = List.copyOf(raw);
      words = List.copyOf(words);
    }

    /** The command name in lower case, without a folder or extension. */
    String baseName() {
      String w = words.isEmpty() ? "" : words.get(0);
      int slash = Math.max(w.lastIndexOf('\\'), w.lastIndexOf('/'));
      String base = w.substring(slash + 1).toLowerCase(Locale.ROOT);
      for (String ext : List.of(".exe", ".bat", ".cmd", ".com")) {
        if (base.endsWith(ext)) {
          return base.substring(0, base.length() - ext.length());
        }
      }
      return base;
    }

    List<String> args() {
      return words.isEmpty() ? List.of() : words.subList(1, words.size());
    }

    boolean continued() {
      return lastLine > line;
    }

    String text() {
      return String.join(" ", raw);
    }
  }

  /** {@code ( ... )}. */
  record Block(int line, List<Stmt> body) implements Stmt {
    Block {
      body = List.copyOf(body);
    }
  }

  /** {@code IF condition then [ELSE otherwise]}. */
  record If(int line, String condition, Stmt then, Optional<Stmt> otherwise) implements Stmt {}

  /** {@code FOR ... DO body}: the body runs any number of times, maybe none. */
  record Loop(int line, Stmt body) implements Stmt {}

  /** Two statements joined by {@code &} (or a pipe), {@code &&} or {@code ||}. */
  record Chain(Stmt left, Op op, Stmt right) implements Stmt {
    @Override
    public int line() {
      return left.line();
    }
  }

  /** How a chain joins its two sides. */
  enum Op {
    /** {@code &} and {@code |}: both run. */
    THEN,
    /** {@code &&} or {@code ||}: the right side runs depending on the left's exit code. */
    DEPENDING
  }

  /** A {@code %NAME%} reference outside comments. */
  record Variable(int line, int column, String name) {}

  /** Something cmd would not parse as meant. */
  record Problem(int line, String message) {}

  private final List<Stmt> statements;
  private final List<Variable> variables;
  private final List<Problem> problems;

  private BatchScript(List<Stmt> statements, List<Variable> variables, List<Problem> problems) {
    this.statements = List.copyOf(statements);
    this.variables = List.copyOf(variables);
    this.problems = List.copyOf(problems);
  }

  static BatchScript parse(SourceFile file) {
    String text = file.text();
    return new Parser(text.startsWith("\uFEFF") ? " " + text.substring(1) : text).read();
  }

  static BatchScript parse(String text) {
    return new Parser(text.replace("\r\n", "\n")).read();
  }

  List<Stmt> statements() {
    return statements;
  }

  List<Variable> variables() {
    return variables;
  }

  List<Problem> problems() {
    return problems;
  }

  /** Every simple command, in file order, at any depth. */
  List<Command> commands() {
    List<Command> out = new ArrayList<>();
    for (Stmt s : statements) {
      collect(s, out);
    }
    return out;
  }

  private static void collect(Stmt s, List<Command> out) {
    if (s instanceof Command c) {
      out.add(c);
    } else if (s instanceof Block b) {
      b.body().forEach(x -> collect(x, out));
    } else if (s instanceof If i) {
      collect(i.then(), out);
      i.otherwise().ifPresent(x -> collect(x, out));
    } else if (s instanceof Loop l) {
      collect(l.body(), out);
    } else if (s instanceof Chain c) {
      collect(c.left(), out);
      collect(c.right(), out);
    }
  }

  /** A word as written and as the program receives it. */
  private record Word(String raw, String value, int start) {}

  private static final class Parser {
    private final String s;
    private final int[] lineOf;
    private final int[] lineStart;
    private final List<Variable> variables = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private int pos;

    Parser(String s) {
      this.s = s;
      lineOf = new int[s.length() + 1];
      List<Integer> starts = new ArrayList<>(List.of(0));
      int line = 1;
      for (int i = 0; i < s.length(); i++) {
        lineOf[i] = line;
        if (s.charAt(i) == '\n') {
          line++;
          starts.add(i + 1);
        }
      }
      lineOf[s.length()] = line;
      lineStart = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    BatchScript read() {
      List<Stmt> statements = sequence(0);
      while (!eof()) {
        // A ')' with no block open: cmd ignores the rest of that line.
        problems.add(new Problem(line(pos), "')' closes no block"));
        skipToEndOfLine();
        statements.addAll(sequence(0));
      }
      return new BatchScript(statements, variables, problems);
    }

    private List<Stmt> sequence(int depth) {
      List<Stmt> out = new ArrayList<>();
      while (true) {
        skip(" \t\n;,=");
        if (eof() || depth > 0 && peek() == ')') {
          return out;
        }
        int before = pos;
        out.add(statement(depth));
        if (pos == before) {
          // Nothing cmd would run starts here (a stray special character): step over it.
          problems.add(new Problem(line(pos), "unexpected '" + peek() + "'"));
          pos++;
        }
      }
    }

    private Stmt statement(int depth) {
      skip(" \t@");
      if (peek() == ':') {
        int line = line(pos);
        if (pos + 1 < s.length() && s.charAt(pos + 1) == ':') {
          skipToEndOfLine();
          return new Comment(line);
        }
        pos++;
        int start = pos;
        while (!eof() && " \t\n&|<>+:".indexOf(peek()) < 0) {
          pos++;
        }
        String name = s.substring(start, pos);
        skipToEndOfLine();
        return new Label(line, name);
      }
      return chain(depth);
    }

    private Stmt chain(int depth) {
      Stmt left = command(depth);
      while (true) {
        skip(" \t");
        if (startsWith("&&") || startsWith("||")) {
          pos += 2;
          left = new Chain(left, Op.DEPENDING, command(depth));
        } else if (!eof() && (peek() == '&' || peek() == '|')) {
          pos++;
          left = new Chain(left, Op.THEN, command(depth));
        } else {
          return left;
        }
      }
    }

    private Stmt command(int depth) {
      skip(" \t@");
      int start = pos;
      int line = line(pos);
      if (!eof() && peek() == '(') {
        pos++;
        List<Stmt> body = sequence(depth + 1);
        if (eof()) {
          problems.add(new Problem(line, "'(' is never closed"));
        } else {
          pos++;
        }
        return new Block(line, body);
      }
      while (redirection()) {
        skip(" \t");
      }
      Optional<Word> first = word(depth);
      if (first.isEmpty()) {
        return new Command(line, column(start), line, List.of(), List.of());
      }
      String name = first.get().value().toLowerCase(Locale.ROOT);
      if (first.get().raw().equalsIgnoreCase("rem")) {
        skipToEndOfLine();
        return new Comment(line);
      }
      if (name.equals("if")) {
        return ifStatement(line, depth);
      }
      if (name.equals("for")) {
        while (true) {
          Optional<Word> w = word(depth);
          if (w.isEmpty()) {
            problems.add(new Problem(line, "FOR without DO"));
            return new Loop(line, new Command(line, column(start), line, List.of(), List.of()));
          }
          if (w.get().value().equalsIgnoreCase("do")) {
            return new Loop(line, chain(depth));
          }
        }
      }
      List<Word> words = new ArrayList<>(List.of(first.get()));
      while (true) {
        skip(" \t");
        if (eof() || peek() == '\n' || peek() == '&' || peek() == '|' || depth > 0 && peek() == ')') {
          break;
        }
        if (redirection()) {
          continue;
        }
        Optional<Word> w = word(depth);
        if (w.isEmpty()) {
          break;
        }
        words.add(w.get());
      }
      return new Command(line, column(start), line(Math.max(start, pos - 1)),
          words.stream().map(Word::raw).toList(), words.stream().map(Word::value).toList());
    }

    private Stmt ifStatement(int line, int depth) {
      StringBuilder condition = new StringBuilder();
      Optional<Word> w = word(depth);
      while (w.isPresent() && (w.get().value().equalsIgnoreCase("/i") || w.get().value().equalsIgnoreCase("not"))) {
        condition.append(w.get().raw()).append(' ');
        w = word(depth);
      }
      if (w.isEmpty()) {
        problems.add(new Problem(line, "IF without a condition"));
        return new If(line, condition.toString().trim(), new Comment(line), Optional.empty());
      }
      String kind = w.get().value().toLowerCase(Locale.ROOT);
      condition.append(w.get().raw());
      if (List.of("exist", "defined", "errorlevel", "cmdextversion").contains(kind)) {
        word(depth).ifPresent(x -> condition.append(' ').append(x.raw()));
      } else if (!w.get().raw().contains("==") || w.get().raw().endsWith("==")) {
        // a == b, a ==b, a== b: read up to the right-hand side.
        Optional<Word> op = w.get().raw().endsWith("==") ? Optional.empty() : word(depth);
        op.ifPresent(o -> condition.append(' ').append(o.raw()));
        boolean opHasRight = op.isPresent() && op.get().raw().startsWith("==") && op.get().raw().length() > 2;
        if (!opHasRight) {
          word(depth).ifPresent(x -> condition.append(' ').append(x.raw()));
        }
      }
      Stmt then = chain(depth);
      Optional<Stmt> otherwise = Optional.empty();
      int save = pos;
      skip(" \t");
      if (then instanceof Block && startsWithWord("else")) {
        pos += 4;
        otherwise = Optional.of(chain(depth));
      } else {
        pos = save;
      }
      return new If(line, condition.toString(), then, otherwise);
    }

    /** Skips a redirection ({@code > f}, {@code 2>&1}, {@code <f}); true if there was one. */
    private boolean redirection() {
      int p = pos;
      if (p < s.length() && Character.isDigit(s.charAt(p)) && p + 1 < s.length() && "<>".indexOf(s.charAt(p + 1)) >= 0) {
        p++;
      }
      if (p >= s.length() || "<>".indexOf(s.charAt(p)) < 0) {
        return false;
      }
      p++;
      if (p < s.length() && s.charAt(p) == '>') {
        p++;
      }
      if (p + 1 < s.length() && s.charAt(p) == '&' && Character.isDigit(s.charAt(p + 1))) {
        pos = p + 2;
        return true;
      }
      pos = p;
      skip(" \t");
      word(0);
      return true;
    }

    /**
     * Reads one word up to a space, a line end or an unquoted special character; {@code ^} escapes
     * the next character, and at a line end joins the next line.
     */
    private Optional<Word> word(int depth) {
      skip(" \t");
      int start = pos;
      StringBuilder raw = new StringBuilder();
      StringBuilder value = new StringBuilder();
      boolean quoted = false;
      while (!eof()) {
        char c = peek();
        if (c == '\n') {
          break;
        }
        if (quoted) {
          raw.append(c);
          if (c == '"') {
            quoted = false;
          } else {
            value.append(c);
          }
          pos++;
          continue;
        }
        if (c == ' ' || c == '\t' || c == '&' || c == '|' || c == '<' || c == '>' || depth > 0 && c == ')') {
          break;
        }
        if (c == '^') {
          pos++;
          if (eof()) {
            break;
          }
          if (peek() == '\n') {
            pos++;
            continue;
          }
          raw.append('^').append(peek());
          value.append(peek());
          pos++;
          continue;
        }
        if (c == '"') {
          quoted = true;
        } else {
          value.append(c);
        }
        raw.append(c);
        pos++;
      }
      if (raw.length() == 0 && !(pos > start && s.charAt(start) == '^')) {
        return Optional.empty();
      }
      Matcher m = VARIABLE.matcher(raw);
      while (m.find()) {
        variables.add(new Variable(line(start), column(start) + m.start(), m.group(1)));
      }
      return Optional.of(new Word(raw.toString(), value.toString(), start));
    }

    private boolean startsWith(String prefix) {
      return s.startsWith(prefix, pos);
    }

    private boolean startsWithWord(String keyword) {
      return s.regionMatches(true, pos, keyword, 0, keyword.length())
          && (pos + keyword.length() >= s.length() || " \t(\n".indexOf(s.charAt(pos + keyword.length())) >= 0);
    }

    private void skip(String chars) {
      while (!eof() && chars.indexOf(peek()) >= 0) {
        pos++;
      }
    }

    private void skipToEndOfLine() {
      while (!eof() && peek() != '\n') {
        pos++;
      }
    }

    private boolean eof() {
      return pos >= s.length();
    }

    private char peek() {
      return s.charAt(pos);
    }

    private int line(int at) {
      return lineOf[Math.min(at, s.length())];
    }

    private int column(int at) {
      return at - lineStart[line(at) - 1] + 1;
    }
  }
}
