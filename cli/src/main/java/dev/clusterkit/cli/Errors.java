package dev.clusterkit.cli;

import dev.clusterkit.core.render.RenderException;
import dev.clusterkit.core.spec.SpecError;
import dev.clusterkit.core.spec.SpecException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into one clear line on stderr (a spec's errors into one
 * {@code file:line:col: message} line each) and an exit code; stack traces only with --verbose.
 */
final class Errors {
  private Errors() {}

  static int onUsageError(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    String name = cmd.getCommandSpec().qualifiedName();
    String message = e.getMessage();
    if (e instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
      message = message + "; did you mean " + String.join(" or ", u.getSuggestions()) + "?";
    }
    cmd.getErr().println(name + ": " + oneLine(message) + " (see '" + name + " --help')");
    return ExitCodes.USER_ERROR;
  }

  static int onExecutionError(Exception e, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    String name = cmd.getCommandSpec().qualifiedName();
    if (e instanceof SpecException spec) {
      // The positions say everything; a stack trace would only hide them, even with --verbose.
      for (SpecError error : spec.errors()) {
        err.println(error.mark() + ": " + oneLine(error.message()));
      }
      return ExitCodes.USER_ERROR;
    }
    int code = ExitCodes.USER_ERROR;
    if (e instanceof CliException) {
      err.println(name + ": " + oneLine(e.getMessage()));
    } else if (e instanceof IOException io) {
      err.println(name + ": " + oneLine(describe(io)));
    } else if (e instanceof UncheckedIOException io) {
      err.println(name + ": " + oneLine(describe(io.getCause())));
    } else if (e instanceof RenderException) {
      err.println(name + ": cannot render: " + oneLine(e.getMessage()));
    } else {
      code = ExitCodes.INTERNAL_ERROR;
      err.println(name + ": internal error: " + oneLine(String.valueOf(e))
          + (verbose(parsed) ? "" : " (run with --verbose for the stack trace)"));
    }
    if (verbose(parsed)) {
      e.printStackTrace(err);
    }
    return code;
  }

  /**
   * Folds a message onto one line. FreeMarker's run over several lines and end with a "----"
   * ruler and tips, which are dropped.
   */
  static String oneLine(String message) {
    StringBuilder s = new StringBuilder();
    for (String line : message.split("\\R")) {
      String t = line.strip();
      if (t.startsWith("----")) {
        break;
      }
      if (!t.isEmpty()) {
        s.append(s.length() == 0 ? "" : " ").append(t);
      }
    }
    return s.toString();
  }

  /** Java's I/O messages often give only the path; say what went wrong with it. */
  static String describe(IOException e) {
    if (e instanceof FileAlreadyExistsException) {
      // ArtifactWriter's refusals carry their whole sentence ("out is not empty; use --force ...").
      return e.getMessage();
    }
    if (e instanceof FileSystemException fs && fs.getReason() == null && fs.getFile() != null) {
      String what =
          e instanceof NoSuchFileException ? "no such file or folder"
              : e instanceof AccessDeniedException ? "permission denied"
              : e instanceof NotDirectoryException ? "not a folder"
              : e instanceof DirectoryNotEmptyException ? "folder is not empty"
              : "cannot be used";
      return fs.getFile() + ": " + what;
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static boolean verbose(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
