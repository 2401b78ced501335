package dev.dossier.parse;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Decides which elements are the page's furniture rather than its article: by tag, ARIA role,
 * and the words of class, id and aria-label. An element holding the headline or the main
 * content is never furniture, whatever its class says ({@code class="page has-cookie-banner"}).
 */
final class PageChrome {

  private static final Set<String> TAGS = Set.of("nav", "aside", "footer", "form", "menu");
  private static final Set<String> ROLES =
      Set.of(
          "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "toolbar",
          "dialog", "alertdialog");
  private static final Set<String> WORDS =
      Set.of(
          "nav", "navbar", "navigation", "menu", "share", "sharing", "sharebar", "social", "cookie",
          "cookies", "consent", "gdpr", "banner", "newsletter", "subscribe", "subscription", "signup",
          "related", "promo", "promos", "promotion", "ad", "ads", "advert", "adverts", "advertisement",
          "sponsored", "footer", "comment", "comments", "breadcrumb", "breadcrumbs", "skip", "toolbar",
          "popup", "modal", "overlay", "recommended", "trending", "outbrain", "taboola", "tags");
  /** A form holding this much text, in paragraphs, is the page itself, not a form on it. */
  private static final int WHOLE_PAGE_FORM = 300;
  /** A page's header is chrome; an article's own header holds its headline, dek and byline. */
  private static final Set<String> HEADER_WORDS = Set.of("header", "masthead");
  private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{Alnum}]+|(?<=\\p{Ll})(?=\\p{Lu})");
  private static final String GUARDED = "h1, main, [role=main], [itemprop=articleBody]";
  /**
   * Class names that say "this is the article's text", guarded like {@code articleBody}: a
   * newspaper's body may carry a modifier with a chrome word in it ({@code class="article-body
   * tone-comment"} on an opinion column), and its text must not go with the comments.
   */
  private static final Set<String> BODY_CLASSES =
      Set.of(
          "article-body", "articlebody", "article__body", "article-content", "article__content", "articlecontent",
          "article-text", "story-body", "storybody", "story-content", "story-text", "entry-content", "post-content",
          "post-body", "body-text", "content-body");

  private final Set<Element> guarded = Collections.newSetFromMap(new IdentityHashMap<>());
  /** The elements that are the article's body by name ({@link #BODY_CLASSES}, articleBody). */
  private final Set<Element> bodies = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<Element, Boolean> within = new IdentityHashMap<>();

  PageChrome(org.jsoup.nodes.Document page) {
    List<Element> guards = new java.util.ArrayList<>(page.select(GUARDED));
    for (Element e : page.select("[class]")) {
      if (e.classNames().stream().anyMatch(c -> BODY_CLASSES.contains(c.toLowerCase(Locale.ROOT)))) {
        guards.add(e);
        bodies.add(e);
      }
    }
    bodies.addAll(page.select("[itemprop=articleBody]"));
    for (Element e : guards) {
      // Marks e and its ancestors, stopping where an earlier walk already went.
      Element up = e;
      while (up != null && guarded.add(up)) {
        up = up.parent();
      }
    }
  }

  /** Whether the element or one of its ancestors is chrome. */
  boolean within(Element e) {
    Deque<Element> unknown = new ArrayDeque<>();
    Element up = e;
    while (up != null && !within.containsKey(up)) {
      unknown.push(up);
      up = up.parent();
    }
    boolean inside = up != null && within.get(up);
    while (!unknown.isEmpty()) {
      Element next = unknown.pop();
      inside = inside || is(next);
      within.put(next, inside);
    }
    return within.get(e);
  }

  void removeWithin(Element body) {
    List<Element> chrome = body.getAllElements().stream().filter(e -> e != body && is(e)).toList();
    chrome.forEach(Element::remove);
  }

  private boolean is(Element e) {
    return !guarded.contains(e) && !e.nameIs("body") && !e.nameIs("html") && named(e) && !sentenceInBody(e);
  }

  /**
   * Chrome words that a paragraph of text may carry for its own reasons ("share-price",
   * "comment", "social-text", "nav-aware"); the others ("newsletter", "cookie", "promo") name
   * chrome even when it is written in sentences, as sign-up prompts and notices are.
   */
  private static final Set<String> WEAK_WORDS =
      Set.of("nav", "navbar", "navigation", "menu", "share", "sharing", "social", "related", "comment", "comments", "tags",
          "skip", "toolbar", "trending", "recommended", "breadcrumb", "breadcrumbs");

  /** What reads as a sentence of the text: eight words or more, ending as a sentence ends. */
  private static final Pattern SENTENCE = Pattern.compile("(?:\\S+\\s+){7,}\\S*[.!?…][\"'’”)]*");

  /**
   * A paragraph of the article's body whose class happens to hold a chrome word ({@code
   * class="share-price"}, {@code "comment"}) but whose text reads as the article's sentences:
   * text, kept. "Share this article" or "12 comments" are not sentences, and go; nor does a
   * newsletter prompt or a cookie notice stay, though written in sentences ({@link #WEAK_WORDS}).
   */
  private boolean sentenceInBody(Element e) {
    if (!e.nameIs("p") || bodies.isEmpty()) {
      return false;
    }
    Set<String> chrome = words(e.className() + " " + e.id() + " " + e.attr("aria-label"));
    chrome.retainAll(WORDS);
    if (!WEAK_WORDS.containsAll(chrome) || e.parents().stream().noneMatch(bodies::contains)) {
      return false;
    }
    return SENTENCE.matcher(e.text().strip()).matches();
  }

  private static boolean named(Element e) {
    String tag = e.normalName();
    if (tag.equals("form") && e.text().length() >= WHOLE_PAGE_FORM && e.select("p").size() >= 2) {
      // Not a search box or a sign-up form: a site that wraps its whole page in one form
      // (ASP.NET does), article and all. Its parts are judged each on its own.
      return false;
    }
    if (TAGS.contains(tag) || ROLES.contains(e.attr("role").strip().toLowerCase(Locale.ROOT))) {
      return true;
    }
    Set<String> words = words(e.className() + " " + e.id() + " " + e.attr("aria-label"));
    if (!Collections.disjoint(words, WORDS)) {
      return true;
    }
    boolean header = tag.equals("header") || !Collections.disjoint(words, HEADER_WORDS);
    return header && e.closest("article") == null;
  }

  /** "shareButtons site-nav" gives share, buttons, site, nav. */
  private static Set<String> words(String names) {
    Set<String> words = new HashSet<>();
    for (String word : WORD_BREAK.split(names)) {
      if (!word.isEmpty()) {
        words.add(word.toLowerCase(Locale.ROOT));
      }
    }
    return words;
  }
}
