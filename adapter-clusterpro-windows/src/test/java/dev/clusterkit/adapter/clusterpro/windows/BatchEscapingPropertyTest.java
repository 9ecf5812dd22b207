package dev.clusterkit.adapter.clusterpro.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.render.RenderException;
import dev.clusterkit.core.spec.SpecException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of the batch escaping, over seeded random strings (a failure prints its seed and
 * value): every value either reaches the program unchanged through cmd's parsing and the C
 * runtime's, or is refused with a message naming it. The environment holds variables whose names
 * the values may mention, so an escape that is missing shows up as an expansion.
 */
class BatchEscapingPropertyTest {
  private static final long SEED = 0x5EED_C1A5L;
  private static final int RUNS = 3000;
  /** Characters cmd or the C runtime treat specially, plus ordinary and non-ASCII ones. */
  private static final String ALPHABET =
      "aZ09 _-.:\\/\"&|<>^%!'(),;=~*?[]{}$#@+`\t\n\r\u0007\u8d77\u52d5\u8868\u30bd";
  private static final Map<String, String> ENV =
      Map.of("PATH", "<PATH>", "A", "<A>", "CLP_EVENT", "<EVENT>", "X", "<X>");

  @Test
  void quotedValuesArriveIntactOrAreRefused() {
    Random random = new Random(SEED);
    int accepted = 0;
    for (int run = 0; run < RUNS; run++) {
      String value = randomString(random, 12);
      String quoted;
      try {
        quoted = BatchText.quoted(value, "value");
      } catch (IllegalArgumentException e) {
        assertTrue(mustRefuse(value), "refused although cmd could pass it: [" + value + "] " + e.getMessage());
        assertTrue(e.getMessage().startsWith("value '"), e.getMessage());
        continue;
      }
      accepted++;
      assertTrue(!mustRefuse(value), "accepted a value cmd cannot pass: [" + value + "]");
      assertEquals(List.of("PROG", value), CmdModel.run("PROG " + quoted, ENV), "seed " + SEED + " run " + run);
    }
    assertTrue(accepted > RUNS / 10, "the generator should produce acceptable values too: " + accepted);
  }

  @Test
  void wordsArriveIntactOrAreRefused() {
    Random random = new Random(SEED + 1);
    for (int run = 0; run < RUNS; run++) {
      String value = randomString(random, 8);
      try {
        String word = BatchText.word(value, "word");
        assertEquals(List.of("PROG", value), CmdModel.run("PROG " + word, ENV), "run " + run);
      } catch (IllegalArgumentException e) {
        assertTrue(e.getMessage().contains("one word"), e.getMessage());
      }
    }
  }

  @Test
  void commentsKeepTheirPercentSigns() {
    Random random = new Random(SEED + 2);
    for (int run = 0; run < RUNS; run++) {
      String value = randomString(random, 10);
      try {
        assertEquals("rem " + value, CmdModel.expand("rem " + BatchText.comment(value, "text"), ENV));
      } catch (IllegalArgumentException e) {
        assertTrue(value.chars().anyMatch(Character::isISOControl), value);
      }
    }
  }

  @Test
  void knownHardValues() {
    for (String value : List.of("100%", "%PATH%", "a & b", "a|b", "<x>", "^", "(x)", "C:\\Program Files (x86)\\JC",
        "it's", "a,b;c=d", "%%", "%", "%A", "\u8868\u793a")) {
      assertEquals(List.of("PROG", value), CmdModel.run("PROG " + BatchText.quoted(value, "v"), ENV), value);
    }
    for (String value : List.of("say \"hi\"", "wow!", "C:\\dir\\", "two\nlines", "tab\there")) {
      assertThrows(IllegalArgumentException.class, () -> BatchText.quoted(value, "v"), value);
    }
  }

