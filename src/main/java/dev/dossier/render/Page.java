package dev.dossier.render;

import java.util.Arrays;
import java.util.Objects;

/**
 * One file of the site.
 *
 * @param path relative to the site's root, with forward slashes ("topics/lviv.html")
 */
public record Page(String path, byte[] bytes) {
  public Page {
    checkPath(path);
    Objects.requireNonNull(bytes, "bytes");
  }

  /** A path a file of the site may have: relative, with forward slashes, staying inside. */
  public static String checkPath(String path) {
    Objects.requireNonNull(path, "path");
    if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
      throw new IllegalArgumentException("a page path must stay inside the site: " + path);
    }
    return path;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Page p && p.path.equals(path) && Arrays.equals(p.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return path.hashCode() * 31 + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "Page[" + path + ", " + bytes.length + " bytes]";
  }
}
