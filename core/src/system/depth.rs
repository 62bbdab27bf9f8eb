//! An upper bound of how deeply a TOML or JSON text nests, computed by one
//! linear scan before any parser recurses (shared by system and AIMS files).
//!
//! Brackets are not the only way to nest: in TOML every part of a dotted key
//! (`a.b.c = 1`) and of a table header (`[a.b.c]`) opens a table too, so
//! `x = { a.a.a.a = { ... } }` nests far deeper than its braces. The scan
//! therefore adds the parts of the key being read and of the current table
//! header to the bracket depth. Strings (basic, literal and multi-line) and
//! comments are skipped, so brackets and dots inside text never count; dots
//! in values (`1.5`, `12:00:00.5`) are not key parts and do not count.

/// Where the scanner is inside a key/value pair.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pos {
    /// Reading a key (TOML) or before a JSON member: dots are key parts.
    Key,
    /// Reading a value: dots belong to numbers and dates.
    Value,
}

/// What a bracket opened.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    Array,
    Table,
}

/// The deepest nesting `text` can produce (an upper bound for valid input).
pub(crate) fn nesting_depth(text: &str) -> usize {
    let b = text.as_bytes();
    // Each open bracket with the depth its contents live at.
    let mut stack: Vec<(Open, usize)> = Vec::new();
    let (mut pos, mut header, mut key_parts, mut max) = (Pos::Key, 0usize, 0usize, 0usize);
    let mut line_start = true;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let base = stack.last().map_or(header, |&(_, d)| d);
        match c {
            b'"' | b'\'' => {
                i = skip_string(b, i);
                line_start = false;
                continue;
            }
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'\n' => {
                if stack.is_empty() {
                    pos = Pos::Key;
                    key_parts = 0;
                }
                line_start = true;
                i += 1;
                continue;
            }
            b' ' | b'\t' | b'\r' => {
                i += 1;
                continue;
            }
            _ => {}
        }
        // A table header (`[a.b]`, `[[a.b]]`) at the start of a top-level
        // line: its parts stay open for every line until the next header.
        let table_header = (c == b'[' && stack.is_empty() && line_start && pos == Pos::Key)
            .then(|| header_parts(b, i))
            .flatten();
        if let Some((parts, next)) = table_header {
            header = parts;
            max = max.max(header);
            i = next;
            line_start = false;
            continue;
        }
        match c {
            b'[' | b'{' => {
                let open = if c == b'[' { Open::Array } else { Open::Table };
                // The key being read opens `key_parts` tables, the bracket one more.
                stack.push((open, base + key_parts + 1));
                pos = if open == Open::Table {
                    Pos::Key
                } else {
                    Pos::Value
                };
                key_parts = 0;
            }
            b']' | b'}' => {
                stack.pop();
                pos = Pos::Value;
                key_parts = 0;
            }
            b',' => {
                pos = match stack.last() {
                    Some((Open::Table, _)) => Pos::Key,
                    _ => Pos::Value,
                };
                key_parts = 0;
            }
            b'=' | b':' => pos = Pos::Value,
            b'.' if pos == Pos::Key => key_parts += 1,
            _ => {}
        }
        let base = stack.last().map_or(header, |&(_, d)| d);
        max = max.max(base + key_parts);
        line_start = false;
        i += 1;
    }
    max
}

/// Skips a string starting at `b[i]` (a quote); returns the index after it.
/// Handles `"..."` with escapes, `'...'`, and the multi-line `"""` / `'''`.
/// An unterminated string runs to the end of the line (single-line) or of
/// the text (multi-line); the parser reports it, the bound stays valid.
fn skip_string(b: &[u8], i: usize) -> usize {
    let q = b[i];
    let basic = q == b'"';
    if b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q) {
        let mut j = i + 3;
        while j < b.len() {
            if basic && b[j] == b'\\' {
                j += 2;
                continue;
            }
            if b[j] == q && b.get(j + 1) == Some(&q) && b.get(j + 2) == Some(&q) {
                // Up to two more quotes may belong to the content (`""""`).
                let mut end = j + 3;
                while end < b.len() && end < j + 5 && b[end] == q {
                    end += 1;
                }
                return end;
            }
            j += 1;
        }
        return b.len();
    }
    let mut j = i + 1;
    while j < b.len() {
        match b[j] {
            b'\\' if basic => j += 2,
            b'\n' => return j,
            x if x == q => return j + 1,
            _ => j += 1,
        }
    }
    b.len()
}

