package dev.clusterkit.core.lint;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.ClusterKit;
import dev.clusterkit.core.lint.deploy.MentionScanner;
import dev.clusterkit.core.lint.deploy.SpecFiles;
import dev.clusterkit.core.lint.shell.ShellScript;
import dev.clusterkit.core.site.DaemonConfParser;
import dev.clusterkit.core.site.SiteConfParser;
import dev.clusterkit.core.spec.SpecException;
import dev.clusterkit.core.spec.SpecLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds random bytes, and mangled copies of real files, to every core parser: each must return
 * findings (or, for the spec loader, a SpecException naming the problems), never throw anything
 * else. Seeded, so a failure replays; the seed and input are in the message.
 */
class ParserFuzzTest {
  private static final long SEED = 0x5EED_C1A5L;
  private static final int ROUNDS = 400;

  /** Real files to mangle: core's lint cases. */
  static List<byte[]> seeds() throws IOException {
    List<byte[]> seeds = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(Path.of("src/test/resources/lint/cases"))) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        seeds.add(Files.readAllBytes(p));
      }
    }
    return seeds;
  }

  /** Random bytes, random text from a hostile alphabet, or a real file with bytes flipped, cut or repeated. */
  static byte[] input(Random random, List<byte[]> seeds) {
    switch (random.nextInt(4)) {
      case 0 -> {
        byte[] b = new byte[random.nextInt(600)];
        random.nextBytes(b);
        return b;
      }
      case 1 -> {
        String alphabet = "=\n\r\t #:'\"\\/$%&|;(){}[]-_.,0123456789abcAZ cjcpw -stop ipaddress local_daemon"
            + " STOP_TIMEOUT apiVersion: clusterkit/v1 kind: Cluster sites: - name: \u3042\uFEFF\u0000";
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(400);
        for (int i = 0; i < n; i++) {
          s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
      }
      default -> {
        byte[] base = seeds.get(random.nextInt(seeds.size())).clone();
        if (base.length == 0) {
          return base;
        }
        int edits = 1 + random.nextInt(8);
        for (int i = 0; i < edits; i++) {
          base[random.nextInt(base.length)] = (byte) random.nextInt(256);
        }
        int cut = random.nextInt(base.length + 1);
        byte[] out = new byte[cut + (random.nextBoolean() ? cut : 0)];
        System.arraycopy(base, 0, out, 0, cut);
        if (out.length > cut) {
          System.arraycopy(base, 0, out, cut, cut);
        }
        return out;
      }
    }
  }

  private static void fuzz(String what, Consumer<byte[]> parser) throws IOException {
    Random random = new Random(SEED ^ what.hashCode());
    List<byte[]> seeds = seeds();
    for (int round = 0; round < ROUNDS; round++) {
      byte[] in = input(random, seeds);
      try {
        parser.accept(in);
      } catch (RuntimeException | Error e) {
        throw new AssertionError(what + " threw on round " + round + " (seed " + SEED + ") for input "
            + new String(in, StandardCharsets.ISO_8859_1).replace("\n", "\\n"), e);
      }
    }
  }

  private static SourceFile text(String name, byte[] bytes) {
    return LintInputs.decode(name, bytes).orElseGet(() -> new SourceFile(name, new String(bytes, StandardCharsets.ISO_8859_1)));
  }

  @Test
  void siteConfParser() throws IOException {
    fuzz("site.conf", b -> assertNotNull(SiteConfParser.parse(text("site.conf", b)).findings()));
  }

  @Test
  void daemonConfParser() throws IOException {
    fuzz("daemon.conf", b -> {
      SourceFile f = text("daemon.conf", b);
      assertNotNull(DaemonConfParser.parse(f).findings());
      assertNotNull(DaemonConfParser.checkCommonFile(f));
      assertNotNull(DaemonConfParser.checkSiteFile(f, new dev.clusterkit.core.site.RelocatableAddress("192.168.1.1")));
    });
  }

  @Test
  void shellScript() throws IOException {
    fuzz("shell", b -> assertNotNull(ShellScript.parse(text("start.sh", b)).commands()));
  }

  @Test
  void mentionScanner() throws IOException {
    fuzz("mentions", b -> {
      assertNotNull(MentionScanner.scan(text("start.sh", b)));
      assertNotNull(MentionScanner.scan(text("SETTINGS.txt", b)));
    });
  }

  @Test
  void specLoaderThrowsOnlySpecExceptions() throws IOException {
    SpecLoader loader = new SpecLoader(ClusterKit.create().registry());
    fuzz("spec", b -> {
      SourceFile f = text("cluster.yaml", b);
      try {
        loader.parse("cluster.yaml", f.text());
      } catch (SpecException e) {
        assertTrue(!e.errors().isEmpty(), "a SpecException names its problems");
      }
      assertNotNull(SpecFiles.load(f, ClusterKit.create().registry()));
    });
  }

  @Test
  void decodingNeverThrows() throws IOException {
    fuzz("decode", b -> assertNotNull(LintInputs.decode("x", b)));
  }

  @Test
  void wholeLintOfRandomFilesOnDisk(@TempDir Path dir) throws IOException {
    Random random = new Random(SEED);
    List<byte[]> seeds = seeds();
    String[] names = {"site.conf", "daemon.conf", "rc/daemon.conf", "cluster.yaml", "SETTINGS.txt", "start.fake",
        "a.example.com/stop.fake", "manifest.json", "x.bin"};
    for (int i = 0; i < 200; i++) {
      Path f = dir.resolve("d" + (i % 7)).resolve(names[random.nextInt(names.length)]);
      Files.createDirectories(f.getParent());
      Files.write(f, input(random, seeds));
      try {
        LintReport report = ClusterKit.create().lint(List.of(dir));
        assertNotNull(report);
      } catch (RuntimeException e) {
        throw new AssertionError("lint threw after writing " + f + ": " + Optional.ofNullable(e.getMessage()).orElse(""), e);
      }
    }
  }
}
