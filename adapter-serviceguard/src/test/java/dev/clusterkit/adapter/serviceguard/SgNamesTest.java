package dev.clusterkit.adapter.serviceguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SgNamesTest {

  @Test
  void derivedNamesAreCutToThirtyNineAndNeverEndWithAHyphen() {
    assertEquals("jc_testsite", SgNames.derive("jc_", "testsite"));
    String cut = SgNames.derive("jc_", "abcdefghijklmnopqrstuvwxyzabcdefghij-klm");
    assertEquals("jc_abcdefghijklmnopqrstuvwxyzabcdefghij", cut);
    assertTrue(SgNames.problem(cut).isEmpty());
  }

  @Test
  void problemsNameTheRuleBroken() {
    assertTrue(SgNames.problem("jcservice").isEmpty());
    assertTrue(SgNames.problem("a.b-c_d9").isEmpty());
    assertEquals("'x_' is not a valid name: " + SgNames.RULE, SgNames.problem("x_").orElseThrow());
    assertTrue(SgNames.problem("jc/service").isPresent());
    assertTrue(SgNames.problem("a".repeat(40)).orElseThrow().contains("40 characters"));
    assertTrue(SgNames.problem("a".repeat(39)).isEmpty());
  }
}
