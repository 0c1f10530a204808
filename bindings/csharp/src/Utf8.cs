using System;
using System.Runtime.InteropServices;
using System.Text;

namespace EduAuth
{
    /// <summary>
    /// Strings cross the C boundary as UTF-8 bytes, explicitly (case C-08): the P/Invoke
    /// default for strings is the ANSI code page, which breaks CJK and emoji user ids.
    /// Used by the generated layer. .NET Standard 2.0 surface only (no PtrToStringUTF8).
    /// </summary>
    internal static class Utf8
    {
        // throwOnInvalidBytes: a lone surrogate is refused, never replaced silently.
        private static readonly UTF8Encoding Strict = new UTF8Encoding(false, true);

        /// <summary>Strict UTF-8 with a terminating NUL; null stays null.</summary>
        internal static byte[] Encode(string s)
        {
            if (s == null) return null;
            int nul = s.IndexOf('\0');
            if (nul >= 0)
                throw new EduAuthException(StatusCode.InvalidArgument,
                    "string contains U+0000 at index " + nul + "; C strings end at NUL");
            int count;
            try
            {
                count = Strict.GetByteCount(s);
            }
            catch (EncoderFallbackException e)
            {
                throw new EduAuthException(StatusCode.InvalidArgument,
                    "string is not valid UTF-16 (unpaired surrogate at index " + e.Index + ")");
            }
            var bytes = new byte[count + 1]; // last byte stays 0
            Strict.GetBytes(s, 0, s.Length, bytes, 0);
            return bytes;
        }

        /// <summary>Copies a NUL-terminated UTF-8 string owned by native code; Zero gives null.</summary>
        internal static string FromNative(IntPtr p)
        {
            if (p == IntPtr.Zero) return null;
            int n = 0;
            while (Marshal.ReadByte(p, n) != 0) n++;
            if (n == 0) return string.Empty;
            var bytes = new byte[n];
            Marshal.Copy(p, bytes, 0, n);
            return Encoding.UTF8.GetString(bytes);
        }

        /// <summary>Copies a caller-owned string (char **out) and frees it with eduauth_string_free.</summary>
        internal static string TakeOwned(IntPtr p)
        {
            if (p == IntPtr.Zero) return null;
            try
            {
                return FromNative(p);
            }
            finally
            {
                EduAuthNative.eduauth_string_free(p);
            }
        }
    }
}
