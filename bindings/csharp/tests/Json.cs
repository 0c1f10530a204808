using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace EduAuth.Tests
{
    /// <summary>
    /// Just enough JSON to read the shared test vectors (Mono's profile here has no JSON
    /// reader). Objects are Dictionary&lt;string, object&gt;, arrays List&lt;object&gt;,
    /// integers long. Test-only.
    /// </summary>
    internal sealed class Json
    {
        private readonly string text;
        private int pos;

        private Json(string text)
        {
            this.text = text;
        }

        internal static object Parse(string text)
        {
            var p = new Json(text);
            object v = p.Value();
            p.SkipSpace();
            if (p.pos != text.Length) throw p.Error("trailing text");
            return v;
        }

        internal static Dictionary<string, object> Obj(object o) { return (Dictionary<string, object>)o; }
        internal static List<object> Arr(object o) { return (List<object>)o; }
        internal static long Num(object o) { return Convert.ToInt64(o, CultureInfo.InvariantCulture); }

        private FormatException Error(string what)
        {
            return new FormatException("JSON: " + what + " at offset " + pos);
        }

        private void SkipSpace()
        {
            while (pos < text.Length && char.IsWhiteSpace(text[pos])) pos++;
        }

        private object Value()
        {
            SkipSpace();
            if (pos >= text.Length) throw Error("unexpected end");
            switch (text[pos])
            {
                case '{': return Object();
                case '[': return Array();
                case '"': return String();
                case 't': return Literal("true", true);
                case 'f': return Literal("false", false);
                case 'n': return Literal("null", null);
                default: return Number();
            }
        }

        private object Literal(string word, object value)
        {
            if (string.CompareOrdinal(text, pos, word, 0, word.Length) != 0) throw Error("bad literal");
            pos += word.Length;
            return value;
        }

        private Dictionary<string, object> Object()
        {
            var map = new Dictionary<string, object>();
            pos++;
            SkipSpace();
            if (text[pos] == '}') { pos++; return map; }
            while (true)
            {
                SkipSpace();
                string key = String();
                SkipSpace();
                if (text[pos++] != ':') throw Error("expected ':'");
                map[key] = Value();
                SkipSpace();
                char c = text[pos++];
                if (c == '}') return map;
                if (c != ',') throw Error("expected ',' or '}'");
            }
        }

        private List<object> Array()
        {
            var list = new List<object>();
            pos++;
            SkipSpace();
            if (text[pos] == ']') { pos++; return list; }
            while (true)
            {
                list.Add(Value());
                SkipSpace();
                char c = text[pos++];
                if (c == ']') return list;
                if (c != ',') throw Error("expected ',' or ']'");
            }
        }

        private string String()
        {
            if (text[pos] != '"') throw Error("expected string");
            pos++;
            var sb = new StringBuilder();
            while (true)
            {
                char c = text[pos++];
                if (c == '"') return sb.ToString();
                if (c != '\\') { sb.Append(c); continue; }
                char e = text[pos++];
                switch (e)
                {
                    case 'n': sb.Append('\n'); break;
                    case 't': sb.Append('\t'); break;
                    case 'r': sb.Append('\r'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'u':
                        sb.Append((char)int.Parse(text.Substring(pos, 4), NumberStyles.HexNumber));
                        pos += 4;
                        break;
                    default: sb.Append(e); break;
                }
            }
        }

        private object Number()
        {
            int start = pos;
            while (pos < text.Length && "+-0123456789.eE".IndexOf(text[pos]) >= 0) pos++;
            string n = text.Substring(start, pos - start);
            if (n.Length == 0) throw Error("unexpected character");
            if (n.IndexOfAny(new[] { '.', 'e', 'E' }) >= 0) return double.Parse(n, CultureInfo.InvariantCulture);
            return long.Parse(n, CultureInfo.InvariantCulture);
        }
    }
}
