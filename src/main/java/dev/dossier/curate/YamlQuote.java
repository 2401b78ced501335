package dev.dossier.curate;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Writes values into YAML so that they read back exactly as given, whatever they contain. */
final class YamlQuote {

  /** A file name or key that YAML reads as the same plain string. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_./-]*");

  private YamlQuote() {}

  /** A double-quoted scalar; quotes, backslashes and every character YAML might not keep are escaped. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          boolean surrogate = Character.isSurrogate(c);
          boolean pair = surrogate && Character.isHighSurrogate(c) && i + 1 < value.length()
              && Character.isLowSurrogate(value.charAt(i + 1));
          if (pair) {
            out.append(c).append(value.charAt(++i));
          } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF
              || c == 0xFFFE || c == 0xFFFF || surrogate) {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** Plain when that reads back as the same string (and not as a number or boolean), else quoted. */
  static String plainOrQuoted(String value) {
    boolean plain = PLAIN.matcher(value).matches()
        && !value.matches("[-+.0-9_]+|(?i)true|false|null|yes|no|on|off|y|n|~");
    return plain ? value : quote(value);
  }

  /** A flow list of quoted strings: {@code ["A", "B"]}. */
  static String list(List<String> values) {
    return values.stream().map(YamlQuote::quote).collect(Collectors.joining(", ", "[", "]"));
  }
}
