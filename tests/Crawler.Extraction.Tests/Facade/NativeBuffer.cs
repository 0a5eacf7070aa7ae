using System.Buffers;
using System.Runtime.InteropServices;

namespace Crawler.Extraction.Tests.Facade;

/// <summary>
/// A huge buffer the OS only reserves: pages that are never touched take no memory, so a 500 MB
/// document can be handed to the facade without the test using 500 MB.
/// </summary>
internal sealed unsafe class NativeBuffer(nuint length) : MemoryManager<byte>
{
    private readonly void* _pointer = NativeMemory.Alloc(length);

    public override Span<byte> GetSpan() => new(_pointer, checked((int)length));

    public override MemoryHandle Pin(int elementIndex = 0) => new((byte*)_pointer + elementIndex);

    public override void Unpin() { }

    protected override void Dispose(bool disposing) => NativeMemory.Free(_pointer);
}
