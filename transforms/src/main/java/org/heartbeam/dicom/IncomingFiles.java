package org.heartbeam.dicom;

import java.util.Locale;

/**
 * The contract between writers of a watched folder and {@link
 * org.heartbeam.transforms.dicom.WatchDicomFolder}: a file is read
 * only once it is complete, and a writer says "complete" by an atomic rename.
 *
 * <ul>
 *   <li>Writers write under a name the watcher ignores — ending in {@code .part} or {@code .tmp}, or
 *       starting with a dot, or anywhere below a folder whose name starts with a dot — and then rename
 *       it, on the same file system, to its final name ({@code mv}, {@code rename(2)},
 *       {@code Files.move(..., ATOMIC_MOVE)}). The final name appears with all its bytes at once.
 *   <li>A file copied straight to its final name ({@code cp}, {@code scp}) may be seen half-written
 *       and become a dead letter; it is not read again when it grows (see below).
 *   <li>Names are matched once: a file REPLACED under the same name (even with new bytes) is not read
 *       again. For DICOM that is right — one name per SOP Instance UID, and an instance re-sent by a
 *       scanner is the same instance — and it keeps a restarted sender from duplicating results.
 *       To process new content, give it a new name.
 * </ul>
 */
public final class IncomingFiles {
  private IncomingFiles() {}

  /**
   * Whether a matched path is a complete file to read: no path element (below the watched folder
   * or above it) starts with a dot, and the name does not end in {@code .part} or {@code .tmp}.
   *
   * @param relativePath the path below the watched folder, '/'-separated (URIs and OS paths alike)
   */
  public static boolean isComplete(String relativePath) {
    String[] elements = relativePath.replace('\\', '/').split("/");
    for (String element : elements) {
      if (element.startsWith(".") && !element.equals(".") && !element.equals("..")) {
        return false;
      }
    }
    String name = elements[elements.length - 1].toLowerCase(Locale.ROOT);
    return !name.isEmpty() && !name.endsWith(".part") && !name.endsWith(".tmp");
  }
}
