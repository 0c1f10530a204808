using System;
using System.Diagnostics;
using System.IO;

namespace EduAuth.Tests
{
    /// <summary>
    /// The sample token server (eduauth-token-server --port 0) as a child process on 127.0.0.1;
    /// its URL comes from the "listening on http(s)://127.0.0.1:PORT" line. Path from the
    /// environment variable EDUAUTH_TOKEN_SERVER (CTest sets it).
    /// </summary>
    internal sealed class TokenServer : IDisposable
    {
        internal const string AppId = "970CA35de60c44645bbae8a215061b33";
        internal const string Cert = "5CFd2fd1755d40ecb72977518be15d3b";

        private readonly Process process;
        internal readonly string Url;

        internal TokenServer(string extraArgs = "")
        {
            string exe = Environment.GetEnvironmentVariable("EDUAUTH_TOKEN_SERVER");
            if (string.IsNullOrEmpty(exe) || !File.Exists(exe))
                throw new InvalidOperationException("set EDUAUTH_TOKEN_SERVER to eduauth-token-server (CTest does)");
            var psi = new ProcessStartInfo(exe, "--host 127.0.0.1 --port 0 " + extraArgs)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
            };
            psi.EnvironmentVariables["APP_ID"] = AppId;
            psi.EnvironmentVariables["APP_CERTIFICATE"] = Cert;
            process = Process.Start(psi);
            string line;
            while ((line = process.StandardOutput.ReadLine()) != null)
            {
                int at = line.IndexOf("listening on ", StringComparison.Ordinal);
                if (at >= 0)
                {
                    Url = line.Substring(at + "listening on ".Length).Trim();
                    break;
                }
            }
            if (Url == null)
            {
                Dispose();
                throw new IOException("eduauth-token-server exited without a listening line");
            }
            // Keep draining the request log so the server never blocks on a full pipe.
            var reader = process.StandardOutput;
            new System.Threading.Thread(() => { while (reader.ReadLine() != null) { } }) { IsBackground = true }.Start();
        }

        public void Dispose()
        {
            try
            {
                if (!process.HasExited) process.Kill();
                process.WaitForExit(5000);
            }
            catch (InvalidOperationException)
            {
                // already gone
            }
            process.Dispose();
        }
    }
}