/// Counts the parts of a table header starting at `b[i]` (`[`); returns the
/// count and the index after the closing bracket(s), or `None` if this is
/// not a header (a bracket, brace or `=` comes first: an array, e.g. JSON).
fn header_parts(b: &[u8], i: usize) -> Option<(usize, usize)> {
    let mut j = i + 1;
    if b.get(j) == Some(&b'[') {
        j += 1;
    }
    let mut parts = 1;
    loop {
        match b.get(j)? {
            b'"' | b'\'' => {
                j = skip_string(b, j);
                continue;
            }
            b'.' => parts += 1,
            b']' => break,
            b'[' | b'{' | b'=' | b'\n' => return None,
            _ => {}
        }
        j += 1;
    }
    while b.get(j) == Some(&b']') {
        j += 1;
    }
    Some((parts, j))
}

#[cfg(test)]
mod tests {
    use super::nesting_depth as d;

    #[test]
    fn brackets_and_braces_count() {
        assert_eq!(d("x = 1"), 0);
        assert_eq!(d("x = [1, 2]"), 1);
        assert_eq!(d("x = [[1], [2, [3]]]"), 3);
        assert_eq!(d("x = { a = { b = 1 } }"), 2);
        assert_eq!(d(r#"{"a": {"b": [1.5, 2.5]}}"#), 3);
    }

    #[test]
    fn dotted_keys_and_headers_count() {
        assert_eq!(d("a.b.c = 1"), 2);
        assert_eq!(d("x = { a.a.a.a = 1 }"), 4);
        assert_eq!(d("x = { a.a.a = { b.b = 1 } }"), 5);
        assert_eq!(d("[gpai]\nprovider = true"), 1);
        assert_eq!(d("[a.b.c]\nx.y = [1]"), 5);
        assert_eq!(d("[[a.b]]\nx = 1\n[c]\ny = 2"), 2);
        assert_eq!(d(r#""a"."b".'c' = 1"#), 2);
    }

    #[test]
    fn values_strings_and_comments_do_not_count() {
        assert_eq!(d("x = 1.5\ny = 2026-01-01T12:00:00.5Z"), 0);
        assert_eq!(d("x = [1.5, 2.25, 3.125]"), 1);
        assert_eq!(d(r#"x = "[[[{{{a.b.c""#), 0);
        assert_eq!(d("x = '[[[' # [[[ {{{ a.b.c\ny = 1"), 0);
        assert_eq!(d("x = \"\"\"\n[[[\n{{{ a.b.c\n\"\"\"\ny = 1"), 0);
        assert_eq!(d("x = '''\n]]] [[[\n'''\n"), 0);
        assert_eq!(d(r#"x = "a \" [[[ \\" "#), 0);
        assert_eq!(d(r#"{"a.b.c": "[[[", "d": 1.5}"#), 1);
    }

    #[test]
    fn arrays_at_line_start_are_not_headers() {
        assert_eq!(d("[[[[1]]]]"), 4);
        assert_eq!(d("[\n  [\n    [1]\n  ]\n]"), 3);
        assert_eq!(d(&format!("{}1{}", "[".repeat(200), "]".repeat(200))), 200);
    }

    #[test]
    fn deep_dotted_inline_tables_are_seen() {
        let key = vec!["a"; 79].join(".");
        let text = format!(
            "x = {}1{}",
            format!("{{{key} = ").repeat(24),
            "}".repeat(24)
        );
        assert_eq!(d(&text), 24 * 79);
    }

    #[test]
    fn multi_line_arrays_keep_their_depth() {
        assert_eq!(d("x = [\n  [1],\n  [2],\n]\ny.z = 1"), 2);
        assert_eq!(d("x = [\n  { a.b = 1 },\n]"), 3);
    }
}
