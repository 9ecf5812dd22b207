package dev.clusterkit.core.bundle;

import dev.clusterkit.testkit.Shell;
import java.nio.file.Path;
import java.util.List;

/** Reads a zip's Unix modes with Python's zipfile, an independent reader of the format. */
final class Shellless {
  private Shellless() {}

  static void requirePython() {
    Shell.requireTool("python3", "python3");
  }

  static String zipModes(Path zip) {
    Shell.Result r = Shell.run(List.of("python3", "-c",
        "import sys, zipfile\n"
            + "for i in zipfile.ZipFile(sys.argv[1]).infolist(): print(i.filename, oct(i.external_attr >> 16)[2:])\n",
        zip.toString()));
    if (r.exitCode() != 0) {
      throw new AssertionError(r.describe());
    }
    return r.stdout();
  }
}
