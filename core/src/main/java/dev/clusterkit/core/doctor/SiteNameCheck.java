package dev.clusterkit.core.doctor;

import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.Severity;
import dev.clusterkit.core.spec.SiteSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The site name resolves to the relocatable address and the address back to the same full name. */
final class SiteNameCheck implements SiteCheck {
  static final Rule RULE =
      new Rule("DOC001", Severity.ERROR,
          "the site name does not resolve to its relocatable address and back",
          "make the site name (the FQDN) resolve to the relocatable address and the address back to that name,"
              + " in DNS or the hosts file of every node (guide 2.2.2)")
          .documented("cjcmksite fails, and clients reach the wrong node, unless forward and reverse lookups"
              + " agree on the fully qualified site name; aliases are refused", "guide 2.2.2, 2.3.3, 2.3.5");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public boolean unixOnly() {
    return false;
  }

  @Override
  public CheckResult check(DoctorContext context, SiteSpec spec) throws IOException {
    String name = spec.site().name().value();
    String address = spec.site().address().value();
    String subject = DoctorContext.subject(spec);
    Resolver resolver = context.machine().resolver();
    List<String> evidence = new ArrayList<>();
    evidence.add("lookups through " + resolver.describe());
    List<String> forward = resolver.addressesOf(name);
    evidence.add("forward: " + name + " -> " + (forward.isEmpty() ? "no address" : String.join(", ", forward)));
    if (forward.isEmpty()) {
      return CheckResult.failed(RULE, subject, name + " does not resolve", evidence,
          "add '" + address + " " + name + "' to DNS or to the hosts file of every node (guide 2.2.2)");
    }
    if (!forward.contains(address)) {
      return CheckResult.failed(RULE, subject,
          name + " resolves to " + String.join(", ", forward) + ", not to the relocatable address " + address, evidence,
          "make " + name + " resolve to " + address + ", or correct the site's address in the spec");
    }
    Optional<String> back = resolver.nameOf(address);
    evidence.add("reverse: " + address + " -> " + back.orElse("no name"));
    if (back.isEmpty()) {
      return CheckResult.failed(RULE, subject, address + " has no reverse lookup", evidence,
          "add a reverse entry (PTR record, or a hosts line whose first name is " + name + ") for " + address);
    }
    if (!back.get().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
      boolean shortName = !back.get().contains(".");
      return CheckResult.failed(RULE, subject,
          shortName
              ? address + " resolves back to the short name " + back.get() + ", not to " + name
              : name + " is an alias: " + address + " resolves back to " + back.get(),
          evidence,
          shortName
              ? "put the full name first on the hosts line of " + address + " (\"" + address + " " + name + " " + back.get() + "\")"
              : "use " + back.get() + " as the site name, or make " + name + " the canonical name of " + address
                  + "; cjcmksite refuses aliases (guide 2.3.5)");
    }
    return CheckResult.passed(RULE, subject, name + " resolves to " + address + " and back", evidence);
  }
}
