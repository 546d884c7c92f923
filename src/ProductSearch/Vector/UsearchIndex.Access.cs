namespace ProductSearch.Vector;

// Lock helpers and native getter plumbing shared by the other parts.
public sealed unsafe partial class UsearchIndex
{
    private nuint Call(delegate*<UsearchIndexHandle, nint*, nuint> getter, string operation)
    {
        nint error = 0;
        var value = getter(_handle, &error);
        UsearchError.ThrowIfSet(error, operation);
        return value;
    }

    private T Read<T>(Func<T> action)
    {
        _lock.EnterReadLock();
        try
        {
            ThrowIfDisposed();
            return action();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private void Read(Action action) => Read(() =>
    {
        action();
        return true;
    });

    private T Write<T>(Func<T> action)
    {
        _lock.EnterWriteLock();
        try
        {
            ThrowIfDisposed();
            return action();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    private void Write(Action action) => Write(() =>
    {
        action();
        return true;
    });

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
}
