package dev.clusterkit.adapter.pacemaker;

import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.Severity;
import java.util.List;

/**
 * The lint rules for Pacemaker configurations (pcs scripts, crm configure files, CIB XML) and OCF
 * agents that run a JobCenter site. Codes are stable: never renumber or reuse one.
 */
final class PcmkRules {
  static final Rule START_TIMEOUT =
      new Rule("PCMK001", Severity.ERROR,
          "the site resource's start timeout is not above the site's BOOT_TIMEOUT",
          "give the start operation a timeout above BOOT_TIMEOUT ('op start timeout=240s' for the default 180 s):"
              + " cjcpw may legitimately take BOOT_TIMEOUT to bring the daemons up")
          .documented("Pacemaker kills a start that is still waiting for a slow but healthy site, counts a failure and"
                  + " moves or stops the site; without an op the default of 20 s applies",
              "guide 2.1.5; Pacemaker Explained, resource operations");
  static final Rule STOP_TIMEOUT =
      new Rule("PCMK002", Severity.ERROR,
          "the site resource's stop timeout is not above the site's STOP_TIMEOUT",
          "give the stop operation a timeout above STOP_TIMEOUT and above the one to two minutes cjcpw -stop takes"
              + " ('op stop timeout=240s' for the default 180 s)")
          .documented("a stop that times out is a failed stop: with fencing the node is shot, without it the site is"
                  + " blocked and never fails over",
              "guide 2.1.5, 4.1.2.2; Pacemaker Explained, on-fail");
  static final Rule NO_MONITOR =
      new Rule("PCMK003", Severity.ERROR,
          "the site resource has no recurring monitor operation",
          "add 'op monitor interval=30s timeout=60s' to the site resource")
          .documented("without a recurring monitor Pacemaker never asks the agent again after start, so a site whose"
                  + " daemons died is never recovered or failed over",
              "Pacemaker Explained, monitoring resources; guide 2.1.4");
  static final Rule NOT_COLOCATED =
      new Rule("PCMK004", Severity.ERROR,
          "the site resource is not tied to its relocatable address",
          "put the IPaddr2 resource and the site resource in one group (address first), or add a colocation"
              + " constraint with score INFINITY and an order constraint")
          .documented("Pacemaker may start the site on a node that does not have its address; cjcpw then binds"
                  + " nothing and the site name points at the other node",
              "guide 2.2.2, 2.3.5");
  static final Rule UNWATCHED =
      new Rule("PCMK005", Severity.ERROR,
          "the agent starts the site with 'cjcpw -c'",
          "start the watched form, detached: 'setsid cjcpw SITE DBPATH </dev/null >>LOG 2>&1 &', then wait until"
              + " cjcls shows the daemons up under cjcpw")
          .documented("with -c nothing watches the daemons: a daemon that dies leaves the site half up, and cjcls"
                  + " shows CJCPW OFF even when all is well, so monitor cannot tell a healthy site from a broken one",
              "guide 2.1.4, 2.3.7");
  static final Rule NOT_DETACHED =
      new Rule("PCMK006", Severity.ERROR,
          "the agent runs the watched cjcpw in the foreground",
          "run it in the background, in a session of its own, with its output redirected:"
              + " 'setsid cjcpw SITE DBPATH </dev/null >>LOG 2>&1 &'")
          .documented("the watched cjcpw returns only when the site stops, so the start action never ends and"
                  + " Pacemaker kills it, with the site, at the start timeout",
              "guide 2.1.4; OCF resource agent API, start");
  static final Rule NO_STOP =
      new Rule("PCMK007", Severity.ERROR,
          "the agent never runs 'cjcpw -stop SITE'",
          "stop the site with 'cjcpw -stop SITE' in the stop action; it stops the daemons in order and waits")
          .documented("killing processes leaves the site database and the daemons in an unknown state on the shared"
                  + " disk, and the next node may start on top of them",
              "guide 2.3.7, 4.1.2.2");
  static final Rule SYNTAX =
      new Rule("PCMK008", Severity.ERROR,
          "the agent does not parse: an empty branch or an unclosed block",
          "put a command in every branch (':' is the no-op; a comment is not a command) and close every block")
          .documented("the shell refuses the whole agent, so every action, monitor included, fails with an error",
              "POSIX shell grammar");
  static final Rule UNREADABLE =
      new Rule("PCMK009", Severity.ERROR,
          "the configuration cannot be read",
          "fix the syntax the message names (XML well-formedness, a crm line, a pcs command)")
          .documented("pcs, crm or cibadmin refuse it, so nothing of it reaches the cluster",
              "pcs(8), crm(8), cibadmin(8)");

  static final List<Rule> ALL =
      List.of(START_TIMEOUT, STOP_TIMEOUT, NO_MONITOR, NOT_COLOCATED, UNWATCHED, NOT_DETACHED, NO_STOP, SYNTAX, UNREADABLE);

  private PcmkRules() {}
}
