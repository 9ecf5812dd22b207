package dev.clusterkit.cli;

import dev.clusterkit.core.site.MachineId;
import dev.clusterkit.core.site.Platform;
import dev.clusterkit.core.site.SiteDatabasePath;
import dev.clusterkit.core.site.SiteName;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Site arguments checked as they are parsed, so a bad one is a usage error naming the rule. */
final class SiteConverters {
  private SiteConverters() {}

  static final class Name implements ITypeConverter<SiteName> {
    @Override
    public SiteName convert(String value) {
      try {
        return new SiteName(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class Id implements ITypeConverter<MachineId> {
    @Override
    public MachineId convert(String value) {
      int n;
      try {
        n = Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new TypeConversionException("machine ID '" + value + "' is not a whole number");
      }
      try {
        return new MachineId(n);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /**
   * The embedded runtime runs sites on Linux: database paths are POSIX paths. A relative one is
   * taken from the current folder, because the site's link must name it absolutely.
   */
  static final class Database implements ITypeConverter<SiteDatabasePath> {
    @Override
    public SiteDatabasePath convert(String value) {
      try {
        String absolute = value.isEmpty() ? value : Path.of(value).toAbsolutePath().normalize().toString();
        return new SiteDatabasePath(absolute, Platform.Family.POSIX);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
