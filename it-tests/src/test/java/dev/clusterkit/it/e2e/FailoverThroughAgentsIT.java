package dev.clusterkit.it.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/**
 * Every failover of {@link FailoverIT} again, with a runtime agent on each node: the rendered
 * scripts' cjcpw, cjcls, nqsstart and nqsstop run in the node's agent through the shims' client.
 * After each test the agents' logs must show that they ran cjcpw and never sent it to a JVM of its
 * own, so a test cannot pass on the JVM route by accident.
 */
class FailoverThroughAgentsIT extends FailoverIT {
  @Override
  boolean throughAgents() {
    return true;
  }

  /** Runs before FailoverIT's clean-up (a subclass's after-each methods come first). */
  @AfterEach
  void theAgentsRanCjcpw() {
    if (cluster == null || cluster.agents.isEmpty()) {
      return;
    }
    StringBuilder logs = new StringBuilder();
    for (Map.Entry<TwoNodeCluster.Node, Process> e : cluster.agents.entrySet()) {
      logs.append("--- agent of ").append(e.getKey()).append('\n').append(cluster.output(e.getValue()));
    }
    assertTrue(logs.toString().matches("(?s).*: cjcpw (-c )?jobs[0-9]+\\.e2e\\.example\\.test [^\n]*: started\n.*"), logs.toString());
    assertFalse(logs.toString().contains("runs in a JVM of its own"), logs.toString());
  }
}
