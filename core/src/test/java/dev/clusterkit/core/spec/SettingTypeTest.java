package dev.clusterkit.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingTypeTest {
  private static final Mark AT = new Mark("f", 1, 1);

  private static YamlNode.Scalar string(String text) {
    return new YamlNode.Scalar(text, true, false, AT);
  }

  private static YamlNode.Scalar plain(String text) {
    return new YamlNode.Scalar(text, false, false, AT);
  }

  private static String refused(SettingType type, YamlNode.Scalar scalar) {
    return assertThrows(IllegalArgumentException.class, () -> type.convert(scalar)).getMessage();
  }

  @Test
  void textMatchesItsPattern() {
    SettingType t = new SettingType.Text("[a-z]+", "lowercase letters");
    assertEquals("abc", t.convert(string("abc")));
    assertEquals("'ab1' is not valid: lowercase letters", refused(t, string("ab1")));
    assertEquals("'' is not valid: lowercase letters", refused(t, string("")));
    assertEquals("expected a string but found '200'; write it in quotes", refused(t, plain("200")));
    assertEquals("expected a string but found 'true'; write it in quotes", refused(t, plain("true")));
  }

  @Test
  void intIsAWholeNumberInItsClosedRange() {
    SettingType t = new SettingType.Int(1, 10);
    assertEquals(1, t.convert(plain("1")));
    assertEquals(10, t.convert(plain("10")));
    assertEquals("0 is not between 1 and 10", refused(t, plain("0")));
    assertEquals("11 is not between 1 and 10", refused(t, plain("11")));
    assertEquals("-3 is not between 1 and 10", refused(t, plain("-3")));
    assertEquals(
        "99999999999999999999999 is not between 1 and 10", refused(t, plain("99999999999999999999999")));
    assertEquals("expected a whole number but found '5'", refused(t, string("5")));
    assertEquals("expected a whole number but found '1.5'", refused(t, plain("1.5")));
    assertEquals("expected a whole number but found '0x5'", refused(t, plain("0x5")));
  }

  @Test
  void intCoversTheWholeIntRange() {
    SettingType t = new SettingType.Int(Integer.MIN_VALUE, Integer.MAX_VALUE);
    assertEquals(Integer.MAX_VALUE, t.convert(plain("2147483647")));
    assertEquals(Integer.MIN_VALUE, t.convert(plain("-2147483648")));
    assertEquals(
        "2147483648 is not between -2147483648 and 2147483647", refused(t, plain("2147483648")));
  }

  @Test
  void boolIsTrueOrFalse() {
    SettingType t = new SettingType.Bool();
    assertEquals(true, t.convert(plain("true")));
    assertEquals(false, t.convert(plain("false")));
    assertEquals("expected true or false but found 'true'", refused(t, string("true")));
    assertEquals("expected true or false but found 'yes'", refused(t, string("yes")));
    assertEquals("expected true or false but found 'True'", refused(t, plain("True")));
  }

  @Test
  void choiceIsOneOfItsWords() {
    SettingType t = new SettingType.Choice(List.of("fast", "safe"));
    assertEquals("fast", t.convert(string("fast")));
    assertEquals("'Fast' is not one of fast, safe", refused(t, string("Fast")));
  }

  @Test
  void choiceCopiesItsWords() {
    List<String> words = new ArrayList<>(List.of("a", "b"));
    SettingType.Choice c = new SettingType.Choice(words);
    words.add("c");
    assertEquals(List.of("a", "b"), c.values());
  }
}
