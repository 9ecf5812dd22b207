package dev.clusterkit.adapter.pacemaker;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.site.SiteConf;
import dev.clusterkit.core.site.SiteConfParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sorts files into agents, pcs scripts, crm files and CIB XML, and lints each with the site.conf beside it. */
final class PacemakerLinter {
  enum Kind {
    SITE_CONF,
    AGENT,
    PCS,
    CIB,
    CRM
  }

  private PacemakerLinter() {}

  static Optional<Kind> kindOf(SourceFile f) {
    if (f.fileName().equals("site.conf")) {
      return Optional.of(Kind.SITE_CONF);
    }
    if (AgentLinter.recognizes(f)) {
      return Optional.of(Kind.AGENT);
    }
    if (PcsReader.recognizes(f)) {
      return Optional.of(Kind.PCS);
    }
    if (CibReader.recognizes(f)) {
      return Optional.of(Kind.CIB);
    }
    if (CrmReader.recognizes(f)) {
      return Optional.of(Kind.CRM);
    }
    return Optional.empty();
  }

  static boolean recognizes(SourceFile file) {
    return kindOf(file).isPresent();
  }

  static List<Finding> lint(List<SourceFile> files) {
    Map<String, SiteConf> siteConfs = SiteConfParser.byFolder(files);
    List<Finding> out = new ArrayList<>();
    for (SourceFile f : files) {
      Optional<SiteConf> conf = Optional.ofNullable(siteConfs.get(f.folderKey()));
      switch (kindOf(f).orElseThrow(() -> new IllegalArgumentException(f.path() + " is not a Pacemaker file"))) {
        case SITE_CONF -> {
          // Read above for its timing; core's site.conf rules check the file itself.
        }
        case AGENT -> AgentLinter.lint(f, out);
        case PCS -> ConfigLinter.lint(PcsReader.read(f), conf, out);
        case CIB -> ConfigLinter.lint(CibReader.read(f), conf, out);
        case CRM -> ConfigLinter.lint(CrmReader.read(f), conf, out);
      }
    }
    return out;
  }
}
