using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace EduAuth.Tests
{
    /// <summary>The shared vectors (EDUAUTH_SHARED_DIR/vectors/token_vectors.json), read once.</summary>
    internal static class Vectors
    {
        private static Dictionary<string, object> root;

        internal static Dictionary<string, object> Root
        {
            get
            {
                if (root == null)
                {
                    string dir = Environment.GetEnvironmentVariable("EDUAUTH_SHARED_DIR");
                    if (string.IsNullOrEmpty(dir))
                        throw new InvalidOperationException("set EDUAUTH_SHARED_DIR (CTest does)");
                    string file = Path.Combine(Path.Combine(dir, "vectors"), "token_vectors.json");
                    root = Json.Obj(Json.Parse(File.ReadAllText(file, Encoding.UTF8)));
                }
                return root;
            }
        }

        internal static List<object> List(string name)
        {
            return Json.Arr(Root[name]);
        }

        internal static Dictionary<string, object> Positive(string id)
        {
            foreach (object o in List("positive"))
            {
                var v = Json.Obj(o);
                if ((string)v["id"] == id) return v;
            }
            throw new KeyNotFoundException("no vector " + id);
        }
    }
}
