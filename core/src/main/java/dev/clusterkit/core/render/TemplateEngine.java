package dev.clusterkit.core.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;

/**
 * FreeMarker set up strictly: a missing value is an error, numbers print without grouping, and the
 * output never depends on the machine's locale or time zone. Interpolations are written
 * {@code [=name]}, so that the shell's own {@code ${name}} passes through untouched. Templates come from
 * {@code clusterkit/templates/<adapter>/} on the class path, and a user folder laid out the same way
 * overrides any of them.
 */
public final class TemplateEngine {
  /** The class-path folder holding one folder of templates per adapter. */
  public static final String CLASSPATH_ROOT = "clusterkit/templates";

  private final Configuration config;

  public TemplateEngine(Optional<Path> overrideDir, ClassLoader classLoader) throws IOException {
    config = new Configuration(Configuration.VERSION_2_3_34);
    List<TemplateLoader> loaders = new ArrayList<>();
    if (overrideDir.isPresent()) {
      Path dir = overrideDir.get();
      if (!Files.isDirectory(dir)) {
        throw new IOException("template folder " + dir + " does not exist or is not a folder");
      }
      loaders.add(new FileTemplateLoader(dir.toFile()));
    }
    loaders.add(new ClassTemplateLoader(classLoader, CLASSPATH_ROOT));
    config.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
    config.setDefaultEncoding(StandardCharsets.UTF_8.name());
    config.setOutputEncoding(StandardCharsets.UTF_8.name());
    config.setLocale(Locale.ROOT);
    config.setTimeZone(TimeZone.getTimeZone("UTC"));
    config.setNumberFormat("computer");
    config.setBooleanFormat("c");
    config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    config.setLogTemplateExceptions(false);
    config.setWrapUncheckedExceptions(true);
    config.setFallbackOnNullLoopVariable(false);
    config.setAPIBuiltinEnabled(false);
    config.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    config.setLocalizedLookup(false);
    // [=expr] instead of ${expr}: shell, batch and PowerShell all use ${...} themselves.
    config.setInterpolationSyntax(Configuration.SQUARE_BRACKET_INTERPOLATION_SYNTAX);
  }

  /** The templates of one adapter. */
  public Templates forAdapter(String adapterId) {
    return (name, model) -> render(adapterId + "/" + name, model);
  }

  private String render(String path, Map<String, ?> model) throws RenderException {
    try {
      Template template = config.getTemplate(path);
      StringWriter out = new StringWriter();
      template.process(model, out);
      return out.toString().replace("\r\n", "\n");
    } catch (TemplateNotFoundException e) {
      throw new RenderException("template " + path + " not found", e);
    } catch (ParseException e) {
      throw new RenderException(
          "template " + path + " line " + e.getLineNumber() + ": " + e.getEditorMessage(), e);
    } catch (TemplateException e) {
      throw new RenderException(
          "template " + path + " line " + e.getLineNumber() + ": " + e.getMessageWithoutStackTop(),
          e);
    } catch (IOException e) {
      throw new RenderException("template " + path + " cannot be read: " + e.getMessage(), e);
    }
  }
}
