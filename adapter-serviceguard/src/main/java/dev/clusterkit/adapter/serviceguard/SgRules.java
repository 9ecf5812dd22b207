package dev.clusterkit.adapter.serviceguard;

import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.Severity;
import java.util.List;

/**
 * The lint rules for Serviceguard packages that run a JobCenter site. SG001-SG012 are the rules
 * SG-1 to SG-12 of the vendor notes (vendors-unix.md 1.3); SG013 and SG014 come from the guide's
 * mistakes (B13) and from the shell structure. Codes are stable: never renumber or reuse one.
 */
final class SgRules {
  static final Rule SERVICE_FOREGROUND =
      new Rule("SG001", Severity.ERROR,
          "cjcpw is not run in the foreground form 'cjcpw SITE DBPATH' where Serviceguard watches it",
          "make the service command '/usr/lib/nqs/cluster/cjcpw SITE DBPATH' (no -c, no &): Serviceguard"
              + " watches the PID it starts and takes its exit for a failure; start the unwatched form"
              + " 'cjcpw -c' only from the run commands or the external script, never as the service")
          .documented("Serviceguard watches the process the service command starts and takes its exit for a"
              + " failure: 'cjcpw -c' exits at once and fails the package over and over",
              "guide 3.1.1-3.1.2; reference vendors-unix SG-1");
  static final Rule SERVICE_ARRAYS =
      new Rule("SG002", Severity.ERROR,
          "the legacy SERVICE_NAME/SERVICE_CMD/SERVICE_RESTART arrays do not form triples from [0] without"
              + " gaps, or SERVICE_RESTART is not an option cmrunserv takes",
          "number the entries 0, 1, 2, ... with the same index in all three arrays; SERVICE_RESTART is \"\""
              + " (no restart), \"-r N\" or \"-R\" (it is pasted into cmrunserv as it is)")
          .documented("cmrunserv gets mismatched or missing names, commands and restart options, so the service"
              + " does not start or restarts as nobody meant",
              "guide 3.1.1; reference vendors-unix SG-2");
  static final Rule SERVICE_RESTART =
      new Rule("SG003", Severity.ERROR,
          "service_restart is not none, unlimited or a positive number, or fail-fast is combined with"
              + " unlimited restarts",
          "write service_restart none, unlimited or N; service_fail_fast_enabled yes means nothing with"
              + " unlimited restarts")
          .documented("cmcheckconf rejects the value, or fail-fast halts the node although restarts never run"
              + " out",
              "reference vendors-unix SG-3");
  static final Rule NAME =
      new Rule("SG004", Severity.ERROR,
          "a package or service name breaks Serviceguard's name rules or is used twice",
          "use at most 39 letters, digits, '.', '-' and '_', starting and ending with a letter or digit;"
              + " package and service names must be unique in the cluster")
          .documented("cmcheckconf and cmapplyconf refuse the package",
              "reference vendors-unix SG-4");
  static final Rule SERVICE_NAME_MISMATCH =
      new Rule("SG005", Severity.ERROR,
          "the control script's SERVICE_NAME[n] and the package configuration's SERVICE_NAME differ",
          "give the service the same name in the control script and in the package ASCII file (the guide's"
              + " 3.1.1 sample writes 'jobservice' where its table says 'jcservice')")
          .documented("the package configuration names a service the control script never starts, so the"
              + " package fails to start",
              "guide 3.1.1 sample; reference vendors-unix SG-5, B11");
  static final Rule PORT_KEEPER =
      new Rule("SG006", Severity.ERROR,
          "nqsportkpr is misspelt, runs after cjcpw or not first, names another site than cjcpw, or runs"
              + " before the relocatable address is up",
          "run '/usr/lib/nqs/nqsportkpr SITE' first in customer_defined_run_cmds, or in the start of"
              + " external_script (not external_pre_script, which runs before the address is added), with"
              + " cjcpw's first argument (guide 3.1.3)")
          .documented("the port keeper only helps if it holds the site address port before the daemons bind it;"
              + " before the address is up it cannot bind at all",
              "guide 3.1.3; reference vendors-unix SG-6, B4");
  static final Rule TEST_RETURN =
      new Rule("SG007", Severity.ERROR,
          "a JobCenter command in customer_defined_*_cmds is not followed directly by test_return, so its"
              + " failure goes unnoticed",
          "put 'test_return 51' (run) or 'test_return 52' (halt) on the line after each cjcpw and"
              + " nqsportkpr; a ':' in between resets $? to 0 (the guide's ':' lines stand for the rest of"
              + " HP's template and must not be copied); codes 0-50 belong to Serviceguard")
          .documented("a failed cjcpw goes unnoticed and the package reports itself up while JobCenter is down",
              "guide 3.1.2; reference vendors-unix SG-7, B12");
  static final Rule ABSOLUTE_PATH =
      new Rule("SG008", Severity.ERROR,
          "a command or script is named without its absolute path",
          "write /usr/lib/nqs/cluster/cjcpw, /usr/lib/nqs/nqsportkpr and full script paths: Serviceguard"
              + " passes no PATH to services and package scripts")
          .documented("Serviceguard passes no PATH to services and package scripts: the command is not found",
              "guide 3.1.1; reference vendors-unix SG-8");
  static final Rule HALT_TIMEOUT =
      new Rule("SG009", Severity.ERROR,
          "service_halt_timeout is above Serviceguard's maximum of 4294 s, or shorter than a site stop",
          "give cjcpw's service a halt timeout of at least the site's STOP_TIMEOUT (180 s by default;"
              + " cjcpw -stop takes one to two minutes) and at most 4294: SIGKILL follows SIGTERM when it"
              + " expires")
          .documented("Serviceguard refuses a timeout over 4294 s; a shorter one than a site stop sends SIGKILL"
              + " while cjcpw is still stopping the daemons",
              "reference vendors-unix SG-9, B13");
  static final Rule SCRIPT_LOCATION =
      new Rule("SG010", Severity.ERROR,
          "RUN_SCRIPT or HALT_SCRIPT of a legacy package is not an absolute path under a cmcluster folder",
          "keep the control script in $SGCONF/<package>/ (/etc/cmcluster on HP-UX,"
              + " /usr/local/cmcluster/conf or /opt/cmcluster/conf on Linux) and name it in RUN_SCRIPT and"
              + " HALT_SCRIPT")
          .documented("cmcheckconf cannot find or refuses the control script, and it is not distributed with"
              + " the package configuration",
              "reference vendors-unix SG-10");
  static final Rule EXIT_CODES =
      new Rule("SG011", Severity.ERROR,
          "an external_script exits with a code other than 0, 1 or 2, or its validate uses SG_PACKAGE or"
              + " SG_NODE",
          "exit 0 on success, 1 to halt the package, 2 to fail it over; map a command's status to these"
              + " instead of passing $? on; during validate only SG_PACKAGE_NAME is set")
          .documented("Serviceguard reads other exit codes as failures it cannot act on, and during validate"
              + " the other variables are unset",
              "reference vendors-unix SG-11");
  static final Rule PACKAGE_ATTRIBUTES =
      new Rule("SG012", Severity.ERROR,
          "fs_name without a vg, ip_address without an ip_subnet before it, or ip_address in a package that"
              + " is not failover",
          "name the volume group (vg) of every file system (except gfs), put ip_subnet before its"
              + " ip_address lines, and relocate addresses only in failover packages")
          .documented("cmcheckconf refuses the package, or its file systems and addresses do not move with it",
              "reference vendors-unix SG-12");
  static final Rule NO_STOP =
      new Rule("SG013", Severity.WARNING,
          "the package starts the JobCenter site but its halt path never runs 'cjcpw -stop SITE'",
          "run '/usr/lib/nqs/cluster/cjcpw -stop SITE' in customer_defined_halt_cmds or in the external"
              + " script's stop: on halt Serviceguard only sends cjcpw SIGTERM and then SIGKILL, and the guide's"
              + " 3.1.1 sample stops the site nowhere")
          .documented("on halt cjcpw only gets SIGTERM and then SIGKILL, so the site may not stop cleanly and"
              + " the disk may still be busy when the package moves",
              "guide 3.1.1 sample; reference vendors-unix B13");
  static final Rule SYNTAX =
      new Rule("SG014", Severity.ERROR,
          "the script does not parse: an empty branch or function body, or an unclosed block",
          "put a command in every branch and function body and close every block; check the control script"
              + " with ksh -n (HP-UX) or bash -n (Linux), not with sh -n")
          .documented("ksh or bash refuses the whole script, so the package cannot start or halt",
              "reference vendors-unix B1, lint note");

  static final List<Rule> ALL =
      List.of(SERVICE_FOREGROUND, SERVICE_ARRAYS, SERVICE_RESTART, NAME, SERVICE_NAME_MISMATCH, PORT_KEEPER,
          TEST_RETURN, ABSOLUTE_PATH, HALT_TIMEOUT, SCRIPT_LOCATION, EXIT_CODES, PACKAGE_ATTRIBUTES, NO_STOP,
          SYNTAX);

  private SgRules() {}
}
