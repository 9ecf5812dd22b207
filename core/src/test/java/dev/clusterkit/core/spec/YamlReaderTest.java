package dev.clusterkit.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

  private static YamlNode read(String text) throws SpecException {
    return YamlReader.read("f.yaml", text);
  }

  private static String error(String text) {
    List<SpecError> errors = assertThrows(SpecException.class, () -> read(text)).errors();
    assertEquals(1, errors.size(), errors.toString());
    return errors.get(0).toString();
  }

  private static YamlNode.Scalar scalar(YamlNode.Mapping m, String key) {
    return assertInstanceOf(YamlNode.Scalar.class, m.entries().get(key).value());
  }

  @Test
  void keepsPositionsOfKeysAndValues() throws Exception {
    YamlNode.Mapping root = assertInstanceOf(YamlNode.Mapping.class, read("a: 1\nlist:\n  - x\n  - {b: c}\n"));
    assertEquals(new Mark("f.yaml", 1, 1), root.mark());
    assertEquals(new Mark("f.yaml", 1, 1), root.entries().get("a").keyMark());
    assertEquals(new Mark("f.yaml", 1, 4), root.entries().get("a").value().mark());
    YamlNode.Sequence list = assertInstanceOf(YamlNode.Sequence.class, root.entries().get("list").value());
    assertEquals(new Mark("f.yaml", 3, 3), list.mark());
    assertEquals(new Mark("f.yaml", 3, 5), list.items().get(0).mark());
    YamlNode.Mapping inner = assertInstanceOf(YamlNode.Mapping.class, list.items().get(1));
    assertEquals(new Mark("f.yaml", 4, 6), inner.entries().get("b").keyMark());
    assertEquals(List.of("a", "list"), List.copyOf(root.entries().keySet()));
  }

  @Test
  void scalarsKnowStringsFromNumbersBooleansAndNull() throws Exception {
    YamlNode.Mapping m =
        assertInstanceOf(
            YamlNode.Mapping.class,
            read("n: 200\nq: \"200\"\nf: 1.5\nt: true\ns: text\nip: 10.0.0.1\nz: ~\nempty:\nquoted: ''\nyes: yes\n"));
    assertFalse(scalar(m, "n").isString());
    assertTrue(scalar(m, "q").isString());
    assertFalse(scalar(m, "f").isString());
    assertFalse(scalar(m, "t").isString());
    assertTrue(scalar(m, "s").isString());
    assertTrue(scalar(m, "ip").isString());
    assertEquals("10.0.0.1", scalar(m, "ip").text());
    assertTrue(scalar(m, "z").isNull());
    assertTrue(scalar(m, "empty").isNull(), "a key without a value is null");
    assertFalse(scalar(m, "quoted").isNull(), "'' is an empty string");
    assertTrue(scalar(m, "quoted").isString());
    assertEquals("yes", scalar(m, "yes").text());
    assertTrue(scalar(m, "yes").isString(), "YAML 1.1 yes is not taken for a boolean");
    assertEquals("null", scalar(m, "z").kindName());
    assertEquals("a scalar", scalar(m, "s").kindName());
  }

  @Test
  void emptyDocumentsAreErrors() {
    assertEquals("f.yaml:1:1: the spec is empty", error(""));
    assertEquals("f.yaml:1:1: the spec is empty", error("# only a comment\n"));
  }

  @Test
  void duplicateKeysAreErrorsAtTheSecond() {
    assertEquals("f.yaml:3:1: key 'a' appears twice (first at line 1)", error("a: 1\nb: 2\na: 3\n"));
    assertEquals("f.yaml:3:3: key 'x' appears twice (first at line 2)", error("m:\n  x: 1\n  x: 2\n"));
  }

  @Test
  void moreThanOneDocumentIsAnError() {
    String e = error("a: 1\n---\nb: 2\n");
    assertTrue(e.startsWith("f.yaml:3:1: the spec holds more than one YAML document"), e);
  }

  @Test
  void aliasesAreRefusedRatherThanReadAsText() {
    assertEquals(
        "f.yaml:2:4: YAML aliases (*db) are not supported: write the value out",
        error("a: &db /mnt/jobdb\nb: *db\n"));
  }

  @Test
  void syntaxErrorsAreOneLineNamingFileAndPosition() {
    assertEquals(
        "f.yaml:2:1: not valid YAML: while parsing a flow sequence: expected ',' or ']', but got <stream end>",
        error("a: [1, 2\n"));
  }

  @Test
  void tabIndentationIsASyntaxError() {
    String e = error("a:\n\tb: 1\n");
    assertTrue(e.startsWith("f.yaml:2:1: not valid YAML: "), e);
    assertTrue(e.contains("Do not use \\t(TAB) for indentation"), e);
    assertEquals(1, e.lines().count(), e);
  }

  @Test
  void complexKeysAreRefused() {
    String e = error("? [a]\n: 1\n");
    assertTrue(e.startsWith("f.yaml:1:"), e);
  }
}
