package dev.clusterkit.core.lint.deploy;

import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.Severity;
import java.util.List;

/**
 * Core's rules over whole deployments: the files of a site, of all sites, and the spec they came
 * from. Codes are stable: never renumber or reuse one.
 */
public final class DeploymentRules {
  public static final Rule SPEC_INVALID =
      new Rule("SPEC001", Severity.ERROR,
          "the cluster spec does not load",
          "fix the spec at the place named; 'clusterkit render' refuses it for the same reason")
          .documented("nothing can be rendered or compared from a spec that does not load, and the rules that"
              + " compare deployed files with the spec are skipped",
              "README, The spec; schema/clusterkit-spec.schema.json");
  public static final Rule SITE_NAME_DIFFERS =
      new Rule("XF001", Severity.ERROR,
          "the files of one site name different sites",
          "make every file of the site folder name the same site: the start command, the stop command and"
              + " the notes; render them again from one spec rather than copying files between sites")
          .documented("a stop script that names another site stops the wrong site, or none, and the daemons"
              + " keep the shared disk busy at failover",
              "guide 2.3.7 (cjcpw SITE DBPATH, cjcpw -stop SITE)");
  public static final Rule MACHINE_ID_DIFFERS =
      new Rule("XF002", Severity.ERROR,
          "the files of one site state different machine IDs",
          "state the machine ID the site was created with (cjcmksite) in every file of the site")
          .documented("the files were made for different sites, so at least one of them starts, stops or"
              + " describes the wrong one",
              "guide 2.1.2, 2.3.5 (cjcmksite SITE MACHINE-ID DBPATH)");
  public static final Rule DATABASE_DIFFERS =
      new Rule("XF003", Severity.ERROR,
          "the files of one site name different site database paths",
          "use the one site database path on the shared disk in every file of the site")
          .documented("cjcpw starts the site on the database it is given; another path starts another site or"
              + " fails, and the site's daemon.conf and site.conf are read from the database path",
              "guide 2.1.2, 2.3.7");
  public static final Rule MACHINE_ID_SHARED =
      new Rule("XF004", Severity.ERROR,
          "two sites use the same machine ID",
          "give every cluster site a machine ID of its own, unique in the whole JobCenter network")
          .documented("JobCenter tells sites apart by machine ID: two sites with one ID confuse job transfer"
              + " and the network queues",
              "guide 2.1.2, 2.3.3, 2.4.3");
  public static final Rule LOCAL_MACHINE_ID =
      new Rule("XF005", Severity.ERROR,
          "a cluster site uses a node's local-site machine ID",
          "give the cluster site a machine ID different from every node's local site (the spec's"
              + " nodes[].localMachineId)")
          .documented("the local site and the cluster site run side by side on a node and must not share an"
              + " ID",
              "guide 2.3.3, 2.4.3");
  public static final Rule NODE_WITHOUT_LOCAL_DAEMON =
      new Rule("XF006", Severity.WARNING,
          "a node of the spec has no common daemon.conf among the linted files",
          "collect <install>/rc/daemon.conf of every node (in a folder named after the node) and set"
              + " local_daemon=SITE or OFF in each")
          .documented("local_daemon must be set on both nodes; a node left out is not checked, and its local"
              + " site may not run beside the cluster site after failover",
              "guide 2.3.6");
  public static final Rule SPEC_MISMATCH =
      new Rule("XF007", Severity.ERROR,
          "the files of a site disagree with the spec",
          "render the site's files again from the spec ('clusterkit diff SPEC DIR' shows what changed), or"
              + " fix the spec if the deployment is right")
          .documented("the deployment is not what the spec describes, so what the spec promises (and what"
              + " was reviewed) is not what runs",
              "README, clusterkit diff");
  public static final Rule SITE_CONF_COPIES_DIFFER =
      new Rule("XF008", Severity.WARNING,
          "copies of one site's site.conf disagree with each other or with the spec",
          "keep one set of BOOT_TIMEOUT, STOP_TIMEOUT and FORCEKILL_TIME: copy the file the site reads"
              + " (<site database>\\etc\\site.conf) to every place that keeps one")
          .documented("the cluster software's timeouts are checked against the copy beside its scripts; if"
              + " the copy the site reads differs, those checks pass while the real timing is wrong",
              "guide 2.1.5");

  /** Every rule of core's deployment and spec checks. */
  public static final List<Rule> ALL =
      List.of(SPEC_INVALID, SITE_NAME_DIFFERS, MACHINE_ID_DIFFERS, DATABASE_DIFFERS, MACHINE_ID_SHARED,
          LOCAL_MACHINE_ID, NODE_WITHOUT_LOCAL_DAEMON, SPEC_MISMATCH, SITE_CONF_COPIES_DIFFER);

  private DeploymentRules() {}
}