  /**
   * Through the whole pipeline: database paths, install directories and messages drawn from the
   * alphabet either make the spec or the rendering fail with a message naming the field, or come out
   * of the rendered ARMLOAD, cjcpw -stop and broadcast lines exactly as given.
   */
  @Test
  void specValuesReachTheCommandsIntactOrAreRefused() throws Exception {
    Random random = new Random(SEED + 3);
    int rendered = 0;
    for (int run = 0; run < 300; run++) {
      String database = "X:\\" + pathLike(random, 10);
      String install = "D:\\" + pathLike(random, 10);
      String message = randomString(random, 16, true);
      String text = Specs.oneSite(install, database, "",
          "encoding: " + (random.nextBoolean() ? "cp932" : "ascii") + "\nnotRunningMessage: '"
              + message.replace("'", "''") + "'");
      List<Artifact> artifacts;
      try {
        artifacts = Specs.render(Specs.parse(text));
      } catch (SpecException e) {
        String m = e.getMessage();
        assertTrue(m.contains("database") || m.contains("installRoot") || m.contains("notRunningMessage")
            || m.contains("install root"), "run " + run + ": " + m);
        continue;
      } catch (RenderException e) {
        // Only the code page can refuse what the spec accepted.
        assertTrue(e.getMessage().contains("notRunningMessage") && e.getMessage().contains("cannot encode"),
            "run " + run + ": " + e.getMessage());
        continue;
      }
      rendered++;
      String cjcpw = install + "\\bin\\cluster\\cjcpw";
      String start = Specs.artifact(artifacts, "testsite.example.com/start.bat").text();
      String stop = Specs.artifact(artifacts, "testsite.example.com/stop.bat").text();
      assertEquals(List.of("ARMLOAD", "JC_TESTSITE", "/M", "/U", "Job-Admin", cjcpw, "testsite.example.com", database),
          CmdModel.run(lineStarting(start, "ARMLOAD "), ENV), "run " + run);
      assertEquals(List.of(cjcpw, "-stop", "testsite.example.com"),
          CmdModel.run(lineStarting(stop, "\""), ENV), "run " + run);
      List<String> broadcast = CmdModel.run(lineStarting(stop.substring(stop.indexOf(":NO_CLUSTER")), "ARMBCAST"), ENV);
      assertEquals(List.of("ARMBCAST", "/MSG", message.isEmpty() ? broadcast.get(2) : message, "/A"), broadcast,
          "run " + run);
    }
    assertTrue(rendered > 10, "some random specs should render: " + rendered);
  }

  private static String lineStarting(String text, String prefix) {
    return text.lines().filter(l -> l.startsWith(prefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no line starting with " + prefix + " in\n" + text));
  }

  /** What no quoting can pass through cmd and the C runtime intact. */
  private static boolean mustRefuse(String value) {
    return value.contains("\"") || value.contains("!") || value.endsWith("\\")
        || value.chars().anyMatch(Character::isISOControl);
  }

  /** Mostly characters a Windows path in the spec may hold, now and then one it may not. */
  private static String pathLike(Random random, int maxLength) {
    String allowed = "aZ09 _-.+@,=()\\";
    int length = 1 + random.nextInt(maxLength);
    StringBuilder s = new StringBuilder("j");
    while (s.length() < length) {
      s.append(random.nextInt(12) == 0
          ? ALPHABET.charAt(random.nextInt(ALPHABET.length()))
          : allowed.charAt(random.nextInt(allowed.length())));
    }
    return s.toString().replace("\n", "").replace("\r", "").replace("\t", "").replace("\u0007", "");
  }

  private static String randomString(Random random, int maxLength) {
    return randomString(random, maxLength, false);
  }

  private static String randomString(Random random, int maxLength, boolean printable) {
    int length = random.nextInt(maxLength + 1);
    StringBuilder s = new StringBuilder();
    while (s.length() < length) {
      char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
      if (!printable || !Character.isISOControl(c)) {
        s.append(c);
      }
    }
    return s.toString();
  }
}
