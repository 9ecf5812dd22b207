package dev.clusterkit.it.e2e;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a rendered file is, and for a shell script the shells that run it and shellcheck's dialect
 * for it, as the adapters' own shell tests define them:
 *
 * <ul>
 *   <li>POSIX sh: CLUSTERPRO's start.sh and stop.sh, Serviceguard's external script, the Sun
 *       Cluster scripts, Pacemaker's OCF agent and pcs script. Run by {@code /bin/sh}, which is dash or bash on Linux, ksh on HP-UX
 *       ({@code /usr/bin/sh}) and Solaris 11, so every one of them must parse it.
 *   <li>ksh: Serviceguard legacy control-script fragments for HP-UX ({@code .ksh}).
 *   <li>bash: the same fragments for Linux ({@code .bash}), where the control script is bash.
 * </ul>
 *
 * Every other kind is named, so that a new kind of artifact fails {@link #of} until someone
 * decides how it is checked.
 */
enum ArtifactKind {
  SH(List.of("sh", "dash", "bash", "ksh"), "sh"),
  KSH(List.of("ksh"), "ksh"),
  BASH(List.of("bash"), "bash"),
  /** Text a person reads (SETTINGS.txt, runbooks, Sun Cluster 2.2 registration notes). */
  DOCUMENT(List.of(), ""),
  /** Configuration a cluster product or JobCenter reads (package files, site.conf, manifest). */
  CONFIGURATION(List.of(), ""),
  /** Windows scripts (batch, PowerShell, VBScript): linted, not run here. */
  WINDOWS_SCRIPT(List.of(), "");

  private final List<String> shells;
  private final String shellcheckDialect;

  ArtifactKind(List<String> shells, String shellcheckDialect) {
    this.shells = shells;
    this.shellcheckDialect = shellcheckDialect;
  }

  boolean isShell() {
    return !shells.isEmpty();
  }

  /** The shells whose {@code -n} must accept the file. */
  List<String> shells() {
    return shells;
  }

  String shellcheckDialect() {
    return shellcheckDialect;
  }

  /** The kind of the file at {@code path} with {@code text}; empty when it is of no known kind. */
  static Optional<ArtifactKind> of(String path, String text) {
    String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
    if (ext.equals("ksh")) {
      return Optional.of(KSH);
    }
    if (ext.equals("bash")) {
      return Optional.of(BASH);
    }
    if (ext.equals("sh") || text.startsWith("#!/bin/sh") || text.startsWith("#!/usr/bin/sh")) {
      return Optional.of(SH);
    }
    if (text.startsWith("#!")) {
      return Optional.empty();
    }
    return switch (ext) {
      case "txt", "md" -> Optional.of(DOCUMENT);
      case "conf", "ascii", "json", "xml", "crm" -> Optional.of(CONFIGURATION);
      case "bat", "cmd", "ps1", "vbs" -> Optional.of(WINDOWS_SCRIPT);
      default -> Optional.empty();
    };
  }
}
