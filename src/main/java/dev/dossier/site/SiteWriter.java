package dev.dossier.site;

import dev.dossier.render.Page;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Writes a site so that a reader (or a failed build) never sees half of one: the pages go into a
 * staging folder beside the output, which replaces the output only once every page is written.
 */
public final class SiteWriter {

  /** What a write did. */
  public record Written(int files, long bytes) {}

  public Written write(List<Page> pages, Path out) throws IOException {
    Path target = out.toAbsolutePath().normalize();
    Path parent = target.getParent();
    Files.createDirectories(parent);
    Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".staging-");
    long bytes = 0;
    try {
      for (Page page : pages) {
        Path file = staging.resolve(page.path());
        Files.createDirectories(file.getParent());
        Files.write(file, page.bytes());
        bytes += page.bytes().length;
      }
      swap(staging, target);
    } finally {
      if (Files.exists(staging)) {
        deleteTree(staging);
      }
    }
    return new Written(pages.size(), bytes);
  }

  /** Moves the old output aside, the new one in, then deletes the old. */
  private static void swap(Path staging, Path target) throws IOException {
    Path old = null;
    if (Files.exists(target)) {
      old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
      Files.delete(old);
      move(target, old);
    }
    try {
      move(staging, target);
    } catch (IOException e) {
      if (old != null) {
        move(old, target);
      }
      throw e;
    }
    if (old != null) {
      deleteTree(old);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  static void deleteTree(Path root) throws IOException {
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
