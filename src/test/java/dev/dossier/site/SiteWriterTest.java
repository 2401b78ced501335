package dev.dossier.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dossier.render.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteWriterTest {

  @TempDir Path tmp;

  private static Page page(String path, String text) {
    return new Page(path, text.getBytes(StandardCharsets.UTF_8));
  }

  /** A site is for publishing: its folder and files get the permissions any new file gets, not the owner's alone. */
  /** Sites written before that fix have an owner-only folder and files: the next build opens them up, changed or not. */
  @Test
  void aSiteLeftOwnerOnlyByAnEarlierVersionIsOpenedUp() throws IOException {
    Path out = tmp.resolve("site");
    new SiteWriter().write(List.of(page("index.html", "home"), page("a.html", "a")), out);
    java.util.Set<java.nio.file.attribute.PosixFilePermission> ownerOnly = java.nio.file.attribute.PosixFilePermissions.fromString("rw-------");
    Files.setPosixFilePermissions(out.resolve("index.html"), ownerOnly);
    Files.setPosixFilePermissions(out.resolve("a.html"), ownerOnly);
    Files.setPosixFilePermissions(out, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    Path plainFile = Files.createFile(tmp.resolve("plain.txt"));
    Path plainDir = Files.createDirectory(tmp.resolve("plain"));

    new SiteWriter().write(List.of(page("index.html", "home"), page("a.html", "a")), out);
    assertThat(Files.getPosixFilePermissions(out)).isEqualTo(Files.getPosixFilePermissions(plainDir));
    assertThat(Files.getPosixFilePermissions(out.resolve("index.html"))).isEqualTo(Files.getPosixFilePermissions(plainFile));

    Files.setPosixFilePermissions(out.resolve("a.html"), ownerOnly);
    new SiteWriter().write(List.of(page("index.html", "home, changed"), page("a.html", "a")), out);
    assertThat(Files.getPosixFilePermissions(out.resolve("a.html"))).as("kept unchanged").isEqualTo(Files.getPosixFilePermissions(plainFile));
    assertThat(Files.readString(out.resolve("a.html"))).isEqualTo("a");
  }

  @Test
  void theSiteIsAsReadableAsAnyNewFile() throws IOException {
    Path out = tmp.resolve("site");
    try (SiteWriter.Session session = new SiteWriter().open(out)) {
      session.add(page("index.html", "home"));
      session.add("data/big.json", o -> o.write("[1]".getBytes(StandardCharsets.UTF_8)));
      session.commit();
    }
    Path plainFile = Files.createFile(tmp.resolve("plain.txt"));
    Path plainDir = Files.createDirectory(tmp.resolve("plain"));
    assertThat(Files.getPosixFilePermissions(out)).isEqualTo(Files.getPosixFilePermissions(plainDir));
    assertThat(Files.getPosixFilePermissions(out.resolve("data"))).isEqualTo(Files.getPosixFilePermissions(plainDir));
    assertThat(Files.getPosixFilePermissions(out.resolve("index.html"))).isEqualTo(Files.getPosixFilePermissions(plainFile));
    assertThat(Files.getPosixFilePermissions(out.resolve("data/big.json"))).isEqualTo(Files.getPosixFilePermissions(plainFile));
  }

  @Test
  void writesPagesAndAManifestOfThem() throws IOException {
    Path out = tmp.resolve("site");
    new SiteWriter().write(List.of(page("index.html", "home"), page("topics/a.html", "a")), out);
    assertThat(out.resolve("topics/a.html")).hasContent("a");
    assertThat(Files.readAllLines(out.resolve(SiteWriter.MANIFEST))).containsExactly(
        SiteWriter.sha256("home".getBytes(StandardCharsets.UTF_8)) + "  index.html",
        SiteWriter.sha256("a".getBytes(StandardCharsets.UTF_8)) + "  topics/a.html");
    assertThat(SiteWriter.foreignFiles(out)).isEmpty();
  }

  @Test
  void replacesTheWholeSiteRemovingPagesThatAreGone() throws IOException {
    Path out = tmp.resolve("site");
    new SiteWriter().write(List.of(page("index.html", "one"), page("old.html", "old")), out);
    new SiteWriter().write(List.of(page("index.html", "two")), out);
    assertThat(out.resolve("index.html")).hasContent("two");
    assertThat(out.resolve("old.html")).doesNotExist();
    try (var siblings = Files.list(tmp)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("site");
    }
  }

  @Test
  void writesOnlyWhatChangedAndKeepsTheRestAsTheSameFiles() throws IOException {
    Path out = tmp.resolve("site");
    new SiteWriter().write(List.of(page("index.html", "one"), page("a.html", "a"), page("gone.html", "x")), out);
    Object keptFile = Files.getAttribute(out.resolve("a.html"), "unix:ino");
    var keptTime = Files.getLastModifiedTime(out.resolve("a.html"));
    SiteWriter.Written w = new SiteWriter().write(List.of(page("index.html", "two"), page("a.html", "a"), page("new.html", "n")), out);
    assertThat(w.written()).containsExactly("index.html", "new.html");
    assertThat(w.unchanged()).containsExactly("a.html");
    assertThat(w.removed()).containsExactly("gone.html");
    assertThat(Files.getAttribute(out.resolve("a.html"), "unix:ino")).isEqualTo(keptFile);
    assertThat(Files.getLastModifiedTime(out.resolve("a.html"))).isEqualTo(keptTime);
    assertThat(out.resolve("gone.html")).doesNotExist();
    assertThat(out.resolve("index.html")).hasContent("two");
  }

  @Test
  void aRebuildWithNothingChangedTouchesNothing() throws IOException {
    Path out = tmp.resolve("site");
    List<Page> pages = List.of(page("index.html", "one"), page("topics/a.html", "a"));
    new SiteWriter().write(pages, out);
    Object folder = Files.getAttribute(out, "unix:ino");
    var manifestTime = Files.getLastModifiedTime(out.resolve(SiteWriter.MANIFEST));
    SiteWriter.Written w = new SiteWriter().write(pages, out);
    assertThat(w.written()).isEmpty();
    assertThat(w.changedNothing()).isTrue();
    assertThat(Files.getAttribute(out, "unix:ino")).isEqualTo(folder);
    assertThat(Files.getLastModifiedTime(out.resolve(SiteWriter.MANIFEST))).isEqualTo(manifestTime);
  }

  @Test
  void aStreamedFileIsKeptWhenItComesOutTheSameAndWrittenWhenNot() throws IOException {
    Path out = tmp.resolve("site");
    try (SiteWriter.Session session = new SiteWriter().open(out)) {
      session.add("data/big.json", o -> o.write("[1, 2]".getBytes(StandardCharsets.UTF_8)));
      session.add(page("index.html", "home"));
      session.commit();
    }
    Object kept = Files.getAttribute(out.resolve("data/big.json"), "unix:ino");
    try (SiteWriter.Session session = new SiteWriter().open(out)) {
      BuildCache.File same = session.add("data/big.json", o -> o.write("[1, 2]".getBytes(StandardCharsets.UTF_8)));
      assertThat(same).isEqualTo(new BuildCache.File("data/big.json", SiteWriter.sha256("[1, 2]".getBytes(StandardCharsets.UTF_8)), 6));
      session.add(page("index.html", "home, edited"));
      SiteWriter.Written w = session.commit();
      assertThat(w.unchanged()).containsExactly("data/big.json");
      assertThat(w.written()).containsExactly("index.html");
    }
    assertThat(Files.getAttribute(out.resolve("data/big.json"), "unix:ino")).isEqualTo(kept);
    try (SiteWriter.Session session = new SiteWriter().open(out)) {
      session.add("data/big.json", o -> o.write("[1, 2, 3]".getBytes(StandardCharsets.UTF_8)));
      session.add(page("index.html", "home, edited"));
      assertThat(session.commit().written()).containsExactly("data/big.json");
    }
    assertThat(out.resolve("data/big.json")).hasContent("[1, 2, 3]");
    try (var staged = Files.list(tmp)) {
      assertThat(staged.map(p -> p.getFileName().toString())).containsExactly("site");
    }
  }

  /**
   * When one page fails, the other rendering threads may still be writing theirs as the build
   * drops the site: the session waits for them before it removes the staging folder, and
   * refuses what comes after, so no staging folder is left beside the output.
   */
  @Test
  void aFileStillBeingWrittenWhenTheSiteIsDroppedLeavesNoStagingFolder() throws Exception {
    Path out = tmp.resolve("site");
    SiteWriter.Session session = new SiteWriter().open(out);
    java.util.concurrent.CountDownLatch begun = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch finish = new java.util.concurrent.CountDownLatch(1);
    // A thread each (the common pool may have one): the two must run at once.
    java.util.concurrent.Executor threads = task -> new Thread(task).start();
    java.util.concurrent.CompletableFuture<BuildCache.File> exports = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return session.add("dossier.json", o -> {
          o.write(bigText(100_000));
          o.flush();
          begun.countDown();
          try {
            finish.await();
          } catch (InterruptedException e) {
            throw new java.io.InterruptedIOException();
          }
          o.write(bigText(100_000));
        });
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }, threads);
    begun.await();
    java.util.concurrent.CompletableFuture<Void> closed = java.util.concurrent.CompletableFuture.runAsync(() -> {
      try {
        session.close();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }, threads);
    Thread.sleep(200);
    assertThat(closed).as("closing waits for the file being written").isNotDone();
    finish.countDown();
    exports.get(10, java.util.concurrent.TimeUnit.SECONDS);
    closed.get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertThatThrownBy(() -> session.add(page("late.html", "too late"))).isInstanceOf(IllegalStateException.class);
    try (var siblings = Files.list(tmp)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).as("no staging folder left, and no site").isEmpty();
    }
  }

  /** The exports and the search index run to hundreds of megabytes: unchanged, not one byte of them is written. */
  @Test
  void aStreamedFileThatComesOutTheSameIsNeverWritten() throws IOException {
    Path out = tmp.resolve("site");
    byte[] big = bigText(300_000);
    streamedSite(out, "data/big.json", big, page("index.html", "home"));
    Object kept = Files.getAttribute(out.resolve("data/big.json"), "unix:ino");
    try (SiteWriter.Session session = new SiteWriter().open(out)) {
      session.add("data/big.json", o -> {
        // In pieces of every size, as a writer flushes them.
        for (int i = 0, step = 1; i < big.length; i += step, step = step * 3 % 70_001 + 1) {
          o.write(big, i, Math.min(step, big.length - i));
        }
      });
      session.add(page("index.html", "home"));
      try (var siblings = Files.list(tmp)) {
        assertThat(siblings.map(p -> p.getFileName().toString())).as("no staging folder made").containsExactly("site");
      }
      assertThat(session.commit().changedNothing()).isTrue();
    }
    assertThat(Files.getAttribute(out.resolve("data/big.json"), "unix:ino")).isEqualTo(kept);
  }

  /** Compared up to the first byte that differs, then written: the new file must hold what agreed too. */
  @Test
  void aStreamedFileThatDiffersAnywhereIsWrittenWhole() throws IOException {
    byte[] big = bigText(300_000);
    byte[] early = big.clone();
    early[10] = '#';
    byte[] late = big.clone();
    late[250_000] = '#';
    byte[] longer = java.util.Arrays.copyOf(big, big.length + 5);
    byte[] shorter = java.util.Arrays.copyOf(big, 200_000);
    List<byte[]> cases = List.of(early, late, longer, shorter, new byte[0]);
    for (int c = 0; c < cases.size(); c++) {
      byte[] next = cases.get(c);
      Path out = tmp.resolve("site-" + c);
      streamedSite(out, "big.json", big);
      try (SiteWriter.Session session = new SiteWriter().open(out)) {
        BuildCache.File made = session.add("big.json", o -> o.write(next));
        assertThat(made).isEqualTo(new BuildCache.File("big.json", SiteWriter.sha256(next), next.length));
        assertThat(session.commit().written()).containsExactly("big.json");
      }
      assertThat(Files.readAllBytes(out.resolve("big.json"))).isEqualTo(next);
    }
  }

  /** A template or export that fails midway: the file is neither finished nor written, and nothing is left open. */
  @Test
  void aStreamedFileThatFailsHalfwayIsDroppedAndLeavesNothingOpen() throws IOException {
    Path out = tmp.resolve("site");
    byte[] big = bigText(1_000_000);
    streamedSite(out, "big.json", big);
    try (SiteWriter.Session session = new SiteWriter().open(out)) {
      assertThatThrownBy(() -> session.add("big.json", o -> {
        o.write(big, 0, 500_000);
        throw new IOException("the export failed");
      })).hasMessage("the export failed");
      try (var siblings = Files.list(tmp)) {
        assertThat(siblings.map(p -> p.getFileName().toString())).as("no staging folder made for it").containsExactly("site");
      }
      // The previous file vanishes while the new one is compared with it, so the part that
      // agreed cannot be copied: the add fails, and closes the new file it had begun.
      assertThatThrownBy(() -> session.add("big.json", o -> {
        o.write(big, 0, 500_000);
        o.flush();
        Files.move(out.resolve("big.json"), tmp.resolve("moved.json"));
      })).isInstanceOf(IOException.class);
      assertThat(openFiles()).noneMatch(f -> f.contains(".part-"));
    }
    assertThat(openFiles()).noneMatch(f -> f.startsWith(tmp.toString()));
  }

  /** What this process has open, by path, where Linux tells (/proc/self/fd). */
  private static List<String> openFiles() throws IOException {
    Path fds = Path.of("/proc/self/fd");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(fds), "needs /proc/self/fd");
    List<String> open = new java.util.ArrayList<>();
    try (var list = Files.list(fds)) {
      for (Path fd : list.toList()) {
        try {
          open.add(Files.readSymbolicLink(fd).toString());
        } catch (IOException e) {
          // Closed since it was listed.
        }
      }
    }
    return open;
  }

  /** The file on disk already reads as the build makes it, but not as the manifest says: it is written, and listed with its real hash. */
  @Test
  void aStreamedFileEditedByHandIntoTheNewOneIsWrittenWithItsOwnHash() throws IOException {
    Path out = tmp.resolve("site");
    streamedSite(out, "data.json", "[1]".getBytes(StandardCharsets.UTF_8));
    Files.writeString(out.resolve("data.json"), "[2]");
    try (SiteWriter.Session session = new SiteWriter().open(out)) {
      session.add("data.json", o -> o.write("[2]".getBytes(StandardCharsets.UTF_8)));
      assertThat(session.commit().written()).containsExactly("data.json");
    }
    // Listed under its own hash, a build that makes "[1]" again does not take it for that.
    try (SiteWriter.Session session = new SiteWriter().open(out)) {
      session.add("data.json", o -> o.write("[1]".getBytes(StandardCharsets.UTF_8)));
      assertThat(session.commit().written()).containsExactly("data.json");
    }
    assertThat(out.resolve("data.json")).hasContent("[1]");
  }

  /** Writes a site of one streamed file and the given pages. */
  private static void streamedSite(Path out, String path, byte[] bytes, Page... pages) throws IOException {
    try (SiteWriter.Session session = new SiteWriter().open(out)) {
      session.add(path, o -> o.write(bytes));
      for (Page page : pages) {
        session.add(page);
      }
      session.commit();
    }
  }

  private static byte[] bigText(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) ('a' + i * 7 % 26);
    }
    return bytes;
  }

  @Test
  void aSessionClosedWithoutCommitLeavesTheSiteAsItWas() throws IOException {
    Path out = tmp.resolve("site");
    new SiteWriter().write(List.of(page("index.html", "one")), out);
    try (SiteWriter.Session session = new SiteWriter().open(out)) {
      session.add(page("index.html", "two"));
      session.add(page("extra.html", "x"));
      // A template error stops the build here: no commit.
    }
    assertThat(out.resolve("index.html")).hasContent("one");
    assertThat(out.resolve("extra.html")).doesNotExist();
    try (var siblings = Files.list(tmp)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("site");
    }
  }

  @Test
  void aFileChangedByHandIsWrittenAgain() throws IOException {
    Path out = tmp.resolve("site");
    new SiteWriter().write(List.of(page("index.html", "one")), out);
    Files.writeString(out.resolve("index.html"), "edited by hand");
    assertThat(new SiteWriter().write(List.of(page("index.html", "one")), out).written()).containsExactly("index.html");
    assertThat(out.resolve("index.html")).hasContent("one");
  }

  @Test
  void findsFilesItDidNotWrite() throws IOException {
    Path out = tmp.resolve("site");
    new SiteWriter().write(List.of(page("index.html", "home"), page("sources/a.html", "a")), out);
    Files.writeString(out.resolve("notes.txt"), "mine");
    Files.writeString(out.resolve("sources/draft.html"), "mine too");
    assertThat(SiteWriter.foreignFiles(out)).containsExactly("notes.txt", "sources/draft.html");
    // However the folder is named (here with a trailing "." part).
    assertThat(SiteWriter.foreignFiles(out.resolve("."))).containsExactly("notes.txt", "sources/draft.html");
    Path other = Files.createDirectories(tmp.resolve("other"));
    Files.writeString(other.resolve("thesis.docx"), "!");
    assertThat(SiteWriter.foreignFiles(other)).containsExactly("thesis.docx");
    assertThat(SiteWriter.foreignFiles(tmp.resolve("new"))).isEmpty();
  }

  /**
   * A link (to a folder too) and an empty folder put in the output are not the tool's either: a
   * build without --force refuses rather than delete them unsaid; with --force they are counted
   * among the removed. What a link leads to is never touched.
   */
  @Test
  void aLinkOrAnEmptyFolderInTheOutputIsNotTheToolsEither() throws IOException {
    Path out = tmp.resolve("site");
    new SiteWriter().write(List.of(page("index.html", "home"), page("sources/a.html", "a")), out);
    Path precious = Files.createDirectories(tmp.resolve("precious"));
    Files.writeString(precious.resolve("keep.txt"), "keep");
    Files.createSymbolicLink(out.resolve("link"), precious);
    Files.createDirectories(out.resolve("mine/empty"));
    Files.createSymbolicLink(out.resolve("sources/gone"), tmp.resolve("nowhere"));
    assertThat(SiteWriter.foreignFiles(out)).containsExactly("link", "mine/empty/", "sources/gone");
    try (SiteWriter.Session session = new SiteWriter().open(out)) {
      session.add(page("index.html", "home, changed"));
      session.add(page("sources/a.html", "a"));
      assertThat(session.commit(true).removed()).containsExactly("link", "mine/empty/", "sources/gone");
    }
    assertThat(out.resolve("link")).doesNotExist();
    assertThat(precious.resolve("keep.txt")).hasContent("keep");
  }

  @Test
  void aStaticHostsOwnFilesAreKeptThroughEveryBuild() throws IOException {
    Path out = tmp.resolve("site");
    new SiteWriter().write(List.of(page("index.html", "home")), out);
    Files.writeString(out.resolve("CNAME"), "dossier.example.org");
    Files.createFile(out.resolve(".nojekyll"));
    assertThat(SiteWriter.foreignFiles(out)).isEmpty();
    SiteWriter.Written written = new SiteWriter().write(List.of(page("index.html", "home, changed"), page("a.html", "a")), out);
    assertThat(written.written()).containsExactly("a.html", "index.html");
    assertThat(out.resolve("CNAME")).hasContent("dossier.example.org");
    assertThat(out.resolve(".nojekyll")).exists();
    assertThat(Files.readString(out.resolve(SiteWriter.MANIFEST))).doesNotContain("CNAME").doesNotContain(".nojekyll");
    new SiteWriter().write(List.of(page("a.html", "a")), out);
    assertThat(out.resolve("CNAME")).hasContent("dossier.example.org");
    assertThat(out.resolve("index.html")).doesNotExist();
    // Kept as a link when it is one.
    Files.writeString(tmp.resolve("headers"), "/*\n  X-Frame-Options: DENY\n");
    Files.createSymbolicLink(out.resolve("_headers"), Path.of("../headers"));
    new SiteWriter().write(List.of(page("a.html", "a, changed")), out);
    assertThat(Files.isSymbolicLink(out.resolve("_headers"))).isTrue();
    assertThat(out.resolve("_headers")).hasContent("/*\n  X-Frame-Options: DENY");
  }

  @Test
  void aKillBetweenTheTwoMovesIsUndoneByTheNextWrite() throws IOException {
    Path out = tmp.resolve("site");
    new SiteWriter().write(List.of(page("index.html", "previous")), out);
    // The state a SIGKILL leaves between "move the old site aside" and "move the new one in".
    Files.move(out, tmp.resolve(".site.old-123"));
    Files.createDirectories(tmp.resolve(".site.staging-456"));
    SiteWriter.recover(out);
    assertThat(out.resolve("index.html")).hasContent("previous");
    try (var siblings = Files.list(tmp)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("site");
    }
  }

  /**
   * Deleting the last site (or a staging folder) deletes the tree and only the tree: a link in
   * it, to a file or a folder outside, goes as a link, and a tree that is itself a link goes as
   * a link, the folder it names untouched.
   */
  @Test
  void deletingATreeNeverFollowsALinkOutOfIt() throws IOException {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("keep.txt"), "keep");
    Path tree = Files.createDirectories(tmp.resolve("tree/sources/deep"));
    Files.writeString(tree.resolve("page.html"), "page");
    Files.writeString(tmp.resolve("tree/index.html"), "home");
    Files.createSymbolicLink(tmp.resolve("tree/linked-folder"), outside);
    Files.createSymbolicLink(tmp.resolve("tree/sources/linked-file"), outside.resolve("keep.txt"));
    Files.createSymbolicLink(tmp.resolve("tree/sources/dangling"), tmp.resolve("nowhere"));
    Files.createDirectories(tmp.resolve("tree/empty"));
    SiteWriter.deleteTree(tmp.resolve("tree"));
    assertThat(tmp.resolve("tree")).doesNotExist();
    assertThat(outside.resolve("keep.txt")).hasContent("keep");
    Path link = Files.createSymbolicLink(tmp.resolve("link-to-outside"), outside);
    SiteWriter.deleteTree(link);
    assertThat(Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(outside.resolve("keep.txt")).hasContent("keep");
  }

  /**
   * A name that is not UTF-8 (a file copied from an old system, say) is deleted with the rest:
   * a site it sat in can be replaced, and no leftover blocks the builds after.
   */
  @Test
  void aTreeHoldingANameThatIsNotUtf8IsDeletedWhole() throws Exception {
    Path tree = Files.createDirectories(tmp.resolve("tree/assets"));
    Process touch = new ProcessBuilder("sh", "-c", "touch \"$(printf 'notes\\377.txt')\" \"$(printf 'caf\\303\\251.html')\"")
        .directory(tree.toFile()).redirectErrorStream(true).start();
    assertThat(touch.waitFor()).isZero();
    try (var names = Files.list(tree)) {
      assertThat(names.count()).isEqualTo(2);
    }
    SiteWriter.deleteTree(tmp.resolve("tree"));
    assertThat(tmp.resolve("tree")).doesNotExist();
  }
}
