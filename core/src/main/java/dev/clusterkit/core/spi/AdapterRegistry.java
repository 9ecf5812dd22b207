package dev.clusterkit.core.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The adapters on the class path, sorted by id; ids are checked and must be unique. */
public final class AdapterRegistry {
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  private final List<ClusterAdapter> adapters;

  private AdapterRegistry(List<ClusterAdapter> adapters) {
    this.adapters = List.copyOf(adapters);
  }

  /** Loads the adapters visible to a class loader. */
  public static AdapterRegistry load(ClassLoader classLoader) {
    List<ClusterAdapter> found = new ArrayList<>();
    try {
      for (ClusterAdapter adapter : ServiceLoader.load(ClusterAdapter.class, classLoader)) {
        found.add(adapter);
      }
    } catch (ServiceConfigurationError e) {
      throw new IllegalStateException("an adapter on the class path cannot be loaded: " + e.getMessage(), e);
    }
    return of(found);
  }

  /** A registry of the given adapters (for embedding and tests). */
  public static AdapterRegistry of(Collection<? extends ClusterAdapter> adapters) {
    TreeMap<String, ClusterAdapter> byId = new TreeMap<>();
    for (ClusterAdapter adapter : adapters) {
      String id = adapter.id();
      if (id == null || !ID.matcher(id).matches()) {
        throw new IllegalStateException(
            "adapter " + adapter.getClass().getName() + " has an invalid id '" + id
                + "': use lowercase words joined by hyphens");
      }
      ClusterAdapter previous = byId.put(id, adapter);
      if (previous != null) {
        throw new IllegalStateException(
            "two adapters claim the id '" + id + "': " + previous.getClass().getName() + " and "
                + adapter.getClass().getName());
      }
    }
    List<ClusterAdapter> sorted = new ArrayList<>(byId.values());
    sorted.sort(Comparator.comparing(ClusterAdapter::id));
    return new AdapterRegistry(sorted);
  }

  public List<ClusterAdapter> adapters() {
    return adapters;
  }

  public Optional<ClusterAdapter> find(String id) {
    return adapters.stream().filter(a -> a.id().equals(id)).findFirst();
  }

  public List<String> ids() {
    return adapters.stream().map(ClusterAdapter::id).toList();
  }
}
