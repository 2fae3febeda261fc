package dev.tributary.deepstorage;

import dev.tributary.core.io.FileTrees;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Deep storage in a local (or mounted) file system, with {@code file:} locations.
 *
 * <p>A push copies the files into a hidden temporary directory beside the target, writes the
 * marker, forces everything to disk and then renames the temporary directory into place, so the
 * target appears whole. Replacing an existing segment moves the old one aside first; a reader in
 * that short window finds no segment ({@link SegmentNotFoundException}), never a mixed one.
 */
public final class LocalDeepStorage implements DeepStorage {

    private final Path base;

    public LocalDeepStorage(Path base) {
        this.base = base.toAbsolutePath().normalize();
    }

    public Path base() {
        return base;
    }

    @Override
    public URI push(Path segmentDirectory, SegmentKey key) {
        Path target = resolve(key);
        URI location = locationOf(target);
        SegmentManifest manifest = SegmentManifest.of(segmentDirectory);
        if (manifest.equals(storedManifest(target))) {
            return location;
        }
        Path temp = target.resolveSibling("." + target.getFileName() + ".pushing-" + UUID.randomUUID());
        try {
            Files.createDirectories(target.getParent());
            copyTree(segmentDirectory, temp);
            Path marker = temp.resolve(COMPLETE_MARKER);
            Files.write(marker, manifest.bytes(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            forceTree(temp);
            publish(temp, target);
            force(target.getParent());
            return location;
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new DeepStorageException("Could not push segment " + key.relativePath() + " to "
                    + location + ": " + e, e, true);
        }
    }

    @Override
    public void pull(URI location, Path targetDirectory) {
        Path source = resolve(location);
        SegmentManifest manifest = storedManifest(source);
        if (manifest == null) {
            throw new SegmentNotFoundException("No complete segment at " + location
                    + " (missing " + COMPLETE_MARKER + ")");
        }
        try {
            Files.createDirectories(targetDirectory.toAbsolutePath().getParent());
            Files.createDirectory(targetDirectory);
        } catch (FileAlreadyExistsException e) {
            throw new DeepStorageException("Pull target already exists: " + targetDirectory, e, false);
        } catch (IOException e) {
            throw new DeepStorageException("Could not create pull target " + targetDirectory, e, true);
        }
        try {
            for (SegmentManifest.Entry entry : manifest.entries()) {
                Path to = targetDirectory.resolve(entry.relativePath());
                Files.createDirectories(to.getParent());
                Files.copy(source.resolve(entry.relativePath()), to);
            }
            manifest.verify(targetDirectory, location.toString());
        } catch (NoSuchFileException e) {
            deleteQuietly(targetDirectory);
            throw new SegmentNotFoundException("Segment at " + location + " went away while it was pulled");
        } catch (IOException e) {
            deleteQuietly(targetDirectory);
            throw new DeepStorageException("Could not pull segment " + location, e, true);
        } catch (RuntimeException e) {
            deleteQuietly(targetDirectory);
            throw e;
        }
    }

    @Override
    public void kill(URI location) {
        Path target = resolve(location);
        try {
            // The marker goes first so that no reader starts on a segment being deleted.
            Files.deleteIfExists(target.resolve(COMPLETE_MARKER));
            FileTrees.deleteRecursively(target);
        } catch (IOException e) {
            throw new DeepStorageException("Could not kill segment " + location, e, true);
        }
    }

    /** The segment directory of {@code key}, checked to stay under the base. */
    Path resolve(SegmentKey key) {
        Path target = base;
        for (String element : key.pathElements()) {
            target = target.resolve(element);
        }
        return checkUnderBase(target.normalize(), key.relativePath());
    }

    private Path resolve(URI location) {
        if (!"file".equals(location.getScheme())) {
            throw new LocationOutsideBaseException("Not a file: location: " + location);
        }
        Path path = Path.of(location).toAbsolutePath().normalize();
        checkUnderBase(path, location.toString());
        // Only a segment directory may be pulled or killed, never the base or a dataSource.
        String relative = base.relativize(path).toString().replace('\\', '/');
        return resolve(SegmentKey.fromRelativePath(relative));
    }

    private Path checkUnderBase(Path path, String what) {
        if (!path.startsWith(base) || path.equals(base)) {
            throw new LocationOutsideBaseException("'" + what + "' is outside the deep storage base " + base);
        }
        return path;
    }

    private static SegmentManifest storedManifest(Path segment) {
        try {
            return SegmentManifest.parse(
                    Files.readString(segment.resolve(COMPLETE_MARKER), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new DeepStorageException("Could not read " + segment.resolve(COMPLETE_MARKER), e, true);
        }
    }

    private static URI locationOf(Path segment) {
        String uri = segment.toUri().toString();
        return URI.create(uri.endsWith("/") ? uri : uri + "/");
    }

    private static void publish(Path temp, Path target) throws IOException {
        try {
            if (!Files.exists(target)) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                return;
            }
            // A directory cannot be renamed over a non-empty one: move the old segment aside.
            Path old = target.resolveSibling("." + target.getFileName() + ".replaced-" + UUID.randomUUID());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(old.resolve(COMPLETE_MARKER));
            FileTrees.deleteRecursively(old);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The deep storage file system cannot rename atomically", e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path dest = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(source, dest);
                }
            }
        }
    }

    private static void forceTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                force(path);
            }
        }
    }

    private static void force(Path path) throws IOException {
        boolean directory = Files.isDirectory(path);
        try (FileChannel channel = FileChannel.open(path,
                directory ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException e) {
            if (!directory) {
                throw e;
            }
            // Some platforms cannot open directories; the files themselves are forced already.
        }
    }

    private static void deleteQuietly(Path root) {
        try {
            FileTrees.deleteRecursively(root);
        } catch (IOException e) {
            // Best effort after a failure that is already being reported; a leftover temporary
            // directory is hidden and never read as a segment.
        }
    }

    @Override
    public String toString() {
        return "LocalDeepStorage[" + base + "]";
    }
}
