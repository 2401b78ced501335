package dev.dossier.site;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One build at a time into an output folder. A build cleans up the staging folders it finds
 * beside its output, as a killed build leaves them, so a second build started while another is
 * writing would delete that one's work under it. The second waits instead, as {@code cargo}
 * waits for a build directory, until the first is done.
 *
 * <p>The lock is the operating system's, on a file beside the output ({@code .site.lock} for
 * {@code site}), so it goes with the process that holds it, even one that is killed. The holder
 * deletes the file when it is done, so nothing stays beside the site; a build that took the
 * lock on the file just deleted finds that the name now holds another file, or none, and tries
 * again.
 *
 * <p>The operating system's locks (POSIX {@code fcntl}) belong to the process and the file, and
 * closing any handle the process has on the file gives them up, even a handle that only read
 * it. So the handle this build reads the file back through, to find it is still the file it
 * locked, stays open as long as the lock is held.
 */
public final class OutputLock implements AutoCloseable {

  /** How often a waiting build tries again. */
  private static final long RETRY_MILLIS = 100;

  /**
   * The lock files this JVM holds (a test, an embedding tool running two builds): a second
   * build here waits for the first without opening the file, since closing a handle on it
   * would give up the first one's lock.
   */
  private static final java.util.Set<Path> HELD_HERE = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  /** The file read back through its name; closed with the lock, not before (see above). */
  private final FileChannel readBack;

  private OutputLock(Path file, FileChannel channel, FileLock lock, FileChannel readBack) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    this.readBack = readBack;
  }

  /** The file that locks builds into {@code out}. */
  public static Path file(Path out) {
    Path target = out.toAbsolutePath().normalize();
    return target.resolveSibling("." + target.getFileName() + ".lock");
  }

  /**
   * Takes the lock on {@code out}, waiting for the build that holds it, if one does.
   *
   * @param waiting told, once, when another build holds the lock, before this one waits for it
   * @throws IOException if the lock file cannot be made; a file system that has no locks
   *     (some network mounts) gives a lock that locks nothing, rather than no build at all
   */
  public static OutputLock take(Path out, Runnable waiting) throws IOException, InterruptedException {
    return take(out, waiting, "two builds from writing into " + out.toAbsolutePath().normalize() + " at once", "choose an --out in a folder you can write to");
  }

  /**
   * Takes the lock on any file or folder, waiting for whoever holds it: {@code add} takes the
   * index's, so that two at once do not each write the index as they read it, one's entry lost.
   *
   * @param keeps what the lock keeps from happening, for the error when it cannot be made
   * @param fix what to do then
   */
  public static OutputLock take(Path guarded, Runnable waiting, String keeps, String fix) throws IOException, InterruptedException {
    Path target = guarded.toAbsolutePath().normalize();
    Path file = file(target);
    boolean told = false;
    while (!HELD_HERE.add(file)) {
      if (!told) {
        told = true;
        waiting.run();
      }
      Thread.sleep(RETRY_MILLIS);
    }
    try {
      return take(file, waiting, told, keeps, fix);
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      HELD_HERE.remove(file);
      throw e;
    }
  }

  private static OutputLock take(Path file, Runnable waiting, boolean told, String keeps, String fix) throws IOException, InterruptedException {
    while (true) {
      FileChannel channel = open(file, keeps, fix);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        // Held by other code in this JVM, outside OutputLock.
        lock = null;
      } catch (IOException e) {
        // No locks on this file system: go ahead unlocked, as every build did before.
        return new OutputLock(file, channel, null, null);
      }
      if (lock != null) {
        FileChannel owned;
        try {
          owned = owns(file, channel);
        } catch (IOException e) {
          // The mark could not be written (a full disk): the file goes, as its holder's would.
          try {
            Files.deleteIfExists(file);
            lock.release();
          } finally {
            channel.close();
          }
          throw e;
        }
        if (owned != null) {
          return new OutputLock(file, channel, lock, owned);
        }
        // The build before deleted the file as this one took its lock: take the one there now.
        lock.release();
        channel.close();
        continue;
      }
      channel.close();
      if (!told) {
        told = true;
        waiting.run();
      }
      Thread.sleep(RETRY_MILLIS);
    }
  }

  /** The lock file, opened or made, and its folder with it; an error that says where and what to do. */
  private static FileChannel open(Path file, String keeps, String fix) throws IOException {
    try {
      Files.createDirectories(file.getParent());
      return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (java.nio.file.FileSystemException e) {
      String why = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
          : e.getReason() != null ? e.getReason() : "the file system refused it";
      throw new IOException("cannot make " + file + ", which keeps " + keeps + ": " + why + "; " + fix, e);
    }
  }

  /**
   * Whether the file locked through {@code channel} is still the one named {@code file}: a mark
   * of this build's own, written through the channel, is read back through the name. If it is,
   * the handle it was read through, to be kept open while the lock is held; else null.
   */
  private static FileChannel owns(Path file, FileChannel channel) throws IOException {
    byte[] mark = (ProcessHandle.current().pid() + " " + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + "\n")
        .getBytes(StandardCharsets.US_ASCII);
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(mark), 0);
    FileChannel named;
    try {
      named = FileChannel.open(file, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      return null;
    }
    boolean same;
    try {
      // One byte more than the mark: a longer file is another build's.
      ByteBuffer read = ByteBuffer.allocate(mark.length + 1);
      while (read.hasRemaining() && named.read(read) >= 0) {
        // until the end of the file, or a byte past the mark
      }
      same = Arrays.equals(Arrays.copyOf(read.array(), read.position()), mark);
    } catch (IOException | RuntimeException e) {
      named.close();
      throw e;
    }
    if (!same) {
      // Another file than the one locked: closing it gives up no lock of this build's.
      named.close();
      return null;
    }
    return named;
  }

  /** Deletes the lock file, then lets the next build in. */
  @Override
  public void close() throws IOException {
    try {
      Files.deleteIfExists(file);
      if (lock != null) {
        lock.release();
      }
    } finally {
      try {
        channel.close();
      } finally {
        try {
          if (readBack != null) {
            readBack.close();
          }
        } finally {
          HELD_HERE.remove(file);
        }
      }
    }
  }
}
