package dev.clusterkit.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterkit.core.lint.Location;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SpecException, SpecError and Mark. */
class SpecExceptionTest {

  @Test
  void theMessageListsEveryErrorOnItsOwnLine() {
    SpecException e =
        new SpecException(
            List.of(
                new SpecError(new Mark("s.yaml", 3, 5), "first"),
                new SpecError(new Mark("s.yaml", 9, 1), "second")));
    assertEquals("s.yaml:3:5: first\ns.yaml:9:1: second", e.getMessage());
    assertEquals(2, e.errors().size());
  }

  @Test
  void marksAreLocations() {
    assertEquals(Location.at("s.yaml", 3, 5), new Mark("s.yaml", 3, 5).location());
    assertEquals("s.yaml:3:5", new Mark("s.yaml", 3, 5).toString());
  }
}
