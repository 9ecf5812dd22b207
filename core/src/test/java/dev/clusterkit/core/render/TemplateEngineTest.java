package dev.clusterkit.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateEngineTest {
  private static final ClassLoader LOADER = TemplateEngineTest.class.getClassLoader();
  private static final Map<String, Object> NUMBERS =
      Map.of("count", 12345, "big", 1234567890123L, "ratio", 1.5, "flag", true);

  private static Templates fake() throws IOException {
    return new TemplateEngine(Optional.empty(), LOADER).forAdapter("fake");
  }

  @Test
  void rendersATemplateFromTheClassPath() throws Exception {
    assertEquals("Hello world!\n", fake().render("greeting.ftl", Map.of("name", "world")));
  }

  @Test
  void aMissingValueIsAnErrorNamingTemplateAndLine() throws Exception {
    RenderException e =
        assertThrows(RenderException.class, () -> fake().render("needs-value.ftl", Map.of()));
    assertTrue(e.getMessage().startsWith("template fake/needs-value.ftl line 2: "), e.getMessage());
    assertTrue(e.getMessage().contains("absent"), e.getMessage());
  }

  @Test
  void aMissingTemplateIsAnError() throws Exception {
    RenderException e = assertThrows(RenderException.class, () -> fake().render("nope.ftl", Map.of()));
    assertEquals("template fake/nope.ftl not found", e.getMessage());
  }

  @Test
  void templatesOfAnotherAdapterAreNotVisible() throws Exception {
    Templates other = new TemplateEngine(Optional.empty(), LOADER).forAdapter("other");
    assertThrows(RenderException.class, () -> other.render("greeting.ftl", Map.of("name", "x")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"en-US", "de-DE", "fr-FR", "ja-JP", "hi-IN", "ar-EG"})
  void numbersPrintWithoutGroupingWhateverTheDefaultLocale(String tag) throws Exception {
    Locale saved = Locale.getDefault();
    Locale.setDefault(Locale.forLanguageTag(tag));
    try {
      assertEquals(
          "count=12345\nbig=1234567890123\nratio=1.5\nflag=true\n",
          new TemplateEngine(Optional.empty(), LOADER).forAdapter("fake").render("numbers.ftl", NUMBERS));
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void anOverrideDirReplacesOneTemplateAndLeavesTheOthers(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("fake"));
    Files.writeString(dir.resolve("fake/greeting.ftl"), "Hi [=name], from the override\n");
    Templates t = new TemplateEngine(Optional.of(dir), LOADER).forAdapter("fake");
    assertEquals("Hi you, from the override\n", t.render("greeting.ftl", Map.of("name", "you")));
    assertEquals(
        "count=12345\nbig=1234567890123\nratio=1.5\nflag=true\n", t.render("numbers.ftl", NUMBERS));
  }

  @Test
  void overrideTemplatesRunStrictToo(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("fake"));
    Files.writeString(dir.resolve("fake/greeting.ftl"), "a\nb\n[=nobody]\n");
    Templates t = new TemplateEngine(Optional.of(dir), LOADER).forAdapter("fake");
    RenderException e = assertThrows(RenderException.class, () -> t.render("greeting.ftl", Map.of()));
    assertTrue(e.getMessage().startsWith("template fake/greeting.ftl line 3: "), e.getMessage());
  }

  @Test
  void aSyntaxErrorNamesTemplateAndLine(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("fake"));
    Files.writeString(dir.resolve("fake/broken.ftl"), "ok\n<#if x>\nno end\n");
    Templates t = new TemplateEngine(Optional.of(dir), LOADER).forAdapter("fake");
    RenderException e = assertThrows(RenderException.class, () -> t.render("broken.ftl", Map.of("x", true)));
    assertTrue(e.getMessage().startsWith("template fake/broken.ftl line "), e.getMessage());
  }

  @Test
  void crlfTemplatesRenderToLf(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("fake"));
    Files.write(dir.resolve("fake/greeting.ftl"), "@echo off\r\necho [=name]\r\n".getBytes(StandardCharsets.UTF_8));
    Templates t = new TemplateEngine(Optional.of(dir), LOADER).forAdapter("fake");
    assertEquals("@echo off\necho x\n", t.render("greeting.ftl", Map.of("name", "x")));
  }

  @Test
  void templatesAreReadAsUtf8(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("fake"));
    Files.write(dir.resolve("fake/greeting.ftl"), "ジョブ [=name]\n".getBytes(StandardCharsets.UTF_8));
    Templates t = new TemplateEngine(Optional.of(dir), LOADER).forAdapter("fake");
    assertEquals("ジョブ x\n", t.render("greeting.ftl", Map.of("name", "x")));
  }

  @Test
  void aMissingOverrideDirIsAnError(@TempDir Path dir) {
    Path missing = dir.resolve("no-such-folder");
    IOException e =
        assertThrows(IOException.class, () -> new TemplateEngine(Optional.of(missing), LOADER));
    assertEquals("template folder " + missing + " does not exist or is not a folder", e.getMessage());
  }

  @Test
  void aFileAsOverrideDirIsAnError(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("file.txt"), "x");
    assertThrows(IOException.class, () -> new TemplateEngine(Optional.of(file), LOADER));
  }

  @Test
  void javaObjectsCannotBeCreatedFromTemplates(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("fake"));
    Files.writeString(
        dir.resolve("fake/greeting.ftl"),
        "<#assign ex = \"freemarker.template.utility.Execute\"?new()>[=ex(\"id\")]\n");
    Templates t = new TemplateEngine(Optional.of(dir), LOADER).forAdapter("fake");
    assertThrows(RenderException.class, () -> t.render("greeting.ftl", Map.of()));
  }
}
