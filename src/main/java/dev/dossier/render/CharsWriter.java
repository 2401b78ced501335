package dev.dossier.render;

import java.io.Writer;

/**
 * A StringWriter without its lock: its StringBuffer takes one for every append, and pages and
 * exports are written a few characters at a time, hundreds of megabytes in a large build.
 */
class CharsWriter extends Writer {

  /** What has been written. */
  final StringBuilder chars;

  CharsWriter(int capacity) {
    chars = new StringBuilder(capacity);
  }

  @Override
  public void write(char[] buffer, int offset, int length) {
    chars.append(buffer, offset, length);
  }

  @Override
  public void write(String text, int offset, int length) {
    chars.append(text, offset, offset + length);
  }

  @Override
  public void write(String text) {
    chars.append(text);
  }

  @Override
  public void write(int c) {
    chars.append((char) c);
  }

  @Override
  public CharsWriter append(char c) {
    chars.append(c);
    return this;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  @Override
  public String toString() {
    return chars.toString();
  }
}
