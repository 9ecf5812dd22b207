package dev.clusterkit.cli;

import dev.clusterkit.core.ClusterKit;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Supplier;

/** Runs {@link Main#run} in the test's JVM with captured output. */
final class Cli {
  private Cli() {}

  /** What one run did. */
  record Result(int exit, String out, String err) {
    List<String> outLines() {
      return out.lines().toList();
    }

    List<String> errLines() {
      return err.lines().toList();
    }

    String describe() {
      return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  static Result run(String... args) {
    return run(ClusterKit::create, args);
  }

  static Result run(Supplier<ClusterKit> kit, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(kit, new PrintWriter(out), new PrintWriter(err), args);
    return new Result(exit, out.toString(), err.toString());
  }
}
