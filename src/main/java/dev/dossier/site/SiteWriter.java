package dev.dossier.site;

import dev.dossier.render.Page;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes a site so that a reader (or a failed or killed build) never sees half of one, and so
 * that a static host receives only what changed.
 *
 * <p>The new site is assembled in a staging folder beside the output and swapped in whole. A
 * page whose bytes did not change is not written again: the staging folder gets a hard link to
 * the existing file, so its content, inode and modification time stay as they were, and tools
 * that sync by time or checksum see nothing to send. When nothing changed at all, nothing is
 * touched. The output carries a manifest of the files the tool wrote, with their SHA-256, so it
 * knows what is unchanged, and what it did not write: {@code build} refuses an output holding
 * such files unless told to replace them ({@code --force}, {@link Session#commit(boolean)}).
 */
public final class SiteWriter {

  /** The list of files a build wrote, with their hashes, kept in the output folder. */
  public static final String MANIFEST = ".dossier-manifest";

  /**
   * Files a static host reads from the site's top folder, which people add to the output by
   * hand: GitHub Pages' {@code CNAME} and {@code .nojekyll}, Netlify's and Cloudflare's
   * {@code _headers} and {@code _redirects}, Apache's {@code .htaccess}. A build keeps them as
   * they are, never lists them in its manifest, and does not count them as another's files.
   */
  public static final Set<String> HOST_FILES = Set.of("CNAME", ".nojekyll", "_headers", "_redirects", ".htaccess");

  private static final String STAGING = ".staging-";
  private static final String OLD = ".old-";

  /**
   * What a write did.
   *
   * @param written files whose bytes are new or changed
   * @param unchanged files kept as they were
   * @param removed files of the previous site that the new one no longer has, and any other file it replaced (build --force)
   */
  public record Written(List<String> written, List<String> unchanged, List<String> removed) {
    public boolean changedNothing() {
      return written.isEmpty() && removed.isEmpty();
    }
  }

  /**
   * A folder beside the site that could not be deleted once the site was in place: the last
   * site, moved aside, or what a killed build left. The site is whole; the folder stays until
   * a later build, or the user, can delete it.
   */
  public record Leftover(Path folder, IOException cause) {
    /** Whether it is a last site moved aside, not a build's unfinished staging folder. */
    public boolean lastSite() {
      return folder.getFileName().toString().contains(OLD);
    }

    /** Why, in words: "permission denied" and the file, as far as the system says. */
    public String why() {
      return dev.dossier.diag.FileProblem.describe(cause);
    }
  }

  /**
   * Files in {@code out} that this tool did not write and a build would delete: everything in a
   * non-empty folder without a manifest, else what the manifest does not list.
   */
  public static List<String> foreignFiles(Path out) throws IOException {
    Path target = out.toAbsolutePath().normalize();
    return foreignFiles(target, Files.isDirectory(target) ? readManifest(target).keySet() : Set.of());
  }

  /** The same, for a folder whose manifest lists {@code written} (read when the session opened). */
  private static List<String> foreignFiles(Path target, Set<String> written) throws IOException {
    if (!Files.isDirectory(target)) {
      return Files.exists(target) ? List.of(target.getFileName().toString()) : List.of();
    }
    List<String> foreign = new ArrayList<>();
    // The walk's own attributes tell a folder, so a large site's files are each looked at once
    // (a folder a link leads to is passed over, as Files.isDirectory would).
    // Each path the walk gives is the folder's and more, so its name in the site is the rest of
    // the String (Path.relativize, which normalises both, was most of the walk's time).
    String root = target.toString();
    int cut = root.endsWith(target.getFileSystem().getSeparator()) ? root.length() : root.length() + 1;
    // A link is an entry of its own, whatever it leads to (the build deletes the link, not what
    // it leads to); a folder is one when it is empty, else its files speak for it.
    try (Stream<Path> walk = Files.find(target, Integer.MAX_VALUE, (p, attributes) -> attributes.isDirectory() ? !p.equals(target) && isEmptyFolder(p) : true)) {
      walk.map(p -> p.toString().substring(cut).replace('\\', '/'))
          .filter(p -> !p.equals(MANIFEST) && !written.contains(p) && !HOST_FILES.contains(p))
          .map(p -> Files.isDirectory(target.resolve(p), LinkOption.NOFOLLOW_LINKS) ? p + "/" : p)
          .sorted()
          .forEach(foreign::add);
    }
    return foreign;
  }

  private static boolean isEmptyFolder(Path folder) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      return !entries.iterator().hasNext();
    } catch (IOException e) {
      return false;
    }
  }

  /** Writes a whole site at once. */
  public Written write(List<Page> pages, Path out) throws IOException {
    try (Session session = open(out)) {
      for (Page page : pages) {
        session.add(page);
      }
      return session.commit();
    }
  }

  /**
   * Starts writing a new site into {@code out}: after a crash's leftovers are cleaned up, pages
   * can be added as they are rendered, from any thread, and {@link Session#commit()} swaps the
   * new site in. Closing a session that was not committed leaves {@code out} as it was.
   */
  public Session open(Path out) throws IOException {
    Path target = out.toAbsolutePath().normalize();
    Files.createDirectories(target.getParent());
    List<Leftover> left = recover(target);
    Session session = new Session(target, readManifest(target));
    session.leftovers.addAll(left);
    return session;
  }

  /**
   * One site being written. The staging folder is made only when the first page that differs
   * from the previous site arrives, so a build that changes nothing touches nothing.
   */
  public static final class Session implements AutoCloseable {
    private final Path target;
    private final Map<String, String> previous;
    private final Map<String, String> next = new TreeMap<>();
    private final List<String> written = new ArrayList<>();
    private final List<String> unchanged = new ArrayList<>();
    private Path staging;
    private final List<Leftover> leftovers = new ArrayList<>();
    private boolean committed;
    /** Committed or closed: nothing more may be added. */
    private boolean closed;
    /**
     * Writes under way outside the lock (a page, a streamed file, links to kept files), which
     * {@link #close} waits for: a rendering thread still writing a page after the build has
     * failed must not make the staging folder again once it is gone.
     */
    private int busy;
    /** What a new file's permissions are here (the umask's), on a POSIX file system; else null. */
    private java.util.Set<java.nio.file.attribute.PosixFilePermission> newFile;
    /** Folders of the staging folder made so far, so each is made once. */
    private final Set<Path> folders = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private Session(Path target, Map<String, String> previous) {
      this.target = target;
      this.previous = previous;
    }

    /**
     * Adds a rendered page: written if its bytes are new, else kept as the same file.
     *
     * @return the page's SHA-256
     */
    public String add(Page page) throws IOException {
      String hash = sha256(page.bytes());
      add(page, hash);
      return hash;
    }

    private void add(Page page, String hash) throws IOException {
      if (keep(page.path(), hash, page.bytes().length)) {
        return;
      }
      begin();
      try {
        Path file;
        synchronized (this) {
          claim(page.path(), hash);
          written.add(page.path());
          file = staging().resolve(page.path());
        }
        // Written outside the lock, so the rendering threads write their pages side by side.
        folder(file.getParent());
        Files.write(file, page.bytes());
      } finally {
        end();
      }
    }

    /** A write begins outside the lock; refused once the session is committed or closed. */
    private synchronized void begin() {
      if (closed) {
        throw new IllegalStateException("the site at " + target + " is no longer being written: a file came after the build stopped");
      }
      busy++;
    }

    private synchronized void end() {
      busy--;
      notifyAll();
    }

    /**
     * Adds a file written as it is made. While it comes out as the previous site's file at the
     * same path, it is only compared with that file; from the first byte that differs it is
     * written, into the staging folder. A file that comes out the same is kept, so a build that
     * changes nothing writes nothing, not even the large exports and the search index.
     */
    public BuildCache.File add(String path, dev.dossier.render.PageSink.Body body) throws IOException {
      Page.checkPath(path);
      begin();
      try {
        return addStreamed(path, body);
      } finally {
        end();
      }
    }

    private BuildCache.File addStreamed(String path, dev.dossier.render.PageSink.Body body) throws IOException {
      MessageDigest sha = sha256();
      Streamed file = new Streamed(previous.containsKey(path) ? target.resolve(path) : null);
      try {
        OutputStream out = new BufferedOutputStream(new java.security.DigestOutputStream(file, sha), 1 << 16);
        body.writeTo(out);
        out.close();
      } catch (Throwable e) {
        // Made only in part: neither compared to the end nor written, just closed.
        try {
          file.release();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
      String hash = HexFormat.of().formatHex(sha.digest());
      BuildCache.File made = new BuildCache.File(path, hash, file.size);
      if (file.part == null && keep(path, hash, file.size)) {
        return made;
      }
      Path staged;
      synchronized (this) {
        claim(path, hash);
        written.add(path);
        staged = staging().resolve(path);
      }
      // Moved or copied outside the lock, as a page is written (above).
      folder(staged.getParent());
      if (file.part == null) {
        // The previous file's very bytes, which the manifest gives another hash: it was
        // edited by hand into what this build makes. Written again, as any changed file.
        Files.copy(target.resolve(path), staged);
      } else {
        Files.move(file.part, staged);
      }
      return made;
    }

    /**
     * A file as it is made: compared with {@code before} (the previous site's file at its path)
     * while the two agree, then written to a new file in the staging folder, which starts with
     * the bytes that agreed.
     */
    private final class Streamed extends OutputStream {
      private final Path before;
      /** The previous file, read as far as the new one agrees with it; null once it differs. */
      private InputStream reading;
      private final byte[] read = new byte[1 << 16];
      private long agreed;
      /** The new file in the staging folder, once it differs; null while it agrees. */
      private Path part;
      private OutputStream writing;
      long size;

      Streamed(Path before) throws IOException {
        this.before = before;
        if (before != null && Files.isRegularFile(before)) {
          try {
            reading = Files.newInputStream(before);
          } catch (IOException e) {
            // Unreadable (another user's, say): the file is written anew, as before there was a comparison.
          }
        }
        if (reading == null) {
          differ();
        }
      }

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] bytes, int from, int length) throws IOException {
        size += length;
        while (reading != null && length > 0) {
          int n = Math.min(length, read.length);
          int got = reading.readNBytes(read, 0, n);
          if (got < n || Arrays.mismatch(read, 0, n, bytes, from, from + n) >= 0) {
            differ();
            break;
          }
          agreed += n;
          from += n;
          length -= n;
        }
        if (writing != null) {
          writing.write(bytes, from, length);
        }
      }

      /** From here on the file is new: it is written, starting with what agreed so far. */
      private void differ() throws IOException {
        InputStream compared = reading;
        reading = null;
        if (compared != null) {
          compared.close();
        }
        synchronized (Session.this) {
          part = createUnique(staging(), ".part-", false);
        }
        writing = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16);
        if (agreed > 0) {
          try (InputStream again = Files.newInputStream(before)) {
            long left = agreed;
            while (left > 0) {
              int got = again.read(read, 0, (int) Math.min(left, read.length));
              if (got < 0) {
                throw new IOException(before + " changed while it was read");
              }
              writing.write(read, 0, got);
              left -= got;
            }
          }
        }
      }

      @Override
      public void close() throws IOException {
        try {
          if (reading != null && reading.read() >= 0) {
            // The previous file goes on: the new one is shorter.
            differ();
          }
        } finally {
          release();
        }
      }

      /** Closes the files it has open, whatever state it is in. */
      void release() throws IOException {
        try (InputStream compared = reading; OutputStream made = writing) {
          reading = null;
          writing = null;
        }
      }
    }

    /**
     * Keeps the previous site's file at {@code path} if it has the given SHA-256 and size. The
     * manifest holds the hash; the size catches a file edited by hand since.
     *
     * @return whether it did; if not, the page must be added with its bytes
     */
    public boolean keep(String path, String hash, long size) throws IOException {
      return keepAll(List.of(new BuildCache.File(path, hash, size)));
    }

    /**
     * Keeps all the given files of the previous site, or none of them.
     *
     * @return whether they were all there, unchanged, and are now kept
     */
    public boolean keepAll(List<BuildCache.File> files) throws IOException {
      // What the previous site has is only read: looked at by every rendering thread at once.
      for (BuildCache.File f : files) {
        if (!unchanged(f.path(), f.sha256(), f.size())) {
          return false;
        }
      }
      boolean link;
      synchronized (this) {
        for (BuildCache.File f : files) {
          if (next.containsKey(f.path())) {
            return false;
          }
        }
        for (BuildCache.File f : files) {
          claim(f.path(), f.sha256());
          unchanged.add(f.path());
        }
        // Files kept before the staging folder was made are linked when it is made.
        link = staging != null;
        if (link) {
          begin();
        }
      }
      if (link) {
        try {
          for (BuildCache.File f : files) {
            link(f.path());
          }
        } finally {
          end();
        }
      }
      return true;
    }

    /**
     * The previous site's file at {@code path}, if the manifest gives it this SHA-256 and it
     * has this size: for reading what is still there, before the new site replaces it.
     */
    public Optional<Path> previousFile(String path, String hash, long size) {
      return unchanged(path, hash, size) ? Optional.of(target.resolve(path)) : Optional.empty();
    }

    /** Whether the previous site has this file, by the manifest's hash and the file's size. */
    private boolean unchanged(String path, String hash, long size) {
      return hash.equals(previous.get(path)) && sameSize(target.resolve(path), size);
    }

    private void folder(Path folder) throws IOException {
      if (!folders.contains(folder)) {
        Files.createDirectories(folder);
        folders.add(folder);
      }
    }

    private void claim(String path, String hash) {
      if (next.putIfAbsent(path, hash) != null) {
        throw new IllegalStateException("two pages at " + path);
      }
    }

    private Path staging() throws IOException {
      if (staging == null) {
        staging = createUnique(target.getParent(), "." + target.getFileName() + STAGING, true);
        if (posix(staging)) {
          newFile = newPermissions(staging, ".probe-", false);
        }
        for (String path : unchanged) {
          link(path);
        }
      }
      return staging;
    }

    private void link(String path) throws IOException {
      Path file = staging.resolve(path);
      folder(file.getParent());
      keepFile(target.resolve(path), file);
      // A site written before dossier gave its files the umask's permissions has some that
      // only their owner can read; a kept file gets them now.
      if (newFile != null) {
        java.util.Set<java.nio.file.attribute.PosixFilePermission> has = Files.getPosixFilePermissions(file);
        if (!has.containsAll(newFile)) {
          java.util.Set<java.nio.file.attribute.PosixFilePermission> wider = new java.util.HashSet<>(has);
          wider.addAll(newFile);
          Files.setPosixFilePermissions(file, wider);
        }
      }
    }

    /**
     * {@link #commit(boolean)} without looking for files this tool did not write ({@code build}
     * refuses to start on an output that holds any): one that is there all the same goes
     * uncounted when the site changed, and stays when it did not.
     */
    public Written commit() throws IOException {
      return commit(false);
    }

    /**
     * Finishes the site: removes what the new one no longer has, writes the manifest and swaps
     * the staging folder in. When nothing changed and the manifest is there, does nothing.
     *
     * @param replacingOthers the output may hold files this tool did not write, which go
     *     ({@code build --force}): they are looked for, counted as removed, and a site that
     *     otherwise changed nothing is swapped in all the same
     */
    public synchronized Written commit(boolean replacingOthers) throws IOException {
      java.util.TreeSet<String> removed = previous.keySet().stream().filter(p -> !next.containsKey(p)).collect(Collectors.toCollection(java.util.TreeSet::new));
      if (replacingOthers) {
        // Looked for only when asked: a walk of every file of a large site.
        foreignFiles(target, previous.keySet()).stream().filter(p -> !next.containsKey(p)).forEach(removed::add);
      }
      List<String> writtenSorted = written.stream().sorted().toList();
      List<String> unchangedSorted = unchanged.stream().sorted().toList();
      Written result = new Written(writtenSorted, unchangedSorted, List.copyOf(removed));
      committed = true;
      closed = true;
      if (result.changedNothing() && Files.isRegularFile(target.resolve(MANIFEST)) && asReadableAsNew(target)) {
        discard();
        return result;
      }
      Path stage = staging();
      for (String name : new java.util.TreeSet<>(HOST_FILES)) {
        Path file = target.resolve(name);
        if (next.containsKey(name)) {
          continue;
        }
        if (Files.isSymbolicLink(file)) {
          Files.createSymbolicLink(stage.resolve(name), Files.readSymbolicLink(file));
        } else if (Files.isRegularFile(file)) {
          keepFile(file, stage.resolve(name));
        }
      }
      List<String> lines = new ArrayList<>();
      next.forEach((path, hash) -> lines.add(hash + "  " + path));
      Files.write(stage.resolve(MANIFEST), lines, StandardCharsets.UTF_8);
      try {
        swap(stage, target).ifPresent(leftovers::add);
      } finally {
        discard();
      }
      return result;
    }

    /** The folders beside the site that could not be deleted, the site being whole. */
    public synchronized List<Leftover> leftovers() {
      return List.copyOf(leftovers);
    }

    /** The files of the site as committed, with their SHA-256, as its manifest lists them. */
    synchronized Map<String, String> files() {
      if (!committed) {
        throw new IllegalStateException("not committed");
      }
      return java.util.Collections.unmodifiableMap(next);
    }

    private void discard() throws IOException {
      if (staging != null && Files.exists(staging)) {
        deleteTree(staging);
      }
      staging = null;
    }

    /**
     * Drops a site that was not committed; the output stays as it was. Writes still under way
     * (another rendering thread's page, when one page failed) are finished first, so that none
     * of them leaves a staging folder behind; any file added after this is refused.
     */
    @Override
    public synchronized void close() throws IOException {
      closed = true;
      boolean interrupted = false;
      while (busy > 0) {
        try {
          wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      if (!committed || staging != null) {
        discard();
      }
    }
  }

  /** The unchanged file goes into the new site as the same file, not a copy of it. */
  private static void keepFile(Path existing, Path staged) throws IOException {
    try {
      Files.createLink(staged, existing);
    } catch (UnsupportedOperationException | IOException e) {
      Files.copy(existing, staged, StandardCopyOption.COPY_ATTRIBUTES);
    }
  }

  private static boolean sameSize(Path file, long size) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return attributes.isRegularFile() && attributes.size() == size;
    } catch (IOException e) {
      return false;
    }
  }

  /** The previous build's files and hashes; older manifests listed paths alone. */
  static Map<String, String> readManifest(Path target) throws IOException {
    Path manifest = target.resolve(MANIFEST);
    Map<String, String> files = new LinkedHashMap<>();
    if (Files.isRegularFile(manifest)) {
      for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
        int gap = line.indexOf("  ");
        if (gap == 64) {
          files.put(line.substring(gap + 2), line.substring(0, gap));
        } else if (!line.isBlank()) {
          files.put(line, "");
        }
      }
    }
    return files;
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /**
   * Undoes what a build killed midway left behind: staging folders are dropped, and if the kill
   * fell between moving the old site aside and moving the new one in, the old site goes back.
   */
  static List<Leftover> recover(Path target) throws IOException {
    String name = target.getFileName().toString();
    List<Path> old = new ArrayList<>();
    List<Leftover> left = new ArrayList<>();
    try (DirectoryStream<Path> siblings = Files.newDirectoryStream(target.getParent(), "." + name + "*")) {
      for (Path sibling : siblings) {
        String s = sibling.getFileName().toString();
        if (s.startsWith("." + name + STAGING)) {
          deleteOrLeave(sibling, left);
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
        deleteOrLeave(previous, left);
      }
    }
    return left;
  }

  /** Deletes a folder beside the site, or notes why it could not. */
  private static void deleteOrLeave(Path folder, List<Leftover> left) {
    try {
      deleteTree(folder);
    } catch (IOException e) {
      left.add(new Leftover(folder, e));
    }
  }

  /**
   * A new file or folder with a name no other has, like {@code Files.createTemp*} but with the
   * permissions any new file gets (what the umask leaves), not 0600 and 0700: the staging
   * folder becomes the site, which a web server must be able to read.
   */
  private static Path createUnique(Path dir, String prefix, boolean directory) throws IOException {
    while (true) {
      Path path = dir.resolve(prefix + Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36));
      try {
        return directory ? Files.createDirectory(path) : Files.createFile(path);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // taken: draw another name
      }
    }
  }

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /**
   * Whether a site folder has at least the permissions a new folder gets: one made before
   * dossier gave its output the umask's permissions is 0700, and a build that changes nothing
   * rewrites it so that a web server can read it.
   */
  static boolean asReadableAsNew(Path target) throws IOException {
    if (!posix(target)) {
      return true;
    }
    try {
      return Files.getPosixFilePermissions(target).containsAll(newPermissions(target.getParent(), "." + target.getFileName() + ".probe-", true));
    } catch (IOException e) {
      // A folder it cannot write beside: a build that changes nothing leaves it as it is.
      return true;
    }
  }

  /** The permissions a new file or folder gets in {@code dir}, found by making one and deleting it. */
  private static java.util.Set<java.nio.file.attribute.PosixFilePermission> newPermissions(Path dir, String prefix, boolean directory) throws IOException {
    Path probe = createUnique(dir, prefix, directory);
    try {
      return Files.getPosixFilePermissions(probe);
    } finally {
      Files.delete(probe);
    }
  }

  /** Moves the old output aside, the new one in, then deletes the old. */
  /** Moves the new site in and deletes the old one, or says why that stays: the new site is in place either way. */
  private static Optional<Leftover> swap(Path staging, Path target) throws IOException {
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
    List<Leftover> left = new ArrayList<>();
    if (old != null) {
      deleteOrLeave(old, left);
    }
    return left.stream().findFirst();
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  /**
   * Deletes a folder and everything in it, never following a link out of it. Where the system
   * offers it (Linux, macOS), each name is removed with one call relative to its open folder, as
   * {@code rm -r} does, and only a name that will not go that way (a folder) is looked at and
   * opened, without following a link; the names are the bytes on disk, whatever the locale. A
   * walk that read each file's attributes before deleting it took 0.39 s of a 10,000-article
   * rebuild's commit to delete the last site. Elsewhere, that walk.
   */
  static void deleteTree(Path root) throws IOException {
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      // A file, or a link (to a folder too): deleted as what it is.
      Files.delete(root);
      return;
    }
    boolean deleted = false;
    try (DirectoryStream<Path> folder = Files.newDirectoryStream(root)) {
      if (folder instanceof SecureDirectoryStream<Path> secure) {
        deleteContents(secure, root);
        deleted = true;
      }
    }
    if (!deleted) {
      walkAndDelete(root);
      return;
    }
    Files.delete(root);
  }

  private static void deleteContents(SecureDirectoryStream<Path> folder, Path at) throws IOException {
    // Every name first, then the deleting: not every file system lists a folder whole while
    // names leave it.
    List<Path> names = new ArrayList<>();
    for (Path entry : folder) {
      names.add(entry.getFileName());
    }
    for (Path name : names) {
      try {
        // unlinkat(2): a file or a link, never what it points to; a folder refuses.
        folder.deleteFile(name);
      } catch (java.nio.file.NoSuchFileException gone) {
        // Deleted meanwhile: nothing to do.
      } catch (IOException notAFile) {
        BasicFileAttributes attributes = folder.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).readAttributes();
        if (!attributes.isDirectory()) {
          throw named(notAFile, at.resolve(name));
        }
        // Opened without following a link: a folder swapped for one meanwhile is refused.
        try (SecureDirectoryStream<Path> inner = folder.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS)) {
          deleteContents(inner, at.resolve(name));
        }
        try {
          folder.deleteDirectory(name);
        } catch (IOException e) {
          throw named(e, at.resolve(name));
        }
      }
    }
  }

  /** The error, naming the file by its whole path: a secure stream's errors name it within its folder. */
  private static IOException named(IOException e, Path file) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return new java.nio.file.AccessDeniedException(file.toString());
    }
    if (e instanceof java.nio.file.FileSystemException f) {
      return new java.nio.file.FileSystemException(file.toString(), null, f.getReason());
    }
    return e;
  }

  /** {@link #deleteTree} where the system has no secure directory streams (Windows). */
  private static void walkAndDelete(Path root) throws IOException {
    Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
      @Override
      public java.nio.file.FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return java.nio.file.FileVisitResult.CONTINUE;
      }

      @Override
      public java.nio.file.FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(dir);
        return java.nio.file.FileVisitResult.CONTINUE;
      }
    });
  }
}
