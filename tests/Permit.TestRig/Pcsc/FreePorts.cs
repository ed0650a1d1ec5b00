using System.Net;
using System.Net.Sockets;

namespace Permit.TestRig;

/// <summary>Finds TCP ports nobody listens on, by letting the kernel pick one and releasing it again.</summary>
internal static class FreePorts
{
    /// <summary>
    /// A port <c>p</c> such that <c>p</c> .. <c>p + count - 1</c> are all free now; vpcd listens on consecutive
    /// ports (slot n on <c>port + n</c>), so a single free port is not enough.
    /// </summary>
    public static int FindConsecutive(int count)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var held = new List<Socket>();
            try
            {
                var first = Bind(held, 0);
                if (first + count - 1 > IPEndPoint.MaxPort)
                    continue;

                var all = true;
                for (var i = 1; i < count && all; i++)
                    all = TryBind(held, first + i);
                if (all)
                    return first;
            }
            finally
            {
                foreach (var socket in held)
                    socket.Dispose();
            }
        }

        throw new InvalidOperationException($"Found no {count} consecutive free TCP ports.");
    }

    private static int Bind(List<Socket> held, int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        held.Add(socket);
        // vpcd binds 0.0.0.0, so probe the same address.
        socket.Bind(new IPEndPoint(IPAddress.Any, port));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    private static bool TryBind(List<Socket> held, int port)
    {
        try
        {
            Bind(held, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
