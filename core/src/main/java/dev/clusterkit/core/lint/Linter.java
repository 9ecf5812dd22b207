package dev.clusterkit.core.lint;

import java.util.List;

/** Something that lints the files of the kinds it recognises; adapters and core's own file kinds. */
public interface Linter {
  /** Whether a file is of a kind this linter checks. */
  boolean recognizes(SourceFile file);

  /** Lints the recognised files together. */
  List<Finding> lint(List<SourceFile> files);
}
