package dev.clusterkit.core.runtime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the agent client sends: its PID, what its children would inherit from it, its environment
 * and command line. On the wire, NUL-terminated UTF-8 fields: {@value #MAGIC}, PID, umask
 * (decimal), the texts of {@code /proc/self/limits}, {@code /proc/self/status}, {@code
 * /proc/self/stat} and {@code /proc/self/oom_score_adj}, the number of environment entries, each as
 * NAME=VALUE, the number of arguments, each argument (the first is the command: cjcpw, cjcls, ...).
 * None of these can hold a NUL, so no escaping is needed.
 */
record AgentRequest(
    long pid, int umask, String limits, String status, String stat, String oomScoreAdj, Map<String, String> environment,
    List<String> argv) {
  static final String MAGIC = "clusterkit-agent 1";

  /** Requests beyond this are refused rather than buffered. */
  static final int MAX_BYTES = 1 << 20;

  AgentRequest {
    environment = Map.copyOf(environment);
    argv = List.copyOf(argv);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("no command");
    }
  }

  String command() {
    return argv.get(0);
  }

  List<String> arguments() {
    return argv.subList(1, argv.size());
  }

  /**
   * Reads one request.
   *
   * @throws IOException when the channel ends early or the fields are not a request, with what is
   *     wrong
   */
  static AgentRequest read(AgentInput f) throws IOException {
    String magic = f.field("protocol");
    if (!magic.equals(MAGIC)) {
      throw new IOException("not a clusterkit agent request (starts with '" + abbreviate(magic) + "')");
    }
    long pid = f.number("pid");
    int umask = (int) f.number("umask");
    String limits = f.field("limits");
    String status = f.field("status");
    String stat = f.field("stat");
    String oomScoreAdj = f.field("oom_score_adj");
    long entries = f.number("environment size");
    Map<String, String> env = new LinkedHashMap<>();
    for (long i = 0; i < entries; i++) {
      String entry = f.field("environment entry");
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new IOException("environment entry '" + abbreviate(entry) + "' is not NAME=VALUE");
      }
      env.put(entry.substring(0, eq), entry.substring(eq + 1));
    }
    long count = f.number("argument count");
    if (count < 1) {
      throw new IOException("no command in the request");
    }
    List<String> argv = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      argv.add(f.field("argument"));
    }
    return new AgentRequest(pid, umask, limits, status, stat, oomScoreAdj, env, argv);
  }

  static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
