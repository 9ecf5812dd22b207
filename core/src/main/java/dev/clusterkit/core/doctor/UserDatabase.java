package dev.clusterkit.core.doctor;

import java.io.IOException;
import java.util.List;

/** The users of this node, as name service lookups see them. */
public interface UserDatabase {

  List<PasswdEntry> users() throws IOException, NotSupportedException;

  /** Where the users come from, for the evidence: {@code getent passwd}, {@code /etc/passwd}. */
  String describe();
}
