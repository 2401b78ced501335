package dev.dossier.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Writes plain values (maps, lists, strings, numbers, booleans, null) as JSON, in the maps' own
 * key order, so the same dossier gives the same bytes.
 */
final class Json {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private Json() {}

  /** Indented JSON, for files people open. */
  static String pretty(Object value) {
    CharsWriter out = new CharsWriter(256);
    write(value, "\n", out);
    return out.append('\n').toString();
  }

  /**
   * {@link #pretty(Object)} as it stands one level into an object, without its last line break:
   * each line after the first two spaces further in. As UTF-8, for a big file written a value at
   * a time (dossier.json's sources).
   */
  static byte[] prettyNested(Object value) {
    CharsWriter out = new CharsWriter(256);
    write(value, "\n  ", out);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Indented JSON written as it is made, for files too big to hold twice in memory. */
  static void pretty(Object value, OutputStream out) throws IOException {
    Writer utf8 = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    write(value, "\n", utf8);
    utf8.write('\n');
    utf8.flush();
  }

  /** Compact JSON, for files scripts load. */
  static String compact(Object value) {
    CharsWriter out = new CharsWriter(256);
    write(value, null, out);
    return out.toString();
  }

  /**
   * Appends a string as {@link #compact} writes it: quoted, with {@code "} and {@code \\}
   * escaped, control characters as Jackson escapes them ({@code \\n}, {@code \\u001F}),
   * everything else as it is, and "&lt;/" as "&lt;\\/". For writers that make a big file's
   * JSON themselves, without a map per value.
   */
  static void quoted(String text, StringBuilder out) {
    out.append('"');
    int start = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      String escape;
      if (c >= 0x20 && c != '"' && c != '\\' && c != '/') {
        continue;
      } else if (c == '/') {
        if (i == 0 || text.charAt(i - 1) != '<') {
          continue;
        }
        escape = "\\/";
      } else if (c == '"' || c == '\\') {
        escape = c == '"' ? "\\\"" : "\\\\";
      } else {
        escape = switch (c) {
          case '\b' -> "\\b";
          case '\t' -> "\\t";
          case '\f' -> "\\f";
          case '\n' -> "\\n";
          case '\r' -> "\\r";
          default -> String.format("\\u%04X", (int) c);
        };
      }
      out.append(text, start, i).append(escape);
      start = i + 1;
    }
    out.append(text, start, text.length()).append('"');
  }

  /** @param lineBreak what starts each line of indented JSON, before its indent; null for compact JSON */
  private static void write(Object value, String lineBreak, Writer out) {
    ScriptSafe safe = new ScriptSafe(out);
    try (JsonGenerator json = FACTORY.createGenerator(safe)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      if (lineBreak != null) {
        json.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", lineBreak)));
      }
      json.configure(JsonGenerator.Feature.ESCAPE_NON_ASCII, false);
      value(json, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes "&lt;/" as "&lt;\/" (the same string to JSON), so the output is safe inside
   * {@code <script>} too: "&lt;/script>" can never close a tag early.
   */
  private static final class ScriptSafe extends Writer {
    private final Writer out;
    private boolean afterLessThan;

    ScriptSafe(Writer out) {
      this.out = out;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
      int start = offset;
      int end = offset + length;
      // The state of the last character in a local, not the field: this loop runs over every
      // character of the exports (100 MB of dossier.json at 10,000 articles).
      boolean lessThan = afterLessThan;
      for (int i = offset; i < end; i++) {
        char c = chars[i];
        if (c == '/' && lessThan) {
          out.write(chars, start, i - start);
          out.write('\\');
          start = i;
        }
        lessThan = c == '<';
      }
      out.write(chars, start, end - start);
      afterLessThan = lessThan;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  private static void value(JsonGenerator json, Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof String s) {
      json.writeString(s);
    } else if (value instanceof Integer i) {
      json.writeNumber(i);
    } else if (value instanceof Long l) {
      json.writeNumber(l);
    } else if (value instanceof Double d) {
      json.writeNumber(d);
    } else if (value instanceof Boolean b) {
      json.writeBoolean(b);
    } else if (value instanceof Map<?, ?> map) {
      json.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        json.writeFieldName(String.valueOf(e.getKey()));
        value(json, e.getValue());
      }
      json.writeEndObject();
    } else if (value instanceof List<?> list) {
      json.writeStartArray();
      for (Object item : list) {
        value(json, item);
      }
      json.writeEndArray();
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass());
    }
  }
}
