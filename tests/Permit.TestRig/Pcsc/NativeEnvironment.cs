using System.Runtime.InteropServices;

namespace Permit.TestRig;

/// <summary>
/// Sets a variable both in .NET's copy of the environment (seen by child processes started with
/// <see cref="System.Diagnostics.Process"/>) and in libc's (seen by native code in this process such as libpcsclite):
/// on Unix <see cref="Environment.SetEnvironmentVariable(string, string)"/> only changes the managed copy.
/// </summary>
internal static partial class NativeEnvironment
{
    public static void Set(string name, string value)
    {
        Environment.SetEnvironmentVariable(name, value);
        if (OperatingSystem.IsLinux() && SetEnv(name, value, 1) != 0)
            throw new InvalidOperationException($"setenv({name}) failed with errno {Marshal.GetLastPInvokeError()}.");
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
