package dev.dossier.diag;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * What went wrong with a file, in words a user reads ("permission denied"), not in the name of
 * Java's exception ({@code java.nio.file.AccessDeniedException}).
 */
public final class FileProblem {

  private FileProblem() {}

  /** "permission denied", "no such file or folder", ..., as far as the system says. */
  public static String reason(FileSystemException f) {
    if (f instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (f instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (f instanceof DirectoryNotEmptyException) {
      return "the folder is not empty";
    }
    if (f instanceof FileAlreadyExistsException) {
      return "something else is already there";
    }
    if (f instanceof NotDirectoryException) {
      return "a file is where a folder should be";
    }
    return f.getReason() != null ? f.getReason() : "the system gave no reason";
  }

  /** "permission denied (/srv/site/index.html)": the reason and the file, as far as the system names it. */
  public static String describe(IOException e) {
    if (e instanceof FileSystemException f) {
      return reason(f) + (f.getFile() != null ? " (" + f.getFile() + (f.getOtherFile() != null ? ", " + f.getOtherFile() : "") + ")" : "");
    }
    return e.getMessage() != null ? e.getMessage() : "the system gave no reason";
  }
}
