package dev.clusterkit.adapter.suncluster;

import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.Severity;
import java.util.List;

/**
 * The lint rules for Sun Cluster command scripts (cl* commands) and Sun Cluster 2.2 method scripts
 * (pmfadm). Codes are stable: never renumber or reuse one.
 */
final class ScRules {
  static final Rule UNKNOWN_TYPE =
      new Rule("SC001", Severity.ERROR,
          "resource type name is misspelt",
          "the types are SUNW.gds, SUNW.HAStoragePlus and SUNW.LogicalHostname; the guide's 5.1.1 headings"
              + " write 'LogicalHostanme' and 'HASStoragePlus', which do not exist")
          .documented("clresourcetype and clresource fail on a type that does not exist, and the resource group"
              + " is never built",
              "guide 5.1.1; reference vendors-unix SC-1, B14");
  static final Rule UNKNOWN_PROPERTY =
      new Rule("SC002", Severity.ERROR,
          "resource property name is misspelt",
          "use the property name as SUNW.gds(5), SUNW.HAStoragePlus(5) and LogicalHostname(5) spell it"
              + " (case does not matter, letters and underscores do)")
          .documented("clresource create refuses an unknown property, so the JobCenter resource is not created",
              "reference vendors-unix SC-2, SC-3");
  static final Rule NO_PORT_LIST =
      new Rule("SC003", Severity.ERROR,
          "SUNW.gds resource is network aware but has no Port_list",
          "add -p Port_list=607/tcp (and JobCenter's other ports); Port_list is required unless"
              + " Network_aware=FALSE (guide 5.1.2.3)")
          .documented("clresource create refuses a network-aware GDS resource without Port_list",
              "guide 5.1.2.3; reference vendors-unix SC-2");
  static final Rule BAD_PORT_LIST =
      new Rule("SC004", Severity.ERROR,
          "Port_list is malformed or lacks JobCenter's 607/tcp",
          "write port/protocol pairs separated by commas, like 607/tcp,611/tcp, with ports 1-65535")
          .documented("the resource is refused, or GDS probes ports JobCenter does not listen on and fails the"
              + " service over",
              "guide 5.1.2.3; reference vendors-unix SC-2");
  static final Rule BAD_START_COMMAND =
      new Rule("SC005", Severity.ERROR,
          "Start_command does not run 'cjcpw SITE DBPATH' as PMF needs it",
          "set Start_command to the foreground 'cjcpw SITE DBPATH' with Child_mon_level=0; 'cjcpw -c' returns"
              + " at once and needs Child_mon_level=-1 (guide 5.1.2.2)")
          .documented("PMF watches the process tree Start_command starts: a 'cjcpw -c' that returns looks like"
              + " a failure, and a wrong site starts the wrong site",
              "guide 5.1.2.2; reference vendors-unix SC-3, SC-5");
  static final Rule BAD_STOP_COMMAND =
      new Rule("SC006", Severity.ERROR,
          "Stop_command is missing or not 'cjcpw -stop SITE' for the Start_command's site",
          "set Stop_command to 'cjcpw -stop SITE' with the site Start_command starts (guide 5.1.2.2); without"
              + " one GDS only sends Stop_signal")
          .documented("without a matching Stop_command GDS only signals cjcpw, so the site may not stop cleanly"
              + " and the disk stays busy",
              "guide 5.1.2.2; reference vendors-unix SC-3");
  static final Rule MISSING_DEPENDENCY =
      new Rule("SC007", Severity.ERROR,
          "SUNW.gds resource does not depend on the LogicalHostname and HAStoragePlus resources",
          "set -p Resource_dependencies=LH-RESOURCE,HASP-RESOURCE so the site name and the database disk"
              + " are up before cjcpw starts (guide 5.1.2.3)")
          .documented("cjcpw may start before the site name and the database disk are up and fail, or keep"
              + " running after they move",
              "guide 5.1.2.3; reference vendors-unix SC-6");
  static final Rule NETWORK_RESOURCES =
      new Rule("SC008", Severity.WARNING,
          "Network_resources_used is missing or names a resource that is not a logical host",
          "set -p Network_resources_used=LH-RESOURCE, the LogicalHostname resource of the site (guide 5.1.2.3)")
          .documented("GDS does not know which address the service uses, and its probes and failover decisions"
              + " are wrong",
              "guide 5.1.2.3; reference vendors-unix SC-6");
  static final Rule TIMEOUT_TOO_SHORT =
      new Rule("SC009", Severity.ERROR,
          "Start_timeout or Stop_timeout is shorter than the site's own start or stop time",
          "make Start_timeout exceed BOOT_TIMEOUT, and Stop_timeout so that its 80% (the Stop_command's"
              + " share) exceeds STOP_TIMEOUT: 300 each for the default site.conf")
          .documented("Sun Cluster kills the start or the stop while JobCenter is still within its own time, so"
              + " a slow but healthy start or stop turns into a failure",
              "guide 2.1.5; reference vendors-unix SC-4");
  static final Rule QUOTED_COMMAND =
      new Rule("SC010", Severity.ERROR,
          "pmfadm's answer is taken from text instead of its exit status",
          "write 'if pmfadm -q TAG; then', or 'pmfadm -q TAG; status=$?': quotes store the command text and"
              + " pmfadm never runs, and a command substitution captures its output, not its status (guide 5.2)")
          .documented("pmfadm never runs or its answer is lost: the start script says 'already started' and"
              + " starts nothing, the stop script stops nothing",
              "guide 5.2 sample; reference vendors-unix SC-9, B6, B7");
  static final Rule PMFADM_STOP_WITH_COMMAND =
      new Rule("SC011", Severity.ERROR,
          "pmfadm -s (or -k) is followed by a command",
          "pmfadm -s TAG takes only [-w timeout] [signal]; run 'cjcpw -stop SITE' as a command of its own,"
              + " and 'pmfadm -s TAG' to end monitoring (guide 5.2)")
          .documented("pmfadm -s takes no command, so cjcpw -stop never runs and the site is killed instead of"
              + " stopped",
              "guide 5.2 sample; reference vendors-unix SC-9, B8");
  static final Rule PMFADM_NO_RETRIES =
      new Rule("SC012", Severity.WARNING,
          "pmfadm -c without -n",
          "write -n explicitly: PMF's default of 0 retries never restarts cjcpw, and on Sun Cluster 2.2 nothing"
              + " fails the logical host over unless a fault monitor reacts")
          .documented("with the default of no retries PMF never restarts cjcpw, and on Sun Cluster 2.2 nothing"
              + " fails over unless a fault monitor reacts",
              "guide 5.2 sample; reference vendors-unix B10");
  static final Rule ORDER =
      new Rule("SC013", Severity.ERROR,
          "a resource is used before it is created, or the group goes online before its resources exist",
          "register types before 'clresource create -t', create resources before the resources that depend on"
              + " them, and bring the group online last")
          .documented("the commands fail on resources that do not exist yet, and the script stops half way",
              "reference vendors-unix SC-1, SC-8");
  static final Rule SITE_MISMATCH =
      new Rule("SC014", Severity.WARNING,
          "the logical host or the mounted file system does not match the site cjcpw starts",
          "give clreslogicalhostname -h the site name cjcpw gets (guide 5.1.2.1), and FilesystemMountPoints the"
              + " site database path or a parent of it")
          .documented("the logical host or the mounted disk moves without the site that needs it, so cjcpw"
              + " starts on a node without its address or database",
              "guide 5.1.2.1; reference vendors-unix SC-7");

  static final List<Rule> ALL =
      List.of(UNKNOWN_TYPE, UNKNOWN_PROPERTY, NO_PORT_LIST, BAD_PORT_LIST, BAD_START_COMMAND, BAD_STOP_COMMAND,
          MISSING_DEPENDENCY, NETWORK_RESOURCES, TIMEOUT_TOO_SHORT, QUOTED_COMMAND, PMFADM_STOP_WITH_COMMAND,
          PMFADM_NO_RETRIES, ORDER, SITE_MISMATCH);

  private ScRules() {}
}
