package dev.clusterkit.adapter.clusterpro.windows;

import java.util.regex.Pattern;

/**
 * The account ARMLOAD /U runs cjcpw as: the JobCenter administrator chosen when JobCenter was
 * installed (guide 4.2.1.1), written as a plain Windows user name or DOMAIN\name. It goes on the
 * ARMLOAD line unquoted, as the guide writes it, so it is one word of safe characters.
 */
final class AdminAccount {
  static final String PATTERN =
      "([A-Za-z0-9][A-Za-z0-9-]{0,14}\\\\)?[A-Za-z0-9_]([A-Za-z0-9._-]{0,18}[A-Za-z0-9_-])?";
  static final String RULE =
      "a Windows user name of 1 to 20 letters, digits and . _ - (not ending in '.'), optionally"
          + " preceded by DOMAIN\\";
  private static final Pattern VALID = Pattern.compile(PATTERN);

  private AdminAccount() {}

  static boolean valid(String account) {
    return VALID.matcher(account).matches();
  }
}
