package dev.dossier.curate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches one web page for {@code dossier add}: http and https only, redirects followed (never
 * from https to http, never to another scheme), a connect timeout, a deadline for the whole
 * response, and a size limit past which the download is abandoned. The page is returned as
 * UTF-8, the only encoding a dossier reads.
 */
public final class PageFetcher {

  /** What a fetch gives when it succeeds. */
  public record Page(URI address, byte[] utf8, Optional<String> transcodedFrom) {}

  /** Why a fetch failed, in words for the curator. */
  public static final class FetchFailure extends Exception {
    private final String hint;

    FetchFailure(String message) {
      this(message, SAVE_IT_YOURSELF);
    }

    FetchFailure(String message, String hint) {
      super(message);
      this.hint = hint;
    }

    /** What the curator can do about this failure in particular. */
    public String hint() {
      return hint;
    }
  }

  /** The way round any page the program cannot fetch. */
  static final String SAVE_IT_YOURSELF = "save the page from a browser (as a complete web page, .html) and add that file";

  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  public static final long MAX_BYTES = 10L * 1024 * 1024;

  private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)");
  private static final Pattern META_CHARSET = Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)");
  private static final int SNIFF_BYTES = 4096;

  private final HttpClient client;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final long maxBytes;
  private final String userAgent;

  /**
   * @param maxBytes the largest page accepted, in bytes
   * @param userAgent how the program names itself to the server
   */
  public PageFetcher(Duration connectTimeout, Duration requestTimeout, long maxBytes, String userAgent) {
    this.client = HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        // NORMAL follows http and https redirects except from https down to http; a redirect it
        // does not follow comes back as the 3xx response and is refused below.
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
    this.connectTimeout = connectTimeout;
    this.requestTimeout = requestTimeout;
    this.maxBytes = maxBytes;
    this.userAgent = userAgent;
  }

  /**
   * What is wrong in an address Java's parser refused, in words: its own reasons ("Expected
   * authority", "Illegal character in path") name the grammar, not the mistake.
   */
  public static String wrongIn(java.net.URISyntaxException e) {
    String input = e.getInput();
    int at = e.getIndex();
    String reason = e.getReason();
    if (reason.startsWith("Illegal character") && at >= 0) {
      // In a host the parser gives where the host starts, not the character it choked on.
      while (at < input.length() && ALLOWED_IN_ADDRESS.indexOf(input.charAt(at)) >= 0) {
        at++;
      }
    }
    String where = at >= 0 ? " at character " + (input.codePointCount(0, Math.min(at, input.length())) + 1) : "";
    if (reason.startsWith("Illegal character") && at >= 0 && at < input.length()) {
      int c = input.codePointAt(at);
      String what = c == ' ' ? "a space" : Character.isISOControl(c) ? "a control character" : "'" + Character.toString(c) + "'";
      return reason.endsWith("in authority")
          ? "it holds " + what + where + ", which a host name cannot hold; check the address"
          : "it holds " + what + where + ", which an address cannot hold as it is; write it as " + percentEncoded(c);
    }
    if (reason.equals("Expected authority") || reason.equals("Expected scheme-specific part")) {
      return "it names no host (a web address reads like https://example.com/news/article)";
    }
    if (reason.equals("Malformed escape pair")) {
      return "the % " + where.strip() + " is not followed by two hexadecimal digits; write a % itself as %25";
    }
    return reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1) + where;
  }

  /** The address with its host in the ASCII form Java can look up (xn--...), when it is a non-ASCII host name. */
  public static Optional<String> asciiHost(URI uri) {
    try {
      String authority = uri.getRawAuthority();
      URI ascii = new URI(uri.getScheme() + "://" + java.net.IDN.toASCII(authority, java.net.IDN.ALLOW_UNASSIGNED)
          + (uri.getRawPath() == null ? "" : uri.getRawPath())
          + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
          + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment()));
      return isWebAddress(ascii) ? Optional.of(ascii.toString()) : Optional.empty();
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The characters an address may hold as they are (RFC 3986), and % for escapes. */
  private static final String ALLOWED_IN_ADDRESS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%";

  private static String percentEncoded(int codePoint) {
    StringBuilder out = new StringBuilder();
    for (byte b : Character.toString(codePoint).getBytes(StandardCharsets.UTF_8)) {
      out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
    }
    return out.toString();
  }

  /** Whether the text is an address {@link #fetch} accepts: http or https, with a host. */
  public static boolean isWebAddress(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
  }

  public Page fetch(URI uri) throws FetchFailure {
    if (!isWebAddress(uri)) {
      throw new FetchFailure(uri + " is not an http or https address");
    }
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(requestTimeout)
        .header("User-Agent", userAgent)
        .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
        .GET()
        .build();
    CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request, this::body);
    HttpResponse<byte[]> response;
    try {
      // The request timeout covers the headers only; this deadline covers the body too.
      response = pending.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw new FetchFailure("no complete answer from " + hostPort(uri) + " within " + seconds(requestTimeout), SLOW);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchFailure("interrupted while fetching " + uri);
    } catch (ExecutionException e) {
      throw failure(uri, e.getCause());
    }
    return page(uri, response);
  }

  private Page page(URI uri, HttpResponse<byte[]> response) throws FetchFailure {
    int status = response.statusCode();
    if (status >= 300 && status < 400) {
      throw new FetchFailure(unfollowed(response));
    }
    if (status < 200 || status >= 300) {
      throw new FetchFailure("the server answered " + status + reason(status) + " for " + response.uri(), statusHint(status));
    }
    String contentType = response.headers().firstValue("content-type").orElse("");
    byte[] body = response.body();
    String mediaType = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    boolean html = mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml")
        || (mediaType.isEmpty() && looksLikeHtml(body));
    if (!html) {
      throw new FetchFailure(
          response.uri() + " is not a web page (its type is " + (mediaType.isEmpty() ? "not given" : mediaType)
              + ")",
          "dossier reads web pages, .txt, .md and .html: download it yourself and copy the article's text into a .txt file, then add that");
    }
    return utf8(response.uri(), body, contentType);
  }

  /** Why a redirect that came back was not followed: HttpClient follows every other one. */
  private static String unfollowed(HttpResponse<?> response) {
    String location = response.headers().firstValue("location").orElse("");
    if (location.isEmpty()) {
      return response.uri() + " answered " + response.statusCode() + " without saying where to go";
    }
    URI target;
    try {
      target = response.uri().resolve(location.strip());
    } catch (IllegalArgumentException e) {
      return response.uri() + " redirects to \"" + location + "\", which is not a valid address";
    }
    if (!isWebAddress(target)) {
      return response.uri() + " redirects to " + location + ", which is not followed: only http and https addresses are fetched";
    }
    if ("https".equalsIgnoreCase(response.uri().getScheme()) && "http".equalsIgnoreCase(target.getScheme())) {
      return response.uri() + " redirects to " + target + ", which is not followed: never from https down to http";
    }
    return "too many redirects; the last was from " + response.uri() + " to " + target;
  }

  /** The page as UTF-8: unchanged when it is UTF-8 already, else decoded by its declared charset. */
  static Page utf8(URI address, byte[] body, String contentType) throws FetchFailure {
    String head = new String(body, 0, Math.min(body.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
    Optional<String> declared = match(CHARSET, contentType).or(() -> match(META_CHARSET, head));
    boolean bom = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF;
    Charset charset;
    try {
      charset = bom ? StandardCharsets.UTF_8 : declared.map(Charset::forName).orElse(StandardCharsets.UTF_8);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      charset = StandardCharsets.UTF_8;
    }
    if (charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII)) {
      if (isUtf8(body)) {
        return new Page(address, body, Optional.empty());
      }
      if (declared.isPresent() && !bom) {
        throw new FetchFailure(address + " says it is " + declared.get() + " but is not; it was not saved");
      }
      // No declaration and not UTF-8: what browsers assume for the web's legacy pages.
      charset = Charset.forName("windows-1252");
    }
    String text = charset.decode(ByteBuffer.wrap(body)).toString();
    // The saved copy is UTF-8: its own <meta> must say so, or a browser opening it would not.
    java.util.regex.Matcher meta = META_CHARSET.matcher(text);
    if (meta.find() && meta.start() < SNIFF_BYTES) {
      text = text.substring(0, meta.start(1)) + "utf-8" + text.substring(meta.end(1));
    }
    return new Page(address, text.getBytes(StandardCharsets.UTF_8), Optional.of(charset.name()));
  }

  static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static boolean looksLikeHtml(byte[] body) {
    String head = new String(body, 0, Math.min(body.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1)
        .stripLeading().toLowerCase(Locale.ROOT);
    return head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<body");
  }

  private static Optional<String> match(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** Reads a 2xx body up to the size limit; any other answer's body is not wanted. */
  private HttpResponse.BodySubscriber<byte[]> body(HttpResponse.ResponseInfo info) {
    if (info.statusCode() < 200 || info.statusCode() >= 300) {
      return HttpResponse.BodySubscribers.replacing(new byte[0]);
    }
    long declared = info.headers().firstValueAsLong("content-length").orElse(-1);
    return new LimitedBody(maxBytes, declared > maxBytes);
  }

  /** Collects the body, and gives up (closing the connection) once it passes the limit. */
  private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final long max;
    private final boolean tooLargeAlready;
    private Flow.Subscription subscription;

    LimitedBody(long max, boolean tooLargeAlready) {
      this.max = max;
      this.tooLargeAlready = tooLargeAlready;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (tooLargeAlready) {
        giveUp();
      } else {
        s.request(Long.MAX_VALUE);
      }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer item : items) {
        if (bytes.size() + (long) item.remaining() > max) {
          giveUp();
          return;
        }
        byte[] chunk = new byte[item.remaining()];
        item.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toByteArray());
    }

    private void giveUp() {
      subscription.cancel();
      result.completeExceptionally(new TooLarge(max));
    }
  }

  private static final class TooLarge extends IOException {
    final long max;

    TooLarge(long max) {
      super("larger than " + max + " bytes");
      this.max = max;
    }
  }

  /** What went wrong, in words; Java's client wraps a failed name lookup in a ConnectException, so that is looked for first. */
  FetchFailure failure(URI uri, Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
        return new FetchFailure("unknown host " + uri.getHost(), "check the address for a typing mistake, and that this machine is online");
      }
    }
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof TooLarge tooLarge) {
        return new FetchFailure(uri + " is larger than " + size(tooLarge.max) + "; it was not saved",
            "allow a larger page with --max-size (in bytes), or " + SAVE_IT_YOURSELF);
      }
      if (t instanceof HttpConnectTimeoutException) {
        return new FetchFailure("could not connect to " + hostPort(uri) + " within " + seconds(connectTimeout), SLOW);
      }
      if (t instanceof HttpTimeoutException) {
        return new FetchFailure("no answer from " + hostPort(uri) + " within " + seconds(requestTimeout), SLOW);
      }
      if (t instanceof ConnectException) {
        return new FetchFailure("could not connect to " + hostPort(uri) + " (connection refused)",
            "check the address (and its port, if it gives one) and that the site is up");
      }
    }
    String message = cause == null || cause.getMessage() == null ? String.valueOf(cause) : cause.getMessage();
    return new FetchFailure("could not fetch " + uri + ": " + message);
  }

  private static String hostPort(URI uri) {
    return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  static String size(long bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MB";
    }
    if (bytes >= 1024 && bytes % 1024 == 0) {
      return bytes / 1024 + " kB";
    }
    return bytes + " bytes";
  }

  /** Waiting longer may be all it takes. */
  private static final String SLOW = "check that this machine is online; try again later, or wait longer with --timeout (in seconds)";

  /** What to do about an answer that is not the page, by what the status means. */
  static String statusHint(int status) {
    if (status == 404 || status == 410) {
      return "check the address; a page that has moved or gone may be in a web archive (web.archive.org), whose copy can be added";
    }
    if (status == 401 || status == 403 || status == 451) {
      return "the site does not give this page to programs (a login, a paywall or a block): " + SAVE_IT_YOURSELF;
    }
    if (status == 429 || status >= 500) {
      return "the site is busy or failing: try again later, or " + SAVE_IT_YOURSELF;
    }
    return SAVE_IT_YOURSELF;
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> " (Bad Request)";
      case 401 -> " (Unauthorized)";
      case 403 -> " (Forbidden)";
      case 404 -> " (Not Found)";
      case 410 -> " (Gone)";
      case 429 -> " (Too Many Requests)";
      case 451 -> " (Unavailable For Legal Reasons)";
      case 500 -> " (Internal Server Error)";
      case 502 -> " (Bad Gateway)";
      case 503 -> " (Service Unavailable)";
      default -> "";
    };
  }
}
