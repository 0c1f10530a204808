using System;
using System.Diagnostics;
using EduAuth;

namespace EduAuth.Samples
{
    /// <summary>
    /// The launcher flow in C#: fetch a room-user token from the app's token server, check it,
    /// build the classroom launchOption and print it.
    ///   mono Launcher.exe (--server URL | --spawn-server PATH) [--room R] [--user U] [--role N]
    /// Exit codes: 0 launchOption printed, 1 eduauth error (status printed), 2 bad arguments.
    /// </summary>
    public static class Launcher
    {
        public static int Main(string[] args)
        {
            string server = null, spawn = null, room = "demo-room", user = "老师01";
            int role = LaunchOptionBuilder.RoleTeacher;
            for (int i = 0; i + 1 < args.Length; i += 2)
            {
                switch (args[i])
                {
                    case "--server": server = args[i + 1]; break;
                    case "--spawn-server": spawn = args[i + 1]; break;
                    case "--room": room = args[i + 1]; break;
                    case "--user": user = args[i + 1]; break;
                    case "--role": role = int.Parse(args[i + 1]); break;
                    default: Console.Error.WriteLine("unknown option " + args[i]); return 2;
                }
            }
            if ((server == null) == (spawn == null))
            {
                Console.Error.WriteLine("give exactly one of --server URL or --spawn-server PATH");
                return 2;
            }
            Process child = null;
            try
            {
                if (spawn != null)
                {
                    // Demo only: a local sample token server on an ephemeral loopback port.
                    child = Process.Start(new ProcessStartInfo(spawn, "--host 127.0.0.1 --port 0")
                    {
                        UseShellExecute = false,
                        RedirectStandardOutput = true,
                    });
                    string line;
                    while ((line = child.StandardOutput.ReadLine()) != null)
                    {
                        int at = line.IndexOf("listening on ", StringComparison.Ordinal);
                        if (at >= 0) { server = line.Substring(at + 13).Trim(); break; }
                    }
                }
                Console.Error.WriteLine("eduauth " + Sdk.Version + ", token server " + server);
                using (var config = new ClientConfig().ServerUrl(server).Preset("education"))
                using (var client = new EduAuthClient(config))
                {
                    FetchedToken fetched = client.Get(room, user, role, 10000);
                    string appId;
                    using (var token = Token.Decode(fetched.Token))
                    {
                        appId = token.AppId;
                        Console.Error.WriteLine("token " + Sdk.Fingerprint(fetched.Token) + " expires at " + token.ExpiresAt);
                    }
                    using (var launch = new LaunchOptionBuilder())
                    {
                        Console.WriteLine(launch.AppId(appId).UserUuid(user).UserName("Demo teacher").RoomUuid(room)
                            .RoomName("Demo room").RoleType(role).RoomType(LaunchOptionBuilder.RoomSmallClass)
                            .Token(fetched.Token).Pretest(false).Language("en").DurationS(1800).Build());
                    }
                }
                return 0;
            }
            catch (EduAuthException e)
            {
                Console.Error.WriteLine("launch failed: " + e.StatusName + ": " + e.Message);
                return 1;
            }
            finally
            {
                if (child != null && !child.HasExited) child.Kill();
            }
        }
    }
}
