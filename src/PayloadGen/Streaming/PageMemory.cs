using System;
using System.Runtime.InteropServices;

namespace PayloadGen;

/// <summary>
/// Large blocks straight from the operating system, for <see cref="PartBuffer"/>: on Linux (Lambda) an anonymous
/// <c>mmap</c> that <c>munmap</c> returns at once, elsewhere <see cref="NativeMemory"/>.
/// </summary>
/// <remarks>
/// Why not <see cref="NativeMemory.Alloc(nuint)"/> everywhere: glibc serves a block of several MiB with <c>mmap</c>
/// only until the first such block is freed, then raises its mmap threshold to that size and serves the next ones
/// from its heap arenas, which keep freed memory resident (they trim only past a threshold raised the same way). A
/// warm execution environment would keep the parts of its last large response. Pages of a fresh mapping are also
/// committed only when written, so the part that holds a small response costs the pages it used.
/// </remarks>
internal static unsafe partial class PageMemory
{
    private const int ProtectionReadWrite = 0x1 | 0x2; // PROT_READ | PROT_WRITE
    private const int PrivateAnonymous = 0x02 | 0x20; // MAP_PRIVATE | MAP_ANONYMOUS (Linux, every architecture .NET runs on)

    /// <summary>Decided once: a block is freed the way it was allocated.</summary>
    private static readonly bool s_mapsPages = OperatingSystem.IsLinux() && CanMapPages();

    /// <summary>Whether blocks come from <c>mmap</c> (Linux with a glibc or musl <c>libc</c>).</summary>
    public static bool MapsPages => s_mapsPages;

    public static byte* Allocate(int bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytes);
        if (!s_mapsPages)
        {
            return (byte*)NativeMemory.Alloc((nuint)bytes);
        }

        nint address = Map(0, (nuint)bytes, ProtectionReadWrite, PrivateAnonymous, -1, 0);
        return address == -1
            ? throw new InsufficientMemoryException($"The operating system refused {bytes:N0} bytes for an upload part (mmap error {Marshal.GetLastPInvokeError()}).")
            : (byte*)address;
    }

    public static void Free(byte* memory, int bytes)
    {
        if (s_mapsPages)
        {
            _ = Unmap(memory, (nuint)bytes);
        }
        else
        {
            NativeMemory.Free(memory);
        }
    }

    private static bool CanMapPages()
    {
        try
        {
            nint probe = Map(0, 4096, ProtectionReadWrite, PrivateAnonymous, -1, 0);
            if (probe == -1)
            {
                return false;
            }

            _ = Unmap((void*)probe, 4096);
            return true;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    private static partial nint Map(nint address, nuint length, int protection, int flags, int fileDescriptor, nint offset);

    [LibraryImport("libc", EntryPoint = "munmap", SetLastError = true)]
    private static partial int Unmap(void* address, nuint length);
}
