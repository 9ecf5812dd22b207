package dev.clusterkit.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.fakecluster.FakeAdapter;
import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.site.Platform;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdapterRegistryTest {

  /** An adapter with any id. */
  private record Named(String id) implements ClusterAdapter {
    @Override
    public String displayName() {
      return "Named " + id;
    }

    @Override
    public Set<Platform> platforms() {
      return Set.of(Platform.LINUX);
    }

    @Override
    public List<Artifact> render(RenderContext context) {
      return List.of();
    }

    @Override
    public boolean recognizes(SourceFile file) {
      return false;
    }

    @Override
    public List<Finding> lint(List<SourceFile> files) {
      return List.of();
    }

    @Override
    public List<Rule> rules() {
      return List.of();
    }
  }

  @Test
  void adaptersAreSortedById() {
    AdapterRegistry r = AdapterRegistry.of(List.of(new Named("sun-cluster"), new Named("msfc"), new Named("clusterpro-linux")));
    assertEquals(List.of("clusterpro-linux", "msfc", "sun-cluster"), r.ids());
    assertEquals(List.of("clusterpro-linux", "msfc", "sun-cluster"), r.adapters().stream().map(ClusterAdapter::id).toList());
  }

  @Test
  void findsById() {
    Named msfc = new Named("msfc");
    AdapterRegistry r = AdapterRegistry.of(List.of(msfc, new Named("serviceguard")));
    assertSame(msfc, r.find("msfc").orElseThrow());
    assertEquals(Optional.empty(), r.find("MSFC"));
    assertEquals(Optional.empty(), r.find("nope"));
  }

  @Test
  void duplicateIdsAreRefusedNamingBothClasses() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> AdapterRegistry.of(List.of(new Named("fake"), new FakeAdapter())));
    assertTrue(e.getMessage().startsWith("two adapters claim the id 'fake': "), e.getMessage());
    assertTrue(e.getMessage().contains(FakeAdapter.class.getName()), e.getMessage());
    assertTrue(e.getMessage().contains(Named.class.getName()), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Fake", "fake_cluster", "-fake", "fake-", "fake--x", "1fake", "fa ke", "fake/x"})
  void invalidIdsAreRefused(String id) {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> AdapterRegistry.of(List.of(new Named(id))));
    assertTrue(e.getMessage().contains("has an invalid id '" + id + "': use lowercase words joined by hyphens"), e.getMessage());
  }

  @Test
  void aNullIdIsRefused() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> AdapterRegistry.of(List.of(new Named(null))));
    assertTrue(e.getMessage().contains("invalid id 'null'"), e.getMessage());
  }

  @Test
  void loadFindsTheRegisteredThirdPartyAdapter() {
    AdapterRegistry r = AdapterRegistry.load(getClass().getClassLoader());
    assertEquals(List.of("fake"), r.ids());
    assertTrue(r.find("fake").orElseThrow() instanceof FakeAdapter);
  }

  @Test
  void anEmptyClassPathHasNoAdapters() {
    assertEquals(List.of(), AdapterRegistry.load(ClassLoader.getPlatformClassLoader()).ids());
  }

  @Test
  void theListCannotBeChanged() {
    AdapterRegistry r = AdapterRegistry.of(List.of(new Named("a")));
    assertThrows(UnsupportedOperationException.class, () -> r.adapters().add(new Named("b")));
  }
}
