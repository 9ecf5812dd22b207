package dev.clusterkit.core.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.site.RestartRule.Basis;
import dev.clusterkit.core.site.RestartRule.Fate;
import dev.clusterkit.core.site.RestartRule.JobRestart;
import dev.clusterkit.core.site.RestartRule.Outcome;
import dev.clusterkit.core.site.RestartRule.QueueRestart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Guide 2.5.4: queue restart attribute x unit-job restart setting. */
class RestartRuleTest {

  @ParameterizedTest(name = "{0} x {1} -> {2} ({3})")
  @CsvSource({
    // Case 1: a RESTART queue re-runs the job.
    "RESTART, ENABLE, RERUN, GUIDE",
    // Case 2: the job's DISABLE wins; the job is deleted.
    "RESTART, DISABLE, DELETED, GUIDE",
    // Case 3: a PURGE queue deletes its jobs whatever their own setting.
    "PURGE, ENABLE, DELETED, GUIDE",
    "PURGE, DISABLE, DELETED, GUIDE",
    // Not described by the guide: documented assumptions.
    "STOP, ENABLE, HELD_IN_STOPPED_QUEUE, ASSUMPTION",
    "STOP, DISABLE, DELETED, ASSUMPTION",
    "MIGRATION_STOP, ENABLE, HELD_IN_STOPPED_QUEUE, ASSUMPTION",
    "MIGRATION_STOP, DISABLE, DELETED, ASSUMPTION",
    "MIGRATION_PURGE, ENABLE, DELETED, ASSUMPTION",
    "MIGRATION_PURGE, DISABLE, DELETED, ASSUMPTION"
  })
  void everyCellOfTheMatrix(QueueRestart queue, JobRestart job, Fate fate, Basis basis) {
    Outcome o = RestartRule.outcome(queue, job);
    assertEquals(fate, o.fate());
    assertEquals(basis, o.basis());
    assertFalse(o.reason().isBlank());
  }

  @Test
  void guideCellsNameTheirCase() {
    assertTrue(RestartRule.outcome(QueueRestart.RESTART, JobRestart.ENABLE).reason().contains("case 1"));
    assertTrue(RestartRule.outcome(QueueRestart.RESTART, JobRestart.DISABLE).reason().contains("case 2"));
    assertTrue(RestartRule.outcome(QueueRestart.PURGE, JobRestart.ENABLE).reason().contains("case 3"));
    assertTrue(RestartRule.outcome(QueueRestart.PURGE, JobRestart.DISABLE).reason().contains("case 3"));
  }

  @Test
  void onlyRestartAndPurgeRestOnTheGuide() {
    for (QueueRestart q : QueueRestart.values()) {
      for (JobRestart j : JobRestart.values()) {
        boolean documented = q == QueueRestart.RESTART || q == QueueRestart.PURGE;
        assertEquals(documented ? Basis.GUIDE : Basis.ASSUMPTION, RestartRule.outcome(q, j).basis(), q + " x " + j);
      }
    }
  }

  @Test
  void onlyRestartWithEnableReruns() {
    for (QueueRestart q : QueueRestart.values()) {
      for (JobRestart j : JobRestart.values()) {
        boolean rerun = q == QueueRestart.RESTART && j == JobRestart.ENABLE;
        assertEquals(rerun, RestartRule.outcome(q, j).fate() == Fate.RERUN, q + " x " + j);
      }
    }
  }

  @Test
  void theGuidesFiveAttributesAndTwoSettings() {
    assertEquals(5, QueueRestart.values().length);
    assertEquals(2, JobRestart.values().length);
  }
}
