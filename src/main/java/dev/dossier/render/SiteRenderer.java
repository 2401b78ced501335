package dev.dossier.render;

import dev.dossier.diag.Diagnostics;
import dev.dossier.diag.Position;
import dev.dossier.diag.Progress;
import dev.dossier.model.Dossier;
import dev.dossier.model.Event;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;

/**
 * Renders every page of the site. One FreeMarker {@link Configuration}, built once; template
 * problems are reported with the template's name and line, as FreeMarker gives them.
 */
public final class SiteRenderer {

  private final Configuration freemarker;
  private final Theme theme;

  public SiteRenderer(Theme theme) {
    this.theme = theme;
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
    cfg.setTemplateLoader(theme.loader());
    cfg.setDefaultEncoding("UTF-8");
    cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
    cfg.setRecognizeStandardFileExtensions(true);
    cfg.setLocale(Locale.ROOT);
    cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
    cfg.setNumberFormat("computer");
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    cfg.setAPIBuiltinEnabled(false);
    this.freemarker = cfg;
  }

  /** Every page and asset of the site, sorted by path. */
  public List<Page> render(Dossier dossier, Diagnostics diagnostics) {
    return render(dossier, diagnostics, Progress.NONE);
  }

  /** The same, telling {@code progress} as pages are done. */
  public List<Page> render(Dossier dossier, Diagnostics diagnostics, Progress progress) {
    Views views = new Views(dossier);
    List<Page> pages = java.util.Collections.synchronizedList(new ArrayList<>());
    progress.stage("rendering", 3 + dossier.topics().size() + dossier.sources().size());
    page(pages, "index.html", "index.ftlh", views.home(), diagnostics);
    page(pages, "timeline.html", "timeline.ftlh", views.timeline(), diagnostics);
    page(pages, "sources/index.html", "bibliography.ftlh", views.bibliography(), diagnostics);
    page(pages, "search.html", "search.ftlh", views.search(), diagnostics);
    progress.step();
    progress.step();
    progress.step();
    // Pages are independent of one another: render them on every core. Sorting at the end
    // keeps the result the same whatever order they finish in.
    dossier.topics().parallelStream().forEach(topic -> {
      String path = "topics/" + topic.id() + ".html";
      page(pages, path, "topic.ftlh", views.topicPage(topic, path), diagnostics);
      progress.step();
    });
    dossier.sources().parallelStream().forEach(source -> {
      String path = "sources/" + source.key() + ".html";
      page(pages, path, "source.ftlh", views.sourcePage(source, path), diagnostics);
      progress.step();
    });
    for (String asset : theme.assets()) {
      theme.asset(asset).ifPresent(bytes -> pages.add(new Page(asset, bytes)));
    }
    pages.addAll(new Exports(dossier, views.backlinks()).pages());
    pages.addAll(new SearchIndex(dossier, views.backlinks()).pages());
    List<String> html = pages.stream().map(Page::path).filter(p -> p.endsWith(".html")).sorted().toList();
    dossier.baseUrl().ifPresentOrElse(
        base -> pages.addAll(new Feeds(dossier, base).pages(html)),
        () -> diagnostics.note(Position.file("index.yml"), "no base URL, so feed.xml and sitemap.xml were not written; give --base-url or base_url: in the index"));
    pages.sort(java.util.Comparator.comparing(Page::path));
    return pages;
  }

  private void page(List<Page> pages, String path, String template, Views.PageModel model, Diagnostics diagnostics) {
    render(template, model.data(), diagnostics).ifPresent(html -> pages.add(new Page(path, html.getBytes(StandardCharsets.UTF_8))));
  }

  private Optional<String> render(String name, Map<String, Object> data, Diagnostics diagnostics) {
    try {
      Template template = freemarker.getTemplate(name);
      StringWriter out = new StringWriter();
      template.process(data, out);
      return Optional.of(out.toString());
    } catch (TemplateNotFoundException e) {
      diagnostics.error(Position.file(theme.locate(name)), "template not found", "restore it or remove the override that hides it");
    } catch (ParseException e) {
      diagnostics.error(
          new Position(theme.locate(Optional.ofNullable(e.getTemplateName()).orElse(name)), e.getLineNumber(), e.getColumnNumber()),
          "template syntax: " + firstLine(e.getEditorMessage()));
    } catch (TemplateException e) {
      diagnostics.error(
          new Position(
              theme.locate(Optional.ofNullable(e.getTemplateSourceName()).orElse(name)),
              Optional.ofNullable(e.getLineNumber()).orElse(0),
              Optional.ofNullable(e.getColumnNumber()).orElse(0)),
          "template error: " + firstLine(e.getMessageWithoutStackTop()));
    } catch (IOException e) {
      diagnostics.error(Position.file(theme.locate(name)), "cannot read template: " + e.getMessage());
    }
    return Optional.empty();
  }

  /**
   * FreeMarker's message without its tips and stack: the first line, plus the expression at
   * fault ("==> nosuch.value") when it names one.
   */
  static String firstLine(String message) {
    String[] lines = (message == null ? "" : message.strip()).split("\n");
    String first = lines[0].strip();
    for (String line : lines) {
      if (line.startsWith("==> ")) {
        String expression = line.substring(4).replaceAll("\\s+\\[in template.*$", "").strip();
        return first + " " + expression;
      }
    }
    return first;
  }

  static List<Event> eventsOf(Dossier dossier, String topic) {
    return dossier.events().stream().filter(e -> e.topics().contains(topic)).toList();
  }
}
