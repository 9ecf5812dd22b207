package dev.clusterkit.adapter.pacemaker;

import dev.clusterkit.core.lint.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the rules need of a Pacemaker configuration, whichever form it was written in (pcs script,
 * crm configure file, CIB XML): primitives with their parameters and operations, groups,
 * colocations, and the default operation timeout.
 */
record ClusterConfig(
    String file,
    List<Primitive> primitives,
    List<Group> groups,
    List<Colocation> colocations,
    Optional<String> defaultTimeout,
    List<Problem> problems) {

  ClusterConfig {
    Objects.requireNonNull(file, "file");
    primitives = List.copyOf(primitives);
    groups = List.copyOf(groups);
    colocations = List.copyOf(colocations);
    Objects.requireNonNull(defaultTimeout, "defaultTimeout");
    problems = List.copyOf(problems);
  }

  /** A resource; {@code agent} as written ({@code ocf:heartbeat:IPaddr2}, {@code IPaddr2}). */
  record Primitive(String id, String agent, Map<String, String> params, List<Op> ops, Location where) {
    Primitive {
      params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
      ops = List.copyOf(ops);
    }

    /** The agent's type: the part after the last colon. */
    String type() {
      return agent.substring(agent.lastIndexOf(':') + 1);
    }

    /** Whether this resource runs a JobCenter site: a jobcenter agent, or one that is given cjcpw to run. */
    boolean isSite() {
      return type().toLowerCase(Locale.ROOT).contains("jobcenter")
          || params.values().stream().anyMatch(v -> v.endsWith("/cjcpw") || v.equals("cjcpw"));
    }

    boolean isAddress() {
      return type().equals("IPaddr2") || type().equals("IPaddr");
    }

    List<Op> ops(String name) {
      return ops.stream().filter(o -> o.name().equals(name)).toList();
    }
  }

  record Op(String name, Optional<String> interval, Optional<String> timeout, Location where) {}

  record Group(String id, List<String> members, Location where) {
    Group {
      members = List.copyOf(members);
    }
  }

  /** A colocation of resources (two, or the members of a set), with its score as written. */
  record Colocation(List<String> resources, String score, Location where) {
    Colocation {
      resources = List.copyOf(resources);
    }

    /** Whether the score makes the resources run together always. */
    boolean mandatory() {
      String s = score.toLowerCase(Locale.ROOT).replace("+", "");
      return s.equals("infinity") || s.equals("inf");
    }
  }

  /** Something the reader could not make sense of. */
  record Problem(Location where, String message) {}

  /** Collects the parts of a configuration while a reader goes through it. */
  static final class Builder {
    private final String file;
    final List<Primitive> primitives = new ArrayList<>();
    final List<Group> groups = new ArrayList<>();
    final List<Colocation> colocations = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
    Optional<String> defaultTimeout = Optional.empty();

    Builder(String file) {
      this.file = file;
    }

    /** Adds {@code member} to group {@code id}, creating the group where it is first named. */
    void addToGroup(String id, String member, Location where) {
      for (int i = 0; i < groups.size(); i++) {
        Group g = groups.get(i);
        if (g.id().equals(id)) {
          List<String> members = new ArrayList<>(g.members());
          members.add(member);
          groups.set(i, new Group(id, members, g.where()));
          return;
        }
      }
      groups.add(new Group(id, List.of(member), where));
    }

    /** Adds an operation to a primitive defined earlier; false when there is none of that id. */
    boolean addOp(String id, Op op) {
      for (int i = 0; i < primitives.size(); i++) {
        Primitive p = primitives.get(i);
        if (p.id().equals(id)) {
          List<Op> ops = new ArrayList<>(p.ops());
          ops.add(op);
          primitives.set(i, new Primitive(p.id(), p.agent(), p.params(), ops, p.where()));
          return true;
        }
      }
      return false;
    }

    ClusterConfig build() {
      return new ClusterConfig(file, primitives, groups, colocations, defaultTimeout, problems);
    }
  }
}
