package dev.dossier.site;

import dev.dossier.render.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a site so that a reader (or a failed build) never sees half of one: the pages go into a
 * staging folder beside the output, which replaces the output only once every page is written.
 * The output carries a manifest of the files the tool wrote, so it never deletes anything it did
 * not write itself.
 */
public final class SiteWriter {

  /** The list of files a build wrote, kept in the output folder. */
  public static final String MANIFEST = ".dossier-manifest";

  private static final String STAGING = ".staging-";
  private static final String OLD = ".old-";

  /** What a write did. */
  public record Written(int files, long bytes) {}

  /**
   * Files in {@code out} that this tool did not write and a build would delete: everything in a
   * non-empty folder without a manifest, else what the manifest does not list.
   */
  public static List<String> foreignFiles(Path out) throws IOException {
    Path target = out.toAbsolutePath().normalize();
    if (!Files.isDirectory(target)) {
      return Files.exists(target) ? List.of(target.getFileName().toString()) : List.of();
    }
    Set<String> written = new HashSet<>();
    Path manifest = target.resolve(MANIFEST);
    if (Files.isRegularFile(manifest)) {
      written.addAll(Files.readAllLines(manifest, StandardCharsets.UTF_8));
      written.add(MANIFEST);
    }
    List<String> foreign = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(target)) {
      walk.filter(p -> !Files.isDirectory(p))
          .map(p -> target.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !written.contains(p))
          .sorted()
          .forEach(foreign::add);
    }
    return foreign;
  }

  public Written write(List<Page> pages, Path out) throws IOException {
    Path target = out.toAbsolutePath().normalize();
    Path parent = target.getParent();
    Files.createDirectories(parent);
    recover(target);
    Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + STAGING);
    long bytes = 0;
    try {
      List<String> paths = new ArrayList<>();
      for (Page page : pages) {
        Path file = staging.resolve(page.path());
        Files.createDirectories(file.getParent());
        Files.write(file, page.bytes());
        bytes += page.bytes().length;
        paths.add(page.path());
      }
      paths.sort(null);
      Files.write(staging.resolve(MANIFEST), paths, StandardCharsets.UTF_8);
      swap(staging, target);
    } finally {
      if (Files.exists(staging)) {
        deleteTree(staging);
      }
    }
    return new Written(pages.size(), bytes);
  }

  /**
   * Undoes what a build killed midway left behind: staging folders are dropped, and if the kill
   * fell between moving the old site aside and moving the new one in, the old site goes back.
   */
  static void recover(Path target) throws IOException {
    String name = target.getFileName().toString();
    List<Path> old = new ArrayList<>();
    try (DirectoryStream<Path> siblings = Files.newDirectoryStream(target.getParent(), "." + name + "*")) {
      for (Path sibling : siblings) {
        String s = sibling.getFileName().toString();
        if (s.startsWith("." + name + STAGING)) {
          deleteTree(sibling);
        } else if (s.startsWith("." + name + OLD)) {
          old.add(sibling);
        }
      }
    }
    old.sort(null);
    for (Path previous : old) {
      if (!Files.exists(target)) {
        move(previous, target);
      } else {
        deleteTree(previous);
      }
    }
  }

  /** Moves the old output aside, the new one in, then deletes the old. */
  private static void swap(Path staging, Path target) throws IOException {
    Path old = null;
    if (Files.exists(target)) {
      old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + OLD);
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
